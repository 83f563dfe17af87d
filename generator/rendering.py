"""Rendering the playbook as the Markdown pages of its site: model in, pages out, no MkDocs."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2
import yaml
from markupsafe import Markup

from . import ROOT
from .durations import describe
from .kinds import KINDS, RuleKind
from .kinds import Example as KindExample
from .kinds.response_time import METRICS
from .model import Channel, Playbook, Rule, Term

TEMPLATES = ROOT / "site_templates"
#: Pages the site generates; a CX lead's page may not take one of these names.
FIXED_PAGES = ("index.md", "response-times.md", "terms.md", "rules.md", "integration.md")
GENERATED_FOLDERS = ("channels", "situations", "kinds")

# Inline text: characters Markdown would read as markup, HTML, or the end of a table cell.
_INLINE = re.compile(r"[\\`*_{}\[\]#<>&]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# At the start of a line these open a heading, quote, list or setext underline.
_LEADING = re.compile(r"^([+\-]|\d+(?=[.)]))")
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):[^\s<>]*>)")
_LINK_TARGET = re.compile(r"(\]\(\s*<?|^ {0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s)>]*)", re.MULTILINE)
_SAFE_URL = re.compile(r"(?:https?://|mailto:|tel:|[#/]|\.{1,2}/)|[\w./-]*(?:#[\w-]*)?\Z")


def inline(text: object) -> Markup:
    """Plain text shown literally inside a Markdown line: no markup, no HTML, one line."""
    flat = " ".join(str(text).split())
    escaped = _INLINE.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), flat)
    return Markup(
        _LEADING.sub(
            lambda m: m.group() + "\\" if m.group().isdigit() else "\\" + m.group(),
            escaped,
            count=1,
        )
    )


def cell(text: object) -> Markup:
    """Plain text in a table cell: inline text whose `|` cannot end the cell; '—' if empty."""
    escaped = inline(text).replace("|", "\\|")
    return Markup(escaped or "—")


def markdown(text: object) -> Markup:
    """A field documented as Markdown: markup allowed, but no raw HTML, attributes or script links.

    Raw HTML and `{: attr_list }` could run script; link targets other than web, mail, phone
    and relative ones (javascript:, entity-encoded schemes) are turned into fragments.
    """
    parts = []
    last = 0
    source = str(text).strip()
    for span in _CODE_SPAN.finditer(source):
        parts.append(_neutralise(source[last : span.start()]))
        parts.append(span.group())
        last = span.end()
    parts.append(_neutralise(source[last:]))
    return Markup("".join(parts))


def _neutralise(text: str) -> str:
    text = _RAW_HTML.sub("&lt;", text).replace("{", "\\{").replace("}", "\\}")
    return _LINK_TARGET.sub(
        lambda m: m.group(1) + (m.group(2) if _SAFE_URL.match(m.group(2)) else "#" + m.group(2)),
        text,
    )


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
    return Markup("<br>".join(html.escape(line, quote=False) for line in str(text).strip().splitlines()))


def source(file: str) -> str:
    """A rule's file relative to the guidelines folder, whatever the folder was called."""
    found = re.search(r"(?:^|/)((?:channels|pages)/[^/]+|playbook\.ya?ml)$", file)
    return found.group(1) if found else file


def _plain(value: Any) -> Any:
    """Mappings and tuples as plain dicts and lists, for the YAML dumper."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _finalize(value: Any) -> Any:
    """Every `{{ }}` is escaped as inline text unless a filter already made it safe."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else inline(value)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Markdown, not HTML: _finalize escapes; autoescape makes macros and filters pass Markup on.
        autoescape=True,
        finalize=_finalize,
        # Markdown's `{#id}` anchors would open Jinja's default `{# comments #}`.
        comment_start_string="{##",
        comment_end_string="##}",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        inline=inline,
        cell=cell,
        md=markdown,
        code=code,
        fence=fence,
        html=raw_html,
        duration=describe,
        source=source,
        json=lambda v: Markup(json.dumps(v, ensure_ascii=False, sort_keys=True)),
        yaml=lambda v: Markup(yaml.safe_dump(_plain(v), allow_unicode=True, sort_keys=True,
                                             width=1000).strip()),
        url=lambda v: Markup(quote(str(v), safe="/#.-_~")),
    )
    return env


@cache
def translations(language: str) -> dict[str, str]:
    path = TEMPLATES / "translations" / f"{language}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def translator(language: str) -> Callable[..., Markup]:
    """`_("English text", name=value)`: the playbook's language, English when untranslated."""
    table = {**translations("en"), **translations(language)}

    def translate(text: str, **values: Any) -> Markup:
        safe = {k: v if isinstance(v, Markup) else inline(v) for k, v in values.items()}
        return Markup(table.get(text, text).format(**safe) if safe else table.get(text, text))

    return translate


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def applies_on(playbook: Playbook, rule_id: str) -> tuple[Channel, ...]:
    return tuple(c for c in playbook.channels if any(r.id == rule_id for r in c.rules))


def term_rows(playbook: Playbook, terms: Iterable[Term]) -> list[dict[str, Any]]:
    """One row per word to weigh: banned and preferred terms, and what to avoid for the latter."""
    rules = {r.id: r for r in playbook.rules}
    rows = []
    for term in terms:
        rule = rules.get(term.rule_id)
        where = {
            "channel": playbook.channel(term.channel) if term.channel else None,
            "situations": [playbook.situation(s) for s in rule.situations] if rule else [],
        }
        common = {"reason": term.reason, "rule": term.rule_id, **where}
        if term.status == "banned":
            rows.append({"term": term.term, "status": "banned", "say": term.replacement, **common})
            continue
        rows.append({"term": term.term, "status": "preferred", "say": "", **common})
        rows += [
            {"term": alt, "status": "avoid", "say": term.term, **common} for alt in term.instead_of
        ]
    return sorted(
        rows,
        key=lambda r: (
            _fold(r["term"]),
            r["term"],
            r["status"],
            r["channel"].id if r["channel"] else "",
        ),
    )


