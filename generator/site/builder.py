"""The playbook site: the files it adds to MkDocs, and building or serving it for the CLI."""

from __future__ import annotations

import html
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.export import dumps, export
from generator.model import Playbook
from generator.resources import MKDOCS_CONFIG, RULES
from generator.site.bundle import cached_bundle
from generator.site.escaping import fence
from generator.site.rendering import TEMPLATES, render
from generator.validation import Result
from generator.writing import write_atomic

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from generator.site.audit_pages import AuditSection

STYLESHEET = "assets/stylesheets/playbook.css"
#: The checker that runs in the browser, the script of the check forms that use it, and the
#: detection of situations, which those forms load when a customer's message is pasted.
SCRIPTS = (
    "assets/javascripts/playbook-check.js",
    "assets/javascripts/check-page.js",
    "assets/javascripts/playbook-detect.js",
)
SCRIPT_SOURCES = TEMPLATES / "js"
#: The modules built from SCRIPT_SOURCES, which import one another rather than copy.
SHIPPED = ("playbook-check.js", "playbook-detect.js")
#: Today's hours on the home page, and search that stems what is typed.
SCRIPT = "assets/javascripts/playbook.js"
LOGO = "assets/images/playbook-logo.svg"
MATERIAL_FAVICON = "assets/images/favicon.png"
#: Material's separator plus apostrophes, so that "l'operatore" is found by "operatore".
SEARCH_SEPARATOR = r"""[\s\-'’,:;!?=\[\]()"/|]+|\.(?!\d)|&[lg]t;"""
#: Words reduced to their stem in the index and in the query ("refunds" finds "refund"), in
#: the site's language: Material ships lunr's stemmers for English, Italian and more.
SEARCH_PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]
PLUGIN = "playbook"

Echo = Callable[[str], None]


def site_files(playbook: Playbook, source_url: str = "") -> dict[str, str]:
    """Every file the playbook adds to the site: pages, stylesheet, script, logo and the rules.

    `source_url` is the guidelines folder's address in a repository, for the rules reference.
    """
    files = render(playbook, source_url)
    files[STYLESHEET] = (TEMPLATES / "playbook.css").read_text(encoding="utf-8")
    files[SCRIPT] = (TEMPLATES / "playbook.js").read_text(encoding="utf-8")
    files[LOGO] = logo(playbook.company)
    files[SCRIPTS[0]] = cached_bundle(SCRIPT_SOURCES / "playbook-check.js")
    files[SCRIPTS[1]] = (SCRIPT_SOURCES / "check-page.js").read_text(encoding="utf-8")
    files[SCRIPTS[2]] = cached_bundle(SCRIPT_SOURCES / "playbook-detect.js", SHIPPED)
    files["rules.json"] = dumps(export(playbook))
    # As `playbook schema` writes it (a test keeps the published file up to date).
    files["export.schema.json"] = (RULES / "export.schema.json").read_text(encoding="utf-8")
    return files


def logo(company: str) -> str:
    """A round badge with the company's initials, for the header and the browser tab."""
    initials = "".join(word[0] for word in company.split()[:2]).upper() or "P"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img">'
        f"<title>{html.escape(company)}</title>"
        '<circle cx="24" cy="24" r="23" fill="#ffffff"/>'
        '<circle cx="24" cy="24" r="20" fill="#00695c"/>'
        '<text x="24" y="30.5" text-anchor="middle" font-family="Roboto, Helvetica, Arial, '
        'sans-serif" font-size="18" font-weight="700" fill="#ffffff">'
        f"{html.escape(initials)}</text></svg>\n"
    )


def write_pages(playbook: Playbook, out_dir: Path, source_url: str = "") -> list[Path]:
    """Write the site's files into a folder (a docs_dir for plain MkDocs); return their paths.

    Files whose content is unchanged are left alone, so their times stay put for serve.
    """
    written = []
    for name, text in site_files(playbook, source_url).items():
        path, data = out_dir / name, text.encode()
        if not path.is_file() or path.read_bytes() != data:
            write_atomic(path, data)
        written.append(path)
    return written


CHANGES_PAGE = "changes.md"


