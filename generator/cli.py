"""The `playbook` command: a thin layer that parses options, calls the library and reports.

Each command imports what it needs when it runs, so that `playbook check --rules` starts
without the validation machinery (YAML loading, JSON Schemas, MkDocs).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from generator import __version__
from generator.reporting import FINDING_FORMATS, FORMATS, report, report_findings, summary

if TYPE_CHECKING:
    from generator.model import Playbook
    from generator.validation import Result

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
DEFAULT_DIR = Path("guidelines")


def guidelines_folder(directory: Path | None) -> Path:
    """The guidelines folder a command works on; a usage error (exit 2) when there is none.

    DIR may be the guidelines folder itself or a project folder holding guidelines/, as
    `playbook init DIR` writes it.
    """
    if directory is None:
        if DEFAULT_DIR.is_dir():
            return DEFAULT_DIR
        raise click.UsageError(
            "there is no guidelines/ folder here: start a playbook with 'playbook init', "
            "or name the guidelines folder."
        )
    if not directory.is_dir():
        raise click.UsageError(
            f"there is no folder '{directory}': name the guidelines folder, or start a "
            f"playbook there with 'playbook init {directory}'."
        )
    nested = directory / DEFAULT_DIR
    if not (directory / "playbook.yml").exists() and (nested / "playbook.yml").exists():
        return nested
    return directory


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


def _say(language: str, template: str, **values: Any) -> str:
    """A sentence of the command line in the playbook's language (see generator.wording)."""
    from generator.wording import say, translate

    return translate(say(template, **values), language)


def guidelines_argument(function: F) -> F:
    return click.argument(
        "directory", required=False, type=click.Path(path_type=Path, file_okay=False)
    )(function)


def load_or_exit(directory: Path | None, strict: bool = False, fmt: str = "text") -> Result:
    """Validate; on errors (or warnings with strict) print them and exit 1."""
    from generator.validation import validate

    result = validate(guidelines_folder(directory))
    failing = result.errors or (strict and result.warnings)
    if result.diagnostics and (failing or fmt == "text"):
        click.echo(report(result.diagnostics, fmt, result.language), nl=False, err=not failing)
    if failing:
        click.echo(f"playbook: {summary(result.diagnostics, result.language)}", err=True)
        sys.exit(EXIT_INVALID)
    return result


def playbook_or_exit(directory: Path | None, strict: bool = False) -> Playbook:
    """The valid playbook of a folder; on errors (or warnings with strict) print them, exit 1."""
    playbook = load_or_exit(directory, strict).playbook
    assert playbook is not None  # no errors, so it was built
    return playbook


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="playbook")
def main() -> None:
    """Conversational guidelines for digital customer service, written as code.

    Validate the guidelines in guidelines/, build the playbook site, export the rules as
    JSON and check replies against them.
    """
    # Material for MkDocs otherwise prints a banner about MkDocs 2 on every build.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@main.command("validate")
@guidelines_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="How to print the problems.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@internal_errors
def validate_command(directory: Path | None, fmt: str, strict: bool) -> None:
    """Validate a guidelines folder (default: guidelines/).

    Exit 0 when valid, 1 when invalid (or with warnings and --strict), 2 on usage errors.
    """
    from generator.validation import validate

    result = validate(guidelines_folder(directory))
    if fmt != "text" or result.diagnostics:
        click.echo(report(result.diagnostics, fmt, result.language), nl=False)
    if fmt == "text":
        click.echo(f"playbook: {summary(result.diagnostics, result.language)}", err=True)
    failing = result.errors or (strict and result.warnings)
    sys.exit(EXIT_INVALID if failing else EXIT_OK)


@main.command("schema")
@click.option("--check", is_flag=True, help="Fail if rules/ is out of date instead of writing.")
@internal_errors
def schema_command(check: bool) -> None:
    """Regenerate the JSON Schemas in rules/ from the registry of rule kinds."""
    from generator.resources import RULES
    from generator.schemas import published, write_published

    if check:
        stale = [
            n
            for n, t in published().items()
            if not (RULES / n).exists() or (RULES / n).read_text(encoding="utf-8") != t
        ]
        for name in stale:
            click.echo(f"rules/{name} is out of date: run 'playbook schema'.", err=True)
        sys.exit(EXIT_INVALID if stale else EXIT_OK)
    changed = write_published()
    click.echo(f"updated {', '.join(changed)}" if changed else "rules/ is up to date")


