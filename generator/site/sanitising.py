"""Sanitising the HTML of the CX lead's Markdown pages: an allow-list, so nothing runs.

The pages are free-form Markdown, and Markdown lets raw HTML through. What MkDocs makes of a
page goes through nh3 (the Rust `ammonia` sanitiser): only the tags and attributes that
Markdown and its extensions produce are kept; scripts, styles, frames, forms and event
handlers are dropped, and links keep only web, mail and phone targets or relative ones.
"""

from __future__ import annotations

import nh3

#: Markdown's own output: text structure, tables, admonitions and the permalinks of headings.
TAGS = frozenset(nh3.ALLOWED_TAGS) - {"area", "map"}
#: Kept on every tag: anchors for the table of contents, classes for admonitions and code.
GENERIC = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": set(GENERIC),
}
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Dropped with their content, not only their tags: their text is code, not prose.
DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "textarea"})


def _attribute(tag: str, name: str, value: str) -> str | None:
    # The theme finds its own elements by ids such as "__config" and "__search": a page's
    # element with such an id would come first in the document and take their place.
    return None if name == "id" and value.startswith("__") else value


def sanitise(html: str) -> str:
    """The HTML of a CX lead's page with everything that could run taken out."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED),
        attributes=ATTRIBUTES,
        url_schemes=set(SCHEMES),
        attribute_filter=_attribute,
        link_rel=None,
    )
