"""Rendering the playbook as the Markdown pages of its site: model in, pages out, no MkDocs."""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import jinja2.bccache
import yaml
from markupsafe import Markup

from generator.kinds import KINDS, RuleKind
from generator.kinds import Example as KindExample
from generator.model import Channel, Playbook, Rule, Term
from generator.resources import RULES, SITE_TEMPLATES
from generator.site.escaping import cell, code, fence, inline, markdown, raw_html, url
from generator.site.lists import lists
from generator.site.snippets import snippets
from generator.vocabulary import BANDS, METRICS
from generator.wording import entries, table

TEMPLATES = SITE_TEMPLATES
_FENCE = re.compile(r"\s*(`{3,})")
_OVERRIDABLE = ("severity", "message", "situations", "options")


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


#: Options already dumped, by their repr (which tells 1, 1.0 and True apart): the rules of
#: a large playbook repeat the same options on many channels.
_DUMPED: dict[str, Markup] = {}


def _yaml(value: Any) -> Markup:
    """Options as the CX lead would write them. PyYAML's own emitter, not libyaml's: that one
    writes emoji and some punctuation as escapes, and pages must not depend on what is installed."""
    plain = _plain(value)
    key = repr(plain)
    dumped = _DUMPED.get(key)
    if dumped is None:
        if len(_DUMPED) >= 4096:
            _DUMPED.clear()
        text = yaml.safe_dump(plain, allow_unicode=True, sort_keys=True, width=1000)
        dumped = _DUMPED[key] = Markup(text.strip())
    return dumped


def _finalize(value: Any) -> Any:
    """Every `{{ }}` is escaped as inline text unless a filter already made it safe."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else inline(value)


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs; a cache that cannot be read or written is skipped.

    Jinja keys the files by template path and source, not by the environment's settings, so the
    file names also carry a fingerprint of this module and of Jinja's version.
    """

    def __init__(self) -> None:
        fingerprint = hashlib.sha256(
            jinja2.__version__.encode() + Path(__file__).read_bytes()
        ).hexdigest()[:16]
        super().__init__(pattern=f"playbook-{fingerprint}-%s.cache")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return _BytecodeCache()
    except (OSError, RuntimeError):  # no private temporary folder: compile every time
        return None


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_bytecode_cache(),
        # Markdown, not HTML: no HTML autoescaping. _finalize escapes every {{ }} that is not
        # Markup, the type of what the filters, snippets and translations return; a built-in
        # filter that builds a plain string (join, format) is therefore escaped whole.
        autoescape=False,
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
        source=source,
        json=lambda v: Markup(json.dumps(v, ensure_ascii=False, sort_keys=True)),
        yaml=_yaml,
        url=url,
        # Text as a quoted HTML attribute's value, such as the check form's words as JSON.
        attr=lambda v: Markup(html.escape(str(v), quote=True)),
    )
    return env


@cache
def translations(language: str) -> dict[str, str]:
    """The site's words in a language (English text or a key -> text), empty if there are none."""
    # The same files as the command line's messages (generator.wording); plural forms are
    # the command line's only.
    return {key: value for key, value in entries(language).items() if isinstance(value, str)}


def translator(language: str) -> Callable[..., Markup]:
    """`_("English text", name=value)`: the playbook's language, English when untranslated."""
    table = {**translations("en"), **translations(language)}
    plain: dict[str, Markup] = {}  # texts without values, formatted once

    def translate(text: str, **values: Any) -> Markup:
        if not values and text in plain:
            return plain[text]
        safe = {k: v if isinstance(v, Markup) else inline(v) for k, v in values.items()}
        translated = Markup(table.get(text, text).format_map(safe))
        if not values:
            plain[text] = translated
        return translated

    return translate


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def term_rows(playbook: Playbook, terms: Iterable[Term]) -> list[dict[str, Any]]:
    """One row per word to weigh: banned and preferred terms, and what to avoid for the latter."""
    rows = []
    for term in terms:
        rule = playbook.rule(term.rule_id)
        where = {
            "channel": playbook.channel(term.channel) if term.channel else None,
            "situations": [playbook.situation(s) for s in rule.situations],
        }
        common = {"reason": term.reason, "where": term.channel or "", **where}
        if term.status == "banned":
            rows.append({"term": term.term, "status": "banned", "say": term.replacement, **common})
            continue
        rows.append({"term": term.term, "status": "preferred", "say": "", **common})
        rows += [
            {"term": alt, "status": "avoid", "say": term.term, **common} for alt in term.instead_of
        ]
    return sorted(rows, key=lambda r: (_fold(r["term"]), r["term"], r["status"], r["where"]))