@main.command("export")
@guidelines_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (atomically) instead of standard output.",
)
@internal_errors
def export_command(directory: Path | None, output: Path | None) -> None:
    """Export the rules as JSON for other systems (see rules/export.schema.json)."""
    from generator.export import dumps, export
    from generator.writing import write_atomic

    playbook = playbook_or_exit(directory)
    text = dumps(export(playbook))
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomic(output, text)
    except OSError as error:
        raise click.UsageError(f"cannot write {output}: {error.strerror}.") from None
    click.echo(_say(playbook.language, "wrote {file}", file=output), err=True)


def _read_reply(name: str) -> tuple[str, str]:
    if name == "-":
        raw, display = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            raw, display = Path(name).read_bytes(), name
        except OSError as error:
            raise click.UsageError(f"cannot read {name}: {error.strerror}.") from None
    try:
        return display, raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise click.UsageError(
            f"{display}:{line}:{column}: byte 0x{raw[error.start]:02x} is not UTF-8: save the "
            "reply as UTF-8."
        ) from None


def _checker(rules_file: Path | None, guidelines: Path | None, site_url: str) -> Any:
    """The compiled rules: from a rules file, or those that validating the guidelines compiled."""
    from generator.checking import Checker, TermBudgetError
    from generator.checking.rules_file import RulesFileError, read_rules

    if rules_file is None:
        return Checker.from_playbook(playbook_or_exit(guidelines), base_url=site_url)
    try:
        return Checker(read_rules(rules_file), base_url=site_url)
    except RulesFileError as error:
        raise click.UsageError(str(error)) from None
    except TermBudgetError as error:
        raise click.UsageError(f"{rules_file}: {error}") from None


def rules_source(verb: str) -> Callable[[F], F]:
    """The options that say where the rules come from: `check` and `audit`."""

    def decorate(function: F) -> F:
        function = click.option(
            "--guidelines",
            type=click.Path(path_type=Path, file_okay=False),
            help="The guidelines folder (default: guidelines/).",
        )(function)
        return click.option(
            "--rules",
            "rules_file",
            type=click.Path(path_type=Path, dir_okay=False),
            help=f"{verb} with an exported rules.json instead of the guidelines.",
        )(function)

    return decorate


