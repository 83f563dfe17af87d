"""The site's Audit section (`playbook build --audit LOG`): response times, findings and the
worst conversations with their messages, from `audit_data`'s figures.

Each chart is drawn in the browser by Chart.js (vendored in site_templates/vendor/) from the
figures on its canvas; a table beside it holds the same figures, for screen readers and
phones. The pages are left out of search: agents look for guidelines, not transcripts.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.model import Playbook
from generator.site.audit_content import AuditContent
from generator.site.audit_data import AuditFigures
from generator.site.rendering import TEMPLATES, render_page, translator
from generator.writing import write_atomic

PAGES = {
    "audit/index.md": "audit.md.j2",
    "audit/findings.md": "audit-findings.md.j2",
    "audit/conversations.md": "audit-conversations.md.j2",
}
#: The script that draws the charts, the chart library it loads from beside itself, the style.
CHART_SCRIPT = "assets/javascripts/audit-charts.js"
STYLESHEET = "assets/stylesheets/audit.css"
VENDOR = TEMPLATES / "vendor"
VENDORED = {
    "assets/javascripts/chart.umd.min.js": "chart.umd.min.js",
    "assets/javascripts/chart.js-LICENSE.txt": "chart.js-LICENSE.txt",
    "assets/javascripts/kurkle-color-LICENSE.txt": "kurkle-color-LICENSE.txt",
}

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class AuditSection:
    """What the Audit adds to a site: files by path, and an entry of the navigation."""

    files: Mapping[str, str]
    nav: dict[str, Any]


def audit_section(playbook: Playbook, figures: AuditFigures) -> AuditSection:
    return AuditSection(audit_files(playbook, figures), audit_navigation(playbook))


def write_audit(section: AuditSection, docs: Path, nav: list[dict[str, Any]]) -> None:
    """Add the Audit section to a docs folder and its navigation (for Zensical)."""
    for name, text in section.files.items():
        write_atomic(docs / name, text)
    nav.append(section.nav)


def audit_files(playbook: Playbook, figures: AuditFigures) -> dict[str, str]:
    """The Audit section's pages, stylesheet and chart scripts, by path in the site."""
    values = AuditContent(playbook, figures).values()
    files = {path: render_page(playbook, t, **values) for path, t in PAGES.items()}
    files[CHART_SCRIPT] = (TEMPLATES / "audit-charts.js").read_text(encoding="utf-8")
    files[STYLESHEET] = (TEMPLATES / "audit.css").read_text(encoding="utf-8")
    for target, name in VENDORED.items():
        files[target] = (VENDOR / name).read_text(encoding="utf-8")
    return files


def add_audit(
    config: MkDocsConfig,
    files: dict[str, str],
    nav: list[dict[str, Any]] | None,
    section: AuditSection,
) -> None:
    """Add the Audit section to a site that MkDocs builds (the playbook plugin calls this)."""
    files.update(section.files)
    if nav is not None:
        nav.append(section.nav)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if CHART_SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(CHART_SCRIPT)


def audit_navigation(playbook: Playbook) -> dict[str, Any]:
    """The Audit section in MkDocs' `nav` format, titles HTML-escaped for the theme."""
    _ = translator(playbook.language)

    def title(text: str) -> str:
        return html.escape(str(_(text)), quote=False)

    pages = ("Response times", "Findings", "Worst conversations")
    return {title("Audit"): [{title(t): p} for t, p in zip(pages, PAGES, strict=True)]}
