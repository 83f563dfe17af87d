"""Escaping guideline text for Markdown pages: it shows as written and runs nothing.

Plain-text fields go through `inline` (or `cell` in a table); fields documented as Markdown go
through `markdown`, which keeps the markup but drops raw HTML, attributes and script links.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

# Inline text: characters Markdown would read as markup, HTML, or the end of a table cell.
_INLINE = re.compile(r"[\\`*_{}\[\]#+<>&]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# At the start of a line, "-", "1." and "!!!" open a list or an admonition: escape the mark.
_LEADING = re.compile(r"^(\d*)(?=[.)!-])")
# A code span on one line; Markdown never sees it as such (see `markdown`).
_CODE_SPAN = re.compile(r"(`+)([^\n]+?)(?<!`)\1(?!`)")
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):[^\s<>]*>)")
# Inline link targets, and anything that may be a reference definition (in quotes and lists too).
# A definition's target may be on the next line, after a quote's or a list's indentation.
_LINK_TARGET = re.compile(r"(\]\(\s*<?|\]:[ \t]*(?:\n[ \t>]*)?<?)([^)>\n]*)")
_LINK_TITLE = re.compile(r"\s+[\"'(].*$")
_SAFE_URL = re.compile(r"(?:https?://|mailto:|tel:|[#/]|\.{1,2}/)|[\w./-]*(?:#[\w-]*)?\Z")


def inline(text: object) -> Markup:
    """Plain text shown literally inside a Markdown line: no markup, no HTML, one line."""
    flat = " ".join(str(text).split())
    escaped = _INLINE.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), flat)
    return Markup(_LEADING.sub(r"\1\\", escaped, count=1))


def cell(text: object) -> Markup:
    """Plain text in a table cell: inline text whose `|` cannot end the cell; '—' if empty."""
    escaped = inline(text).replace("|", "\\|")
    return Markup(escaped or "—")


def markdown(text: object) -> Markup:
    """A field documented as Markdown: markup allowed, but no raw HTML, attributes or script links.

    Raw HTML and `{: attr_list }` could run script; link targets other than web, mail, phone
    and relative ones (javascript:, entity-encoded schemes) become fragments. Code spans are
    written as <code> elements and every other backtick is escaped, so that no pairing of
    backticks that Markdown might find differently can hide raw HTML from this function.
    """
    parts = []
    last = 0
    source = str(text).strip()
    for span in _CODE_SPAN.finditer(source):
        parts.append(_neutralise(source[last : span.start()]))
        parts.append(f"<code>{inline(span.group(2).strip())}</code>")
        last = span.end()
    parts.append(_neutralise(source[last:]))
    return Markup("".join(parts))


def _neutralise(text: str) -> str:
    text = _RAW_HTML.sub("&lt;", text).replace("`", "\\`")
    text = text.replace("{", "\\{").replace("}", "\\}")
    return _LINK_TARGET.sub(_safe_link, text)


def _safe_link(match: re.Match[str]) -> str:
    """A link target as written if harmless, else made a fragment ("#javascript:...")."""
    target = match.group(2)
    # Browsers drop control characters and spaces from a URL, so "java script:" counts too.
    url = re.sub(r"[\x00-\x20]", "", _LINK_TITLE.sub("", target))
    return match.group(1) + (target if _SAFE_URL.match(url) else "#" + target)


def code(text: object) -> Markup:
    """An inline code span that holds any text, backticks included."""
    flat = " ".join(str(text).split())
    ticks = "`" * (max(map(len, re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return Markup(f"{ticks}{pad}{flat}{pad}{ticks}")


def fence(text: object, attributes: str = ".text") -> Markup:
    """A fenced code block that no line of the text can close early."""
    body = str(text).strip("\n")
    ticks = "`" * max(3, max(map(len, re.findall(r"`+", body)), default=0) + 1)
    return Markup(f"{ticks} {{ {attributes} }}\n{body}\n{ticks}")


def raw_html(text: object) -> Markup:
    """Text inside raw HTML: escaped for HTML, line breaks kept."""
    return Markup(
        "<br>".join(html.escape(line, quote=False) for line in str(text).strip().splitlines())
    )


def url(value: object) -> Markup:
    """Text as part of a link target or an HTML attribute: percent-encoded."""
    return Markup(quote(str(value), safe="/#.-_~"))