def add_changes_page(
    files: dict[str, str],
    nav: list[dict[str, Any]],
    playbook: Playbook,
    since: str,
    directory: Path,
) -> None:
    """Add "What changed" since a previous version (`playbook build --since`) to the site.

    Raises PluginError when the previous version cannot be read.
    """
    from mkdocs.exceptions import PluginError

    from generator.comparing import CATEGORIES, compare
    from generator.comparing.report import TITLES, value
    from generator.comparing.versions import VersionError, read_version
    from generator.site.rendering import render_page, translator

    try:
        name, previous = read_version(since, directory)
    except VersionError as error:
        raise PluginError(f"--since {since}: {error}") from None
    changes = compare(previous, export(playbook))
    sections = [(category, TITLES[category]) for category in CATEGORIES]
    files[CHANGES_PAGE] = render_page(
        playbook, "changes.md.j2", changes=changes, since=name, sections=sections, value=value
    )
    title = html.escape(str(translator(playbook.language)("What changed")), quote=False)
    nav.insert(1, {title: CHANGES_PAGE})


def failure_message(directory: str, result: Result) -> str:
    """What `playbook validate` prints for an invalid folder, under one line saying why."""
    from generator.reporting import report, summary

    return (
        f"the guidelines in {directory} are not valid:\n"
        f"{report(result.diagnostics, 'text')}playbook: {summary(result.diagnostics)}"
    )


def error_files(message: str) -> dict[str, str]:
    """While serving, a page that shows the errors until the guidelines are fixed."""
    return {
        "index.md": "# The guidelines have errors\n\nFix them and save: this page reloads."
        f"\n\n{fence(message)}\n"
    }


def site_settings(playbook: Playbook) -> dict[str, str]:
    """The site's name, copyright line and language, from the playbook (HTML-escaped)."""
    return {
        "site_name": str(Markup.escape(playbook.company)),
        "copyright": str(Markup.escape(f"{playbook.company} · playbook {playbook.version}")),
        "language": playbook.language,
    }


def configure(config: MkDocsConfig, playbook: Playbook) -> None:
    """Name, language, logo, stylesheet, scripts and search of the site, from the playbook."""
    settings = site_settings(playbook)
    # Escaped once, as Markup: the theme writes the name raw in some places and through `| e`
    # in others (the logo's title), which leaves Markup as it is instead of escaping it again.
    config.site_name = Markup(settings["site_name"])
    config.copyright = Markup(settings["copyright"])
    config.theme["language"] = settings["language"]
    if not config.theme.get("logo"):
        config.theme["logo"] = LOGO
    if config.theme.get("favicon") in (None, MATERIAL_FAVICON):
        config.theme["favicon"] = LOGO
    overrides = str(TEMPLATES / "overrides")
    if config.theme.custom_dir is None and overrides not in config.theme.dirs:
        # A playbook's own mkdocs.yml (as `playbook init` writes it) gets playbook's overrides.
        config.theme.dirs.insert(0, overrides)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    # The check forms' script: a module, on every page, that does nothing where there is none.
    if not any(str(script) == SCRIPTS[1] for script in config.extra_javascript):
        from mkdocs.config.config_options import ExtraScriptValue

        script = ExtraScriptValue(SCRIPTS[1])
        script.type = "module"
        config.extra_javascript.append(script)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search":
            plugin.config.lang = [playbook.language]
            plugin.config.separator = plugin.config.separator or SEARCH_SEPARATOR
            if plugin.config.pipeline is None:
                plugin.config.pipeline = list(SEARCH_PIPELINE)


def add_files(
    files: Files, config: MkDocsConfig, generated: dict[str, str], cx_pages: set[str]
) -> None:
    """Add the generated files; a CX lead's page already read from docs_dir is kept as it is."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    for path, content in generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None and path in cx_pages:
            continue
        if existing is not None:
            raise PluginError(
                f"{config.docs_dir}/{path}: the playbook generates this file; rename or remove it."
            )
        files.append(File.generated(config, path, content=content))


def published(files: Files, config: MkDocsConfig) -> Files:
    """The files MkDocs found in the pages folder, without symlinks and special files.

    Validation refuses them; this keeps them out while `serve` shows the errors, so that a link
    to a file outside the guidelines folder never publishes it.
    """
    from mkdocs.structure.files import Files

    docs = Path(config.docs_dir)

    def inside(path: str) -> bool:
        current = docs
        for part in Path(path).parts:
            current = current / part
            if current.is_symlink():
                return False
        return current.is_file()

    return Files(
        [f for f in files if f.src_dir != config.docs_dir or f.generated_by or inside(f.src_path)]
    )


def default_config_file(directory: Path | None = None) -> Path:
    """The mkdocs.yml beside the guidelines folder, else in the current folder, else the one
    that ships with playbook."""
    for candidate in ([directory.parent / "mkdocs.yml"] if directory else []) + [
        Path("mkdocs.yml")
    ]:
        if candidate.is_file():
            return candidate
    return MKDOCS_CONFIG


@contextmanager
def _overrides(
    directory: Path, config_file: Path, since: str | None = None
) -> Iterator[dict[str, Any]]:
    """load_config options that point the playbook plugin and docs_dir at `directory`."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as handle:
        declared = yaml_load(handle).get("plugins") or []
    plugins = _plugin_mapping(declared)
    if PLUGIN not in plugins:
        raise ConfigurationError(
            f"{config_file} does not enable the '{PLUGIN}' plugin: add "
            f"'- {PLUGIN}' under 'plugins:'."
        )
    plugins[PLUGIN] = {**(plugins[PLUGIN] or {}), "guidelines": str(directory.resolve())}
    if since:
        plugins[PLUGIN]["since"] = since
    pages = directory / "pages"
    if pages.is_dir():
        yield {"plugins": plugins, "docs_dir": str(pages.resolve())}
        return
    # MkDocs needs a docs_dir; an empty one keeps another playbook's pages out of this site.
    with tempfile.TemporaryDirectory(prefix="playbook-docs-") as empty:
        yield {"plugins": plugins, "docs_dir": empty}