def channel_terms(playbook: Playbook, channel: Channel) -> tuple[Term, ...]:
    """The playbook's terms still in force on the channel, then the channel's own."""
    active = {r.id for r in channel.rules}
    return tuple(t for t in playbook.all_terms() if t.rule_id in active)


def adjustments(playbook: Playbook, rule: Rule) -> list[tuple[Channel, list[str]]]:
    """Channels that override a rule, and which of its fields they change."""
    found = []
    for channel in applies_on(playbook, rule.id):
        mine = next(r for r in channel.rules if r.id == rule.id)
        fields = [
            f
            for f in ("severity", "message", "situations", "options")
            if getattr(mine, f) != getattr(rule, f)
        ]
        if fields:
            found.append((channel, fields))
    return found


def rule_groups(playbook: Playbook) -> list[tuple[Channel | None, list[Rule]]]:
    """The rules by where they are defined: the playbook first, then each channel in order."""
    groups = [(None, [r for r in playbook.rules if r.defined_in is None])]
    groups += [(c, [r for r in playbook.rules if r.defined_in == c.id]) for c in playbook.channels]
    return [(where, rules) for where, rules in groups if rules]


def example_groups(kind: RuleKind) -> list[tuple[dict[str, Any], list[KindExample]]]:
    """A kind's examples grouped by the options (and response targets) they run with."""
    groups: dict[str, tuple[dict[str, Any], list[KindExample]]] = {}
    for example in kind.examples:
        setting = {"options": example.options, "targets": dict(example.targets)}
        key = json.dumps(setting, sort_keys=True)
        groups.setdefault(key, (setting, []))[1].append(example)
    return list(groups.values())


def option_type(schema: dict[str, Any]) -> str:
    """A JSON Schema fragment in words: 'list of text', 'one of: a, b'."""
    if "enum" in schema:
        return "one of: " + ", ".join(map(str, schema["enum"]))
    kinds = schema.get("type", "any")
    words = {
        "string": "text",
        "integer": "whole number",
        "number": "number",
        "boolean": "true or false",
        "null": "null",
        "object": "mapping",
        "any": "any",
    }
    if kinds == "array":
        return "list of " + option_type(schema.get("items", {}))
    if kinds == "object" and isinstance(schema.get("additionalProperties"), dict):
        return "mapping of text to " + option_type(schema["additionalProperties"])
    return " or ".join(words.get(k, k) for k in ([kinds] if isinstance(kinds, str) else kinds))


def _context(playbook: Playbook) -> dict[str, Any]:
    return {
        "playbook": playbook,
        "_": translator(playbook.language),
        "kinds": KINDS,
        "metrics": METRICS,
        "applies_on": applies_on,
        "term_rows": term_rows,
        "channel_terms": channel_terms,
        "adjustments": adjustments,
        "option_type": option_type,
        "rule_groups": rule_groups,
        "example_groups": example_groups,
    }


def render(playbook: Playbook) -> dict[str, str]:
    """Every page of the site by path under the docs folder, as Markdown; CX pages verbatim."""
    env, context = _environment(), _context(playbook)

    def page(template: str, **values: Any) -> str:
        return env.get_template(template).render(**context, **values)

    pages = {"index.md": page("home.md.j2")}
    for channel in playbook.channels:
        pages[f"channels/{channel.id}.md"] = page("channel.md.j2", channel=channel)
    for situation in playbook.situations:
        pages[f"situations/{situation.id}.md"] = page("situation.md.j2", situation=situation)
    pages["response-times.md"] = page("response-times.md.j2")
    pages["terms.md"] = page("terms.md.j2")
    pages["rules.md"] = page("rules.md.j2")
    for kind in KINDS.values():
        pages[f"kinds/{kind.name}.md"] = page("kind.md.j2", kind=kind)
    pages["integration.md"] = page("integration.md.j2")
    for extra in playbook.pages:
        if extra.name in pages:
            raise ValueError(
                f"pages/{extra.name}: the site generates a page with this name; rename the file."
            )
        pages[extra.name] = extra.markdown
    return pages


def navigation(playbook: Playbook) -> list[dict[str, Any]]:
    """The site's navigation in MkDocs' `nav` format; titles are HTML-escaped for the theme."""
    _ = translator(playbook.language)

    def title(text: str) -> str:
        return html.escape(str(text), quote=False)

    return [
        {title(_("Home")): "index.md"},
        {title(_("Channels")): [{title(c.name): f"channels/{c.id}.md"} for c in playbook.channels]},
        {
            title(_("Situations")): [
                {title(s.name): f"situations/{s.id}.md"} for s in playbook.situations
            ]
        },
        {title(_("Response targets")): "response-times.md"},
        {title(_("Terms A–Z")): "terms.md"},
        {title(_("Rules reference")): "rules.md"},
        {title(_("Rule kinds")): [{name: f"kinds/{name}.md"} for name in KINDS]},
        {title(_("Using the rules from other tools")): "integration.md"},
        *({title(p.title): p.name} for p in playbook.pages),
    ]