def channel_terms(playbook: Playbook, channel: Channel) -> tuple[Term, ...]:
    """The playbook's terms still in force on the channel, then the channel's own."""
    active = {r.id for r in channel.rules}
    return tuple(t for t in playbook.all_terms() if t.rule_id in active)


def rule_groups(playbook: Playbook) -> list[tuple[Channel | None, list[dict[str, Any]]]]:
    """The rules by where they are defined, the playbook first; each with the channels it applies
    on and, for each channel that overrides it, the fields that change."""
    uses: dict[str, list[tuple[Channel, Rule]]] = {}
    for channel in playbook.channels:
        for resolved in channel.rules:
            uses.setdefault(resolved.id, []).append((channel, resolved))
    entries: list[dict[str, Any]] = []
    for rule in playbook.rules:
        used = uses.get(rule.id, [])
        changes = [
            (c, [f for f in _OVERRIDABLE if getattr(r, f) != getattr(rule, f)]) for c, r in used
        ]
        entries.append(
            {
                "rule": rule,
                "channels": [c for c, _ in used],
                "adjusted": [(c, fields) for c, fields in changes if fields],
            }
        )
    groups: list[tuple[Channel | None, list[dict[str, Any]]]]
    groups = [(None, [e for e in entries if e["rule"].defined_in is None])]
    groups += [(c, [e for e in entries if e["rule"].defined_in == c.id]) for c in playbook.channels]
    return [(where, rules) for where, rules in groups if rules]


def example_groups(kind: RuleKind) -> list[tuple[dict[str, Any], list[KindExample]]]:
    """A kind's examples grouped by the options (and response targets) they run with."""
    groups: dict[str, tuple[dict[str, Any], list[KindExample]]] = {}
    for example in kind.examples:
        setting = {"options": example.options, "targets": dict(example.targets)}
        key = json.dumps(setting, sort_keys=True)
        groups.setdefault(key, (setting, []))[1].append(example)
    return list(groups.values())


def export_example(playbook: Playbook) -> str:
    """An excerpt of this playbook's rules.json: one channel with one of its rules."""
    from generator.export import export

    document = export(playbook)
    first = document["channels"][0]
    channel = {**first, "rules": first["rules"][:1], "templates": first["templates"][:1]}
    excerpt = {
        **{key: document[key] for key in ("format", "format_version", "playbook")},
        "rules": {key: document["rules"][key] for key in channel["rules"]},
        "channels": [channel],
    }
    return json.dumps(excerpt, indent=2, ensure_ascii=False, sort_keys=True)


def clock(instant: float) -> str:
    """The time of day of a message in a kind's example conversation, HH:MM."""
    return time.strftime("%H:%M", time.gmtime(instant))


def kind_title(kind: str, language: str) -> str:
    """A rule kind as the navigation names it: 'Banned terms', 'Termini vietati'."""
    table = {**translations("en"), **translations(language)}
    return table.get(f"kind-{kind}", kind)


def kind_text(kind: str, part: str, english: str, language: str) -> str:
    """A rule kind's summary, rationale or an option's description ("option-terms") in the
    playbook's language: `kind-<kind>-<part>` in the translations, else the module's English."""
    return translations(language).get(f"kind-{kind}-{part}", english)


_SAID = re.compile(r'\bsay\("((?:[^"\\]|\\.)*)"')


