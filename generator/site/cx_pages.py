"""The CX lead's pages made safe for a builder that runs none of the plugin's hooks.

With MkDocs, the plugin empties each CX page's front matter and sanitises its HTML once
rendered. Zensical runs no plugin, so its copy of the pages is made safe before it reads them:
front matter goes (the theme prints its title, subtitle and icon as they are), and a page whose
HTML the sanitiser would change (a script, an event handler, a `javascript:` link) is written as
that sanitised HTML, which Markdown passes through as it is.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generator.site.sanitising import sanitise


class _Tags(HTMLParser):
    """The tags and attributes of an HTML text, its words aside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag: str) -> None:
        self.seen.append(("/" + tag, ()))


def _tags(html: str) -> list[tuple[str, tuple[tuple[str, str | None], ...]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.seen


def _extensions(entries: list[Any]) -> tuple[list[str], dict[str, Any]]:
    names: list[str] = []
    configs: dict[str, Any] = {}
    for entry in entries:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, config in entry.items():
                names.append(name)
                configs[name] = config or {}
    return names, configs


def safe_markdown(text: str, extensions: list[Any]) -> str:
    """A CX page's Markdown without its front matter, or its sanitised HTML when the page holds
    anything the sanitiser takes out."""
    import markdown  # type: ignore[import-untyped]
    from mkdocs.utils.meta import get_data

    body, _ = get_data(text)
    names, configs = _extensions(extensions)
    html = markdown.markdown(body, extensions=names, extension_configs=configs)
    clean = sanitise(html)
    return body if _tags(clean) == _tags(html) else clean + "\n"


def copy_pages(pages: Path, docs: Path, extensions: list[Any]) -> None:
    """The CX lead's folder copied into `docs`, every Markdown page made safe."""
    shutil.copytree(pages, docs, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    for source in sorted(pages.rglob("*.md")):
        target = docs / source.relative_to(pages)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        target.write_text(safe_markdown(text, extensions), encoding="utf-8")
