"""The `playbook` command: a thin layer that parses options, calls the library and reports."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import ROOT, __version__
from .reporting import FORMATS, report, summary
from .validation import Result, validate

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
DEFAULT_DIR = Path("guidelines")


def default_guidelines() -> Path:
    """guidelines/ in the current folder, else the sample shipped with playbook."""
    return DEFAULT_DIR if DEFAULT_DIR.is_dir() else ROOT / "guidelines"


def internal_errors(function: F) -> F:
    """Turn an unexpected exception into a short message that says how to report it."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as error:  # noqa: BLE001 - the last line of defence
            click.echo(
                f"playbook: internal error: {type(error).__name__}: {error}\n"
                "This is a bug in playbook, not in your guidelines. Please report it with the "
                "command you ran and the files involved; run with PLAYBOOK_DEBUG=1 for details.",
                err=True,
            )
            import os

            if os.environ.get("PLAYBOOK_DEBUG"):
                raise
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def guidelines_argument(function: F) -> F:
    return click.argument(
        "directory", required=False, type=click.Path(path_type=Path, file_okay=False)
    )(function)


def load_or_exit(directory: Path | None, strict: bool = False, fmt: str = "text") -> Result:
    """Validate; on errors (or warnings with strict) print them and exit 1."""
    result = validate(directory or default_guidelines())
    failing = result.errors or (strict and result.warnings)
    if result.diagnostics and (failing or fmt == "text"):
        click.echo(report(result.diagnostics, fmt), nl=False, err=not failing)
    if failing:
        click.echo(f"playbook: {summary(result.diagnostics)}", err=True)
        sys.exit(EXIT_INVALID)
    return result


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="playbook")
def main() -> None:
    """Conversational guidelines for digital customer service, written as code.

    Validate the guidelines in guidelines/, build the playbook site, export the rules as
    JSON and check replies against them.
    """


@main.command("validate")
@guidelines_argument
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="How to print the problems.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@internal_errors
def validate_command(directory: Path | None, fmt: str, strict: bool) -> None:
    """Validate a guidelines folder (default: guidelines/).

    Exit 0 when valid, 1 when invalid (or with warnings and --strict), 2 on usage errors.
    """
    result = validate(directory or default_guidelines())
    if fmt != "text" or result.diagnostics:
        click.echo(report(result.diagnostics, fmt), nl=False)
    if fmt == "text":
        click.echo(f"playbook: {summary(result.diagnostics)}", err=True)
    failing = result.errors or (strict and result.warnings)
    sys.exit(EXIT_INVALID if failing else EXIT_OK)


@main.command("schema")
@click.option("--check", is_flag=True, help="Fail if rules/ is out of date instead of writing.")
@internal_errors
def schema_command(check: bool) -> None:
    """Regenerate the JSON Schemas in rules/ from the registry of rule kinds."""
    from .schema import published, write_published

    if check:
        stale = [n for n, t in published().items()
                 if not (ROOT / "rules" / n).exists()
                 or (ROOT / "rules" / n).read_text(encoding="utf-8") != t]
        for name in stale:
            click.echo(f"rules/{name} is out of date: run 'playbook schema'.", err=True)
        sys.exit(EXIT_INVALID if stale else EXIT_OK)
    changed = write_published()
    click.echo(f"updated {', '.join(changed)}" if changed else "rules/ is up to date")