@cache
def check_messages(language: str) -> dict[str, Any]:
    """The translations the browser checker needs for its sentences (see js/wording.js): what
    its kinds say, the bands and the register's suggestions they name, and the durations;
    nothing for English, which the checker writes itself."""
    if language == "en":
        return {}
    said = {
        m.group(1) for p in (TEMPLATES / "js").glob("*.js") for m in _SAID.finditer(p.read_text())
    }
    register = json.loads((RULES / "register.json").read_text(encoding="utf-8"))
    said |= set(re.findall(r'"suggestion": "([^"]*)"', json.dumps(register)))
    said |= {*BANDS, *(f"duration-{u}" for u in "dhms"), "duration-separator", "duration-list"}
    words = table(language)
    return {key: words[key] for key in sorted(said) if key in words}


def source_link(file: str, line: int, source_url: str) -> Markup:
    """Where a rule is written: the file as code, linked to its line in the repository when
    the guidelines folder's address is configured (an http or https address)."""
    name = code(source(file))
    if not re.match(r"https?://", source_url):
        return name
    target = quote(f"{source_url.rstrip('/')}/{source(file)}#L{line}", safe=":/#.-_~%@")
    return Markup(f"[{name}]({target})")


def _context(playbook: Playbook, source_url: str = "") -> dict[str, Any]:
    helpers = (
        clock,
        term_rows,
        channel_terms,
        rule_groups,
        example_groups,
        export_example,
    )
    _ = translator(playbook.language)
    base = snippets(playbook, _)
    return {
        "playbook": playbook,
        "_": _,
        "kinds": KINDS,
        "metrics": METRICS,
        "kind_title": lambda kind: kind_title(kind, playbook.language),
        "kind_text": lambda kind, part, english: kind_text(kind, part, english, playbook.language),
        "source_link": lambda file, line: source_link(file, line, source_url),
        "check_messages": check_messages(playbook.language),
        **{helper.__name__: helper for helper in helpers},
        **base,
        **lists(playbook, _, base),
    }


def _tidy(text: str) -> str:
    """One blank line at most between blocks, and one newline at the end; fences untouched."""
    lines: list[str] = []
    fence_open = ""
    for line in text.split("\n"):
        ticks = _FENCE.match(line) if "```" in line else None
        if fence_open:
            fence_open = "" if line.strip() == fence_open else fence_open
        elif ticks:
            fence_open = ticks.group(1)
        elif not line.strip() and lines and not lines[-1].strip():
            continue
        lines.append(line.rstrip() if not fence_open else line)
    return "\n".join(lines).strip("\n") + "\n"


def render(playbook: Playbook, source_url: str = "") -> dict[str, str]:
    """Every page of the site by path under the docs folder, as Markdown; CX pages verbatim.

    With `source_url`, the address of the guidelines folder in a repository, the rules
    reference links each rule to the line that defines it.
    """
    env, context = _environment(), _context(playbook, source_url)

    def page(template: str, **values: Any) -> str:
        return _tidy(env.get_template(template).render(**context, **values))

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
    pages["check.md"] = page("check.md.j2")
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
        {title(_("Check a draft")): "check.md"},
        {title(_("Channels")): [{title(c.name): f"channels/{c.id}.md"} for c in playbook.channels]},
        {
            title(_("Situations")): [
                {title(s.name): f"situations/{s.id}.md"} for s in playbook.situations
            ]
        },
        {title(_("Response targets")): "response-times.md"},
        {title(_("Terms A–Z")): "terms.md"},
        *({title(p.title): p.name} for p in playbook.pages),
        # Editors and integrators have their own section, after everything agents use.
        {
            title(_("Reference")): [
                {title(_("Rules reference")): "rules.md"},
                {
                    title(_("Rule kinds")): [
                        {title(kind_title(name, playbook.language)): f"kinds/{name}.md"}
                        for name in KINDS
                    ]
                },
                {title(_("Using the rules from other tools")): "integration.md"},
            ]
        },
    ]


def render_page(playbook: Playbook, template: str, **values: Any) -> str:
    """One page from a template of site_templates/, with the context every page has."""
    return _tidy(_environment().get_template(template).render(**_context(playbook), **values))
