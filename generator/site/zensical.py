"""Building the site with Zensical, Material for MkDocs' successor, as a second builder.

Zensical reads an mkdocs.yml but runs no MkDocs plugin, so the playbook's pages are written to
a folder first (the page library needs no MkDocs) and Zensical gets a configuration that says
what the plugin would have set: the site's name and language, the navigation, the
stylesheet and script.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.site.builder import (
    LOGO,
    PLUGIN,
    SCRIPT,
    SEARCH_SEPARATOR,
    STYLESHEET,
    Echo,
    default_config_file,
    failure_message,
    site_settings,
    write_pages,
)
from generator.site.cx_pages import copy_pages
from generator.site.rendering import TEMPLATES, navigation
from generator.validation import validate

if TYPE_CHECKING:
    from generator.site.audit_pages import AuditSection

#: mkdocs.yml keys that only MkDocs reads; Zensical refuses some of them.
_MKDOCS_ONLY = ("validation", "strict", "hooks", "watch", "dev_addr")


def available() -> bool:
    """Whether Zensical is installed (it is an optional dependency: playbook[zensical])."""
    import importlib.util

    return importlib.util.find_spec("zensical") is not None


def zensical_config(
    mkdocs_config: dict[str, Any], settings: dict[str, str], nav: list[Any], docs: Path, site: Path
) -> dict[str, Any]:
    """The project's mkdocs.yml as Zensical needs it: the playbook plugin's work done ahead."""
    config = {k: v for k, v in mkdocs_config.items() if k not in _MKDOCS_ONLY}
    theme = dict(config.get("theme") or {})
    theme["language"] = settings["language"]
    theme.setdefault("logo", LOGO)
    theme.setdefault("favicon", LOGO)
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(TEMPLATES / "overrides")
    search: dict[str, Any] = {"separator": SEARCH_SEPARATOR}
    config.update(
        site_name=settings["site_name"],
        copyright=settings["copyright"],
        docs_dir=str(docs),
        site_dir=str(site),
        theme=theme,
        nav=nav,
        extra_css=[*(config.get("extra_css") or []), STYLESHEET],
        extra_javascript=[*(config.get("extra_javascript") or []), SCRIPT],
        # Zensical has its own search; of Material's options it reads only the separator.
        plugins=[{"search": search}],
    )
    return config


def build_with_zensical(
    directory: Path,
    site_dir: Path,
    *,
    strict: bool = False,
    config_file: Path | None = None,
    echo: Echo | None = None,
    verbose: bool = False,
    source_url: str = "",
    audit: AuditSection | None = None,
) -> int:
    """Build the site of the guidelines in `directory` into `site_dir` with Zensical; with
    `audit`, an Audit section.

    Return 0 when built, 1 when the guidelines are invalid or Zensical failed, 2 when Zensical
    is not installed. Zensical's messages go to `echo` when it fails, or always with `verbose`.
    """
    import yaml
    from mkdocs.utils.yaml import yaml_load

    say = echo or (lambda line: None)
    if not available():
        say("zensical is not installed: pip install 'playbook[zensical]'")
        return 2
    result = validate(directory)
    if result.playbook is None:
        say(failure_message(str(directory), result))
        return 1
    config_file = config_file or default_config_file()
    with config_file.open("rb") as handle:
        mkdocs_config = yaml_load(handle) or {}
    plugin = _plugin_options(mkdocs_config)
    with tempfile.TemporaryDirectory(prefix="playbook-zensical-") as work:
        docs = Path(work) / "docs"
        pages = directory / "pages"
        docs.mkdir()
        write_pages(result.playbook, docs, source_url or plugin.get("source_url", ""))
        if pages.is_dir():  # the CX lead's pages made safe, with their images and other files
            copy_pages(pages, docs, list(mkdocs_config.get("markdown_extensions") or []))
        nav = navigation(result.playbook)
        if audit is not None:
            from generator.site.audit_pages import write_audit

            write_audit(audit, docs, nav)
        config = zensical_config(
            mkdocs_config,
            site_settings(result.playbook),
            nav,
            # Relative to the configuration: Zensical writes only inside the project's folder.
            Path("docs"),
            Path("site"),
        )
        if audit is not None:
            from generator.site.audit_pages import CHART_SCRIPT
            from generator.site.audit_pages import STYLESHEET as AUDIT_STYLESHEET

            config["extra_css"].append(AUDIT_STYLESHEET)
            config["extra_javascript"].append(CHART_SCRIPT)
        generated = Path(work) / "mkdocs.yml"
        generated.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        command = [sys.executable, "-m", "zensical", "build", "-f", str(generated)]
        if strict:
            command.append("--strict")
        run = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
        if run.returncode == 0:
            shutil.copytree(Path(work) / "site", site_dir, dirs_exist_ok=True)
    if verbose or run.returncode:
        for line in (run.stdout + run.stderr).splitlines():
            if line.strip():
                say(line)
    return 0 if run.returncode == 0 else 1


def _plugin_options(mkdocs_config: dict[str, Any]) -> dict[str, Any]:
    for entry in mkdocs_config.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {})
    return {}