def _plugin_mapping(declared: Any) -> dict[str, Any]:
    """The plugins of mkdocs.yml as a mapping of name to options.

    MkDocs accepts a list or a mapping, but empties the list's entries as it reads them; serve
    loads the configuration again on every rebuild with the same options, so only a mapping
    survives the second load.
    """
    if isinstance(declared, dict):
        return dict(declared)
    plugins: dict[str, Any] = {}
    for entry in declared:
        if isinstance(entry, dict):
            plugins.update(entry)
        else:
            plugins[str(entry)] = {}
    return plugins


class _Forward(logging.Handler):
    def __init__(self, echo: Echo, level: int) -> None:
        super().__init__(level)
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        # Diagnostics stay one per line, as `playbook validate` prints them.
        first, *rest = record.getMessage().splitlines() or [""]
        self.echo(f"{record.levelname:<8}-  {first}")
        for line in rest:
            self.echo(line)


@contextmanager
def _forward_logs(echo: Echo | None, level: int) -> Iterator[None]:
    """Send MkDocs' log to `echo` (nowhere without one) instead of the root logger."""
    logger = logging.getLogger("mkdocs")
    handler = _Forward(echo or (lambda line: None), level)
    propagate, previous_level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(min(level, logging.WARNING))
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(previous_level)


def build_site(
    directory: Path,
    site_dir: Path,
    *,
    strict: bool = False,
    config_file: Path | None = None,
    echo: Echo | None = None,
    verbose: bool = False,
    since: str | None = None,
    audit: AuditSection | None = None,
) -> int:
    """Build the site of the guidelines in `directory` into `site_dir` with MkDocs.

    Return 0 when built, 1 when the build failed (invalid guidelines, a broken link, or any
    warning with `strict`); MkDocs' messages go to `echo`, one line each. With `since` (a
    folder, rules.json or git revision) the site has a page of what changed since then; with
    `audit`, an Audit section.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = config_file or default_config_file(directory)
    with _forward_logs(echo, logging.INFO if verbose else logging.WARNING):
        try:
            with _overrides(directory, config_file, since) as options:
                config = load_config(
                    str(config_file), site_dir=str(site_dir.resolve()), strict=strict, **options
                )
                config.plugins[PLUGIN].audit = audit  # type: ignore[attr-defined]
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
        except (Abort, ConfigurationError) as error:
            logging.getLogger("mkdocs").error(str(error))
            return 1
    return 0


def serve_site(
    directory: Path,
    *,
    dev_addr: str,
    open_in_browser: bool,
    config_file: Path | None = None,
    echo: Echo | None = None,
) -> None:
    """Serve the site with live reload until interrupted; edits to the guidelines rebuild it."""
    from mkdocs.commands.serve import serve

    config_file = config_file or default_config_file(directory)
    with _forward_logs(echo, logging.INFO), _overrides(directory, config_file) as options:
        serve(
            config_file=str(config_file),
            dev_addr=dev_addr,
            open_in_browser=open_in_browser,
            **options,
        )


def display(directory: Path) -> Path:
    """The guidelines folder as `playbook validate` would name it: relative when under cwd."""
    try:
        return directory.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return directory if directory.is_absolute() else Path(os.path.abspath(directory))