@main.command("check")
@click.argument("files", nargs=-1)
@click.option("--channel", "-c", required=True, help="The channel the reply is for, e.g. whatsapp.")
@click.option("--situation", "-s", help="The situation, e.g. complaint.")
@click.option(
    "--in-reply-to",
    "in_reply_to",
    metavar="TEXT",
    help="The customer's message: its situation is detected from the signals.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="With --in-reply-to: print which signals and cues matched and why a situation won.",
)
@rules_source("Check")
@click.option(
    "--waited", metavar="DURATION", help="How long the customer waited for this reply, e.g. 90m."
)
@click.option(
    "--next",
    "is_next",
    is_flag=True,
    help="The reply is a follow-up: --waited counts against next_response.",
)
@click.option(
    "--format", "fmt", type=click.Choice(FINDING_FORMATS), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "suggestion", "never"]),
    default="error",
    show_default=True,
    help="The least severity that makes exit 1.",
)
@click.option("--site-url", default="", help="Prefix for links, e.g. https://playbook.example.com/")
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the unambiguous fixes (banned and preferred terms) and print the fixed reply.",
)
@click.option("--write", is_flag=True, help="With --fix: rewrite the files instead of printing.")
@internal_errors
def check_command(
    files: tuple[str, ...],
    channel: str,
    situation: str | None,
    in_reply_to: str | None,
    explain: bool,
    rules_file: Path | None,
    guidelines: Path | None,
    waited: str | None,
    is_next: bool,
    fmt: str,
    fail_on: str,
    site_url: str,
    fix: bool,
    write: bool,
) -> None:
    """Check draft replies (files, or - for standard input) against the channel's rules.

    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on usage or
    configuration errors. With --fix, the findings are those left after fixing.
    """
    from generator.checking import UnknownName
    from generator.text.durations import parse
    from generator.vocabulary import SEVERITY_ORDER
    from generator.wording import say, translate

    if situation and in_reply_to:
        raise click.UsageError("give --situation or --in-reply-to, not both.")
    if write and not fix:
        raise click.UsageError("--write rewrites the files with --fix: add --fix.")
    if fix and not write and len(files) > 1:
        raise click.UsageError("--fix prints one reply: give one file, or add --write.")
    if write and (not files or "-" in files):
        raise click.UsageError("--write rewrites files: name them instead of standard input.")
    try:
        seconds = parse(waited) if waited else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--waited") from None
    checker = _checker(rules_file, guidelines, site_url)
    if explain and in_reply_to is None:
        problem = "--explain explains --in-reply-to: give the customer's message."
        raise click.UsageError(_say(checker.language, problem))
    confidence, shown = "given", {"id": situation, "confidence": "given"} if situation else None
    if in_reply_to is not None:
        detection = checker.explain_situation(in_reply_to)
        situation, confidence = detection.situation, detection.confidence or "weak"
        shown = {"id": situation, "confidence": detection.confidence}
        if explain:
            for line in detection.explain(in_reply_to):
                click.echo(
                    translate(say("situation: {line}", line=line), checker.language), err=True
                )
    replies = [_read_reply(name) for name in (files or ("-",))]
    metric = "next_response" if is_next else "first_response"

    def check(text: str) -> Any:
        return checker.check(
            text,
            channel=channel,
            situation=situation,
            waited=seconds,
            metric=metric,
            confidence=confidence,
        )

    try:
        results = [(name, check(text)) for name, text in replies]
    except UnknownName as error:
        raise click.UsageError(translate(error.args[0], checker.language)) from None
    if fix:
        results = _fix_replies(replies, results, write, checker.language, check)
    # The rules as the checked channel has them: a rule may have a variant per channel.
    rules = checker.channel_rules(channel)
    click.echo(
        report_findings(results, fmt, rules, checker.language, situation=shown),
        nl=False,
        err=fix and not write,
    )
    threshold = SEVERITY_ORDER.get(fail_on, 99)
    failing = any(SEVERITY_ORDER[f.severity] >= threshold for _, fs in results for f in fs)
    sys.exit(EXIT_INVALID if failing else EXIT_OK)


def _fix_replies(
    replies: list[tuple[str, str]],
    results: list[tuple[str, list[Any]]],
    write: bool,
    language: str,
    check: Callable[[str], list[Any]],
) -> list[tuple[str, list[Any]]]:
    """Apply each reply's fixes; print the fixed reply or rewrite its file (atomically).

    Return the findings left in the fixed replies, which are checked again: a replacement
    is text like any other.
    """
    from generator.text.fixes import apply_fixes
    from generator.writing import write_atomic

    left = []
    for (name, text), (_, findings) in zip(replies, results, strict=True):
        edits = [(f.offset, f.end_offset, f.fix) for f in findings if f.fix is not None]
        fixed = apply_fixes(text, edits) if edits else text
        if not write:
            click.echo(fixed, nl=False)
        elif edits:
            write_atomic(Path(name), fixed)
            click.echo(f"{name}: " + _say(language, "{n} fixed", n=len(edits)), err=True)
        left.append((name, check(fixed)))
    return left


def log_options(function: F) -> F:
    """The options that say how to read conversation logs: `audit` and `build --audit`."""
    options = (
        click.option(
            "--on-error",
            type=click.Choice(["stop", "skip"]),
            default="stop",
            show_default=True,
            help="On bad records: stop with exit 2 before any result, or skip and count them.",
        ),
        click.option(
            "--column",
            "columns",
            multiple=True,
            metavar="FIELD=COLUMN",
            help="Read a field from a column with another name, e.g. time=created_at.",
        ),
        click.option("--time-zone", help="The time zone of times written without an offset."),
        click.option(
            "--twitter-channel",
            default="x",
            show_default=True,
            help="The channel of tweets in a Twitter support export.",
        ),
        click.option(
            "--reopen-after",
            "reopen",
            multiple=True,
            metavar="[CHANNEL=]DURATION",
            help="Idle time after which a customer message reopens a conversation (default "
            "24h; 'never' to turn off), for all channels or one.",
        ),
    )
    for option in reversed(options):
        function = option(function)
    return function


def _columns(columns: tuple[str, ...], time_zone: str | None) -> dict[str, str]:
    """The --column mapping, field to the file's column; a usage error for a bad one or for a
    --time-zone that is not one."""
    import zoneinfo

    from generator.audit.reading import FIELDS, OPTIONAL

    mapping = {}
    for item in columns:
        ours, _, theirs = item.partition("=")
        if ours not in (*FIELDS, *OPTIONAL) or not theirs:
            raise click.BadParameter(
                f"'{item}': write FIELD=COLUMN with FIELD one of {', '.join(FIELDS + OPTIONAL)}.",
                param_hint="--column",
            )
        mapping[ours] = theirs
    if time_zone:
        try:
            zoneinfo.ZoneInfo(time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise click.BadParameter(
                f"'{time_zone}' is not a time zone: use an IANA name like Europe/Rome.",
                param_hint="--time-zone",
            ) from None
    return mapping


def _read_logs(
    logs: tuple[Path, ...],
    checker: Any,
    mapping: dict[str, str],
    time_zone: str | None,
    twitter_channel: str,
    on_error: str,
) -> Any:
    """The records of the logs; bad ones are printed with file and line, and unless
    --on-error skip, exit 2 before any result."""
    from generator.audit.reading import LogFormatError, ReadOptions, read
    from generator.wording import translate

    options = ReadOptions(
        frozenset(checker.channels),
        frozenset(checker.situations),
        mapping,
        time_zone,
        twitter_channel,
    )
    try:
        log = read(logs, options)
    except OSError as error:
        problem = "cannot read {file}: {reason}."
        reason = error.strerror
        raise click.UsageError(
            _say(checker.language, problem, file=error.filename, reason=reason)
        ) from None
    except UnicodeDecodeError:
        problem = "a log is not UTF-8: save it as UTF-8."
        raise click.UsageError(_say(checker.language, problem)) from None
    except LogFormatError as error:
        raise click.UsageError(translate(error.args[0], checker.language)) from None
    if log.bad:
        for bad in log.bad[:50]:
            click.echo(
                f"{bad.file}:{bad.line}: {_say(checker.language, 'error')}: "
                f"{translate(bad.message, checker.language)}",
                err=True,
            )
        language = checker.language
        more = _say(language, " ({n} more not shown)", n=len(log.bad) - 50)
        more = more if len(log.bad) > 50 else ""
        if on_error == "stop":
            stop = "{n} bad records{more}; fix them, or pass --on-error skip."
            click.echo("playbook: " + _say(language, stop, n=len(log.bad), more=more), err=True)
            sys.exit(EXIT_USAGE)
        skip = "skipped {n} bad records{more}."
        click.echo("playbook: " + _say(language, skip, n=len(log.bad), more=more), err=True)
    return log


@contextlib.contextmanager
def _exit_on_sigterm() -> Iterator[None]:
    """A terminated build unwinds, so that its staging folder is removed (a killed one's is
    removed by the next build)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@main.command("build")
@guidelines_argument
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Where to write the site.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress.")
@click.option(
    "--since",
    metavar="VERSION",
    help="A previous version (folder, rules.json or git revision such as v1.0): the site "
    "gets a 'What changed' page.",
)
@click.option(
    "--builder",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="Build with MkDocs and Material, or with Zensical (pip install 'playbook[zensical]').",
)
@click.option(
    "--audit",
    "audit_logs",
    multiple=True,
    metavar="LOG",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Audit this conversation log (repeatable) and add an Audit section to the site; the "
    "log options are those of 'playbook audit'.",
)
@log_options
@internal_errors
def build_command(
    directory: Path | None,
    site_dir: Path,
    strict: bool,
    verbose: bool,
    since: str | None,
    builder: str,
    audit_logs: tuple[Path, ...],
    on_error: str,
    columns: tuple[str, ...],
    time_zone: str | None,
    twitter_channel: str,
    reopen: tuple[str, ...],
) -> None:
    """Validate, export and build the site (a static folder, default site/).

    The site holds the rules as /rules.json beside their schema /export.schema.json. The
    folder is replaced only when the build succeeds.
    """
    from generator.site.builder import build_site
    from generator.writing import replace_folder

    directory = guidelines_folder(directory)
    mapping = _columns(columns, time_zone)
    playbook = playbook_or_exit(directory, strict)
    echo = lambda line: click.echo(line, err=True)  # noqa: E731
    if builder == "zensical":
        from generator.site.zensical import available

        if not available():
            message = "zensical is not installed: pip install 'playbook[zensical]'"
            click.echo(f"playbook: {message}", err=True)
            sys.exit(EXIT_USAGE)
        if since:
            click.echo("playbook: --since needs the mkdocs builder", err=True)
            sys.exit(EXIT_USAGE)
    audit = None
    if audit_logs:
        # Audited before the site is touched: a bad log leaves the previous site in place.
        from generator.checking import Checker
        from generator.site.audit_data import gather
        from generator.site.audit_pages import audit_section

        checker = Checker.from_playbook(playbook)
        reopen_after = _reopen_after(reopen, checker.channels)
        log = _read_logs(audit_logs, checker, mapping, time_zone, twitter_channel, on_error)
        audit = audit_section(playbook, gather(log, checker, reopen_after=reopen_after.get))
    with _exit_on_sigterm(), replace_folder(site_dir) as staging:
        if builder == "zensical":
            from generator.site.zensical import build_with_zensical

            code = build_with_zensical(
                directory, staging, strict=strict, echo=echo, verbose=verbose, audit=audit
            )
        else:
            code = build_site(
                directory,
                staging,
                strict=strict,
                echo=echo,
                verbose=verbose,
                since=since,
                audit=audit,
            )
        if code:
            sys.exit(code)
    channels = len(playbook.channels)
    built = "built {site}/ ({n} channels, rules at {site}/rules.json)"
    click.echo(_say(playbook.language, built, site=site_dir, n=channels), err=True)


@main.command("serve")
@guidelines_argument
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    help="Address and port to serve on.",
)
@click.option("--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@internal_errors
def serve_command(directory: Path | None, dev_addr: str, open_in_browser: bool) -> None:
    """Preview the site, rebuilding it when a file of the guidelines changes."""
    from generator.site.builder import serve_site
    from generator.validation.layers import folder_language

    # The plugin validates on every build and logs problems with the same messages as validate.
    directory = guidelines_folder(directory)
    serving = "serving on http://{address}/ (Ctrl-C to stop)"
    click.echo(_say(folder_language(directory), serving, address=dev_addr), err=True)
    serve_site(
        directory,
        dev_addr=dev_addr,
        open_in_browser=open_in_browser,
        echo=lambda line: click.echo(line, err=True),
    )


@main.command("init")
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--language",
    type=click.Choice(["en", "it"]),
    default="en",
    show_default=True,
    help="The language the guidelines are written in: the site and the examples follow it.",
)
@click.option("--company", required=True, help="The company's name, the site's title.")
@click.option(
    "--channels",
    default="email,live-chat,whatsapp",
    show_default=True,
    metavar="IDS",
    help="Comma-separated channels: email, live-chat, whatsapp, facebook, instagram, x, "
    "phone, chatbot.",
)
@internal_errors
def init_command(folder: Path | None, language: str, company: str, channels: str) -> None:
    """Start a playbook in FOLDER (default: here) that validates and builds at once.

    Writes guidelines/ (playbook.yml, a file per channel, a page), the schemas editors use
    in rules/, mkdocs.yml, .pre-commit-config.yaml and a GitHub Actions workflow. Existing
    files are never overwritten.
    """
    from generator.starter import starter_files, write_starter

    folder = folder or Path(".")
    ids = tuple(c.strip() for c in channels.split(",") if c.strip())
    if not ids:
        raise click.BadParameter("name at least one channel.", param_hint="--channels")
    if not company.strip():
        raise click.BadParameter("the company's name is empty.", param_hint="--company")
    try:
        texts = starter_files(company.strip(), language, ids)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--channels") from None
    try:
        write_starter(folder, texts)
    except FileExistsError as error:
        raise click.UsageError(
            f"these files exist already: {error}. Choose an empty folder."
        ) from None
    except OSError as error:
        raise click.UsageError(f"cannot write in {folder}: {error.strerror}.") from None
    where = "" if folder == Path(".") else f" {folder}"
    wrote = (
        "wrote a playbook for {company} in {folder}/guidelines/ with {n} channels.\n"
        "Next: playbook validate{where}, then playbook serve{where}."
    )
    values = {"company": company.strip(), "folder": folder, "n": len(set(ids)), "where": where}
    click.echo(_say(language, wrote, **values), err=True)


@main.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@internal_errors
def diff_command(old: str, new: str | None, fmt: str) -> None:
    """What changed from OLD to NEW (default: the guidelines here) for agents and tools.

    Each is a guidelines folder, an exported rules.json, or a git revision of the
    guidelines folder: HEAD~1, v1.0, or REV:path such as v1:guidelines.
    """
    from generator.comparing import compare
    from generator.comparing.report import report_changes
    from generator.comparing.versions import VersionError, read_version

    folder = DEFAULT_DIR
    try:
        old_name, old_rules = read_version(old, folder)
        new_name, new_rules = read_version(new or str(guidelines_folder(None)), folder)
    except VersionError as error:
        raise click.UsageError(str(error)) from None
    language = new_rules["playbook"]["language"]
    changes = compare(old_rules, new_rules)
    click.echo(report_changes(changes, fmt, old_name, new_name, language), nl=False)


@main.command("audit")
@click.argument("logs", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@rules_source("Audit")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "suggestion", "never"]),
    default="error",
    show_default=True,
    help="The least severity that makes exit 1.",
)
@log_options
@click.option("--site-url", default="", help="Prefix for links, e.g. https://playbook.example.com/")
@internal_errors
def audit_command(
    logs: tuple[Path, ...],
    rules_file: Path | None,
    guidelines: Path | None,
    fmt: str,
    output: Path | None,
    fail_on: str,
    on_error: str,
    columns: tuple[str, ...],
    time_zone: str | None,
    twitter_channel: str,
    reopen: tuple[str, ...],
    site_url: str,
) -> None:
    """Audit conversation logs (JSON Lines, CSV or Parquet) against the playbook: response times in
    business hours against the bands, practices, and every agent reply against the rules.

    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on usage or input errors.
    """
    from generator.audit.auditing import audit_log
    from generator.audit.reports import AUDIT_FORMATS
    from generator.audit.summary import Summary
    from generator.vocabulary import SEVERITY_ORDER

    if rules_file and guidelines:
        raise click.UsageError("give --rules or --guidelines, not both.")
    mapping = _columns(columns, time_zone)
    checker = _checker(rules_file, guidelines, site_url)
    reopen_after = _reopen_after(reopen, checker.channels)
    log = _read_logs(logs, checker, mapping, time_zone, twitter_channel, on_error)
    summary = Summary()
    with _progress(len(log)) as advance:
        audits = audit_log(log, checker, reopen_after=reopen_after.get, progress=advance)
        text = AUDIT_FORMATS[fmt](audits, summary, checker.language)
    if output:
        from generator.writing import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)
    threshold = SEVERITY_ORDER.get(fail_on, 99)
    failing = any(n and SEVERITY_ORDER[s] >= threshold for s, n in summary.severities.items())
    sys.exit(EXIT_INVALID if failing else EXIT_OK)


def _reopen_after(values: tuple[str, ...], channels: tuple[str, ...]) -> dict[str, float | None]:
    from generator.text.durations import parse

    result: dict[str, float | None] = dict.fromkeys(channels, 86400.0)
    for value in values:
        channel, _, duration = value.rpartition("=")
        if channel and channel not in channels:
            raise click.BadParameter(
                f"there is no channel '{channel}'.", param_hint="--reopen-after"
            )
        try:
            seconds = None if duration == "never" else float(parse(duration))
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--reopen-after") from None
        for name in [channel] if channel else channels:
            result[name] = seconds
    return result


class _progress:
    """A progress bar on standard error for a large log read from a terminal session."""

    def __init__(self, messages: int) -> None:
        self._bar = (
            click.progressbar(length=messages, file=sys.stderr, label="auditing")
            if messages >= 50_000 and sys.stderr.isatty()
            else None
        )

    def __enter__(self) -> Callable[[int], None] | None:
        return self._bar.__enter__().update if self._bar else None

    def __exit__(self, *exc: Any) -> None:
        if self._bar:
            self._bar.__exit__(*exc)
