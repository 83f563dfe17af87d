"""The site's pages as Markdown: golden files, escaping, anchors, navigation and language."""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.export import export
from generator.kinds import KINDS
from generator.model import Page
from generator.site.escaping import cell, code, fence, inline
from generator.site.escaping import markdown as markdown_field
from generator.site.rendering import TEMPLATES, navigation, render, translations
from generator.validation import validate
from tests.conftest import GOLDEN, ITALIAN, ROOT, SAMPLE, UPDATE, assert_golden

PLAYBOOKS = {"sample": SAMPLE, "italian": ITALIAN}


def _markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions the site uses, read from mkdocs.yml."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings_ = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = settings_ or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


MD = _markdown()


def to_html(text: str) -> str:
    return MD.reset().convert(text)


def shown(fragment: str) -> str:
    """The text a browser shows for an HTML fragment, tags dropped and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def playbook_of(folder: Path):
    result = validate(folder)
    assert result.playbook is not None, [d.text() for d in result.errors]
    return result.playbook


@pytest.mark.parametrize("name", sorted(PLAYBOOKS))
def test_pages_match_golden_files(name: str) -> None:
    pages = render(playbook_of(PLAYBOOKS[name]))
    folder = GOLDEN / "site" / name
    if UPDATE and folder.exists():
        shutil.rmtree(folder)
    for path, text in pages.items():
        assert_golden(folder / path, text)
    on_disk = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert on_disk == sorted(pages), "stale golden files: run with PLAYBOOK_UPDATE_GOLDEN=1"


def test_pages_do_not_depend_on_the_folder_name_or_the_run(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere"
    shutil.copytree(SAMPLE, copy)
    first = render(playbook_of(SAMPLE))
    assert render(playbook_of(SAMPLE)) == first
    assert render(playbook_of(copy)) == first


@pytest.mark.parametrize("name", sorted(PLAYBOOKS))
def test_every_link_of_the_export_has_its_anchor(name: str) -> None:
    playbook = playbook_of(PLAYBOOKS[name])
    pages = render(playbook)
    document = export(playbook)
    links = [r["link"] for r in document["rules"].values()]
    links += [t["link"] for c in document["channels"] for t in c["templates"]]
    assert links
    for link in links:
        page, anchor = link.split("#")
        assert page in ("rules/", *(f"channels/{c.id}/" for c in playbook.channels))
        assert re.search(rf"\{{#{anchor}[ }}]", pages[page.rstrip("/") + ".md"]), link


def test_there_is_a_page_for_every_channel_situation_and_kind() -> None:
    playbook = playbook_of(SAMPLE)
    pages = render(playbook)
    expected = {
        "index.md",
        "response-times.md",
        "terms.md",
        "rules.md",
        "integration.md",
        "check.md",
    }
    expected |= {f"channels/{c.id}.md" for c in playbook.channels}
    expected |= {f"situations/{s.id}.md" for s in playbook.situations}
    expected |= {f"kinds/{name}.md" for name in KINDS}
    expected |= {p.name for p in playbook.pages}
    assert set(pages) == expected
    assert "before-adding-a-channel.md" in pages


def test_navigation_follows_the_playbook_order() -> None:
    playbook = playbook_of(SAMPLE)
    nav = navigation(playbook)
    titles = [next(iter(item)) for item in nav]
    pages = [p.title for p in playbook.pages]
    assert titles == ["Home", "Check a draft", "Channels", "Situations", "Response targets"] + [
        "Terms A–Z",
        *pages,
        "Reference",
    ]
    reference = nav[-1]["Reference"]
    assert [next(iter(item)) for item in reference] == [
        "Rules reference",
        "Rule kinds",
        "Using the rules from other tools",
    ]
    kinds = reference[1]["Rule kinds"]
    assert {"Banned terms": "kinds/banned_term.md"} in kinds and len(kinds) == len(KINDS)
    channels = nav[2]["Channels"]
    assert [next(iter(c.values())) for c in channels] == [
        f"channels/{c.id}.md" for c in playbook.channels
    ]


def test_navigation_of_the_italian_playbook_is_in_italian() -> None:
    nav = navigation(playbook_of(ITALIAN))
    titles = [next(iter(item)) for item in nav]
    assert titles[:4] == ["Home", "Controlla una bozza", "Canali", "Situazioni"]
    assert titles[-1] == "Riferimento"
    kinds = next(iter(nav[-1]["Riferimento"][1].values()))
    titles = [next(iter(kind)) for kind in kinds]
    assert "Termini vietati" in titles
    assert not [t for t in titles if "_" in t], "a rule kind's title is left in snake_case"


def test_every_rule_kind_has_a_title_in_each_language() -> None:
    for language in ("en", "it"):
        assert {f"kind-{name}" for name in KINDS} <= set(translations(language)), language


def test_every_text_of_the_templates_has_an_italian_translation() -> None:
    used = set()
    for template in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r'_\("([^"]+)"\)', template.read_text(encoding="utf-8")))
        used |= set(re.findall(r'_\("([^"]+)",', template.read_text(encoding="utf-8")))
    italian = translations("it")
    assert sorted(used - set(italian)) == []
    english = translations("en")
    assert all(isinstance(v, str) for v in [*italian.values(), *english.values()])


def test_a_page_of_the_cx_lead_cannot_take_a_generated_name() -> None:
    playbook = playbook_of(SAMPLE)
    clash = replace(playbook, pages=(Page("rules.md", "Rules", "# R"),))
    with pytest.raises(ValueError, match=r"pages/rules.md: the site generates"):
        render(clash)


HOSTILE = "<script>alert('x')</script> *not bold* _x_ `tick` [link](y) a | b & {: .x} #1"


def test_hostile_guidelines_render_escaped_and_lists_stay_intact(minimal: Path) -> None:
    channel = minimal / "channels" / "chat.yml"
    text = channel.read_text(encoding="utf-8")
    text = text.replace("dos: [Answer at once.]", f"dos: [{yaml.safe_dump(HOSTILE).strip()}]")
    text += (
        "terms:\n  - term: 'a | b'\n    status: banned\n    replacement: '<b>c</b> | d'\n"
        '    reason: "<script>alert(1)</script> and `e` | f"\n'
    )
    channel.write_text(text, encoding="utf-8")
    pages = render(playbook_of(minimal))

    page = to_html(pages["channels/chat.md"])
    assert "<script" not in page and "<b>c</b>" not in page
    assert "&lt;script&gt;" in page
    items = re.findall(r"<li>(.*?)</li>", page, re.S)
    term = next(li for li in items if shown(li).startswith("a | b"))
    assert " ".join(shown(term).split()) == (
        "a | b Banned → <b>c</b> | d <script>alert(1)</script> and `e` | f"
    )
    terms = to_html(pages["terms.md"])
    entry = terms[terms.index('id="term-a-b"') :]
    assert shown(re.search(r">(.*?)<a class=\"headerlink", entry, re.S).group(1)) == "a | b"
    items = [shown(li) for li in re.findall(r"<li>(.*?)</li>", entry, re.S)[:2]]
    assert items == ["Say instead: <b>c</b> | d", "Why: <script>alert(1)</script> and `e` | f"]
    item = next(li for li in re.findall(r"<li>(.*?)</li>", page, re.S) if "not bold" in li)
    assert shown(item) == HOSTILE
    assert "<em>" not in item and "<code>" not in item and "<a " not in item
    for page_text in pages.values():
        assert "<script" not in to_html(page_text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("ab 1.-+#*_`[]()<>&|{}!\\:~^=$%'\"\n")
            + [
                "é",
                "’",
                "<script>",
                "&amp;",
                "1. ",
                "- ",
                "> ",
                "!!! note",
                "++ctrl++",
                "---",
                "[a](b)",
                "{: .x}",
                "    ",
            ]
        ),
        max_size=16,
    ).map("".join)
)
def test_inline_text_and_table_cells_show_exactly_what_was_written(text: str) -> None:
    flat = " ".join(text.split())
    assert shown(to_html("x " + inline(text))).strip() == f"x {flat}".strip()
    assert shown(to_html(inline(text))).strip() == flat
    table = to_html(f"| a | b |\n|---|---|\n| {cell(text)} | z |")
    cells = re.findall(r"<td>(.*?)</td>", table, re.S)
    assert len(cells) == 2
    assert shown(cells[0]).strip() == (flat or "—")


class _Attributes(HTMLParser):
    """Collects what could run script: tags other than Markdown's, event handlers, URLs."""

    SAFE_TAGS = {
        "p",
        "em",
        "strong",
        "code",
        "a",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "hr",
        "br",
        "img",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "span",
        "kbd",
        "details",
        "summary",
    }

    def __init__(self) -> None:
        super().__init__()
        self.unsafe: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.SAFE_TAGS:
            self.unsafe.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.unsafe.append(name)
            if name in ("href", "src") and value:
                url = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
                scheme = re.match(r"([a-z][a-z0-9+.-]*):", url)
                if scheme and scheme.group(1) not in ("http", "https", "mailto", "tel"):
                    self.unsafe.append(value)


HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "[a](&#106;avascript:x)",
    "[a](<javascript:x>)",
    "[r]: javascript:x\n",
    "[r]",
    "> ",
    '{: onclick="x" }',
    '\n{: onclick="x" }\n',
    "<https://example.com>",
    "`<b>`",
    "```\n",
    "**b**",
    "\n",
    "\n\n",
    " ",
    "a",
    "![i](data:x)",
    "[a](VBScript:x)",
    "[a](java\tscript:x)",
    "<div markdown>",
    "</div>",
    "<!-- c -->",
    "# `x\n",
    "\\`",
    "- ",
    "    ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE_MARKDOWN), max_size=8).map("".join))
def test_markdown_fields_never_produce_script(text: str) -> None:
    parser = _Attributes()
    parser.feed(to_html(markdown_field(text)))
    assert parser.unsafe == []


def test_markdown_fields_keep_their_markup() -> None:
    rendered = to_html(
        markdown_field(
            "**Bold**, *em*, `code <b> {x}`, [a link](https://example.com) and {first_name}."
        )
    )
    assert "<strong>Bold</strong>" in rendered and "<em>em</em>" in rendered
    assert '<a href="https://example.com">a link</a>' in rendered
    assert shown(re.search(r"<code>.*?</code>", rendered).group()) == "code <b> {x}"
    assert "{first_name}" in shown(rendered)
    assert 'href="#javascript:x"' in to_html(markdown_field("[x](javascript:x)"))


def test_code_and_fences_hold_any_backticks() -> None:
    assert shown(to_html(code("a `b` ``c``"))) == "a `b` ``c``"
    block = to_html(fence("```\n<i>x</i>\n```"))
    assert "<i>" not in block and shown(block).strip() == "```\n<i>x</i>\n```"


AGENT_PAGES = re.compile(r"^(index|terms|response-times|channels/.*|situations/.*)\.md$")


@pytest.mark.parametrize("folder", [SAMPLE, ITALIAN], ids=["sample", "italian"])
def test_agents_never_see_file_names_only_the_reference_does(folder: Path) -> None:
    pages = render(playbook_of(folder), "https://git.example.com/acme/cx/blob/main/guidelines/")
    agent = {name: text for name, text in pages.items() if AGENT_PAGES.match(name)}
    assert len(agent) == 3 + len(playbook_of(folder).channels) + len(playbook_of(folder).situations)
    for name, text in agent.items():
        assert not re.search(r"\.ya?ml\b", text), name
    reference = pages["rules.md"]
    assert re.search(
        r"\[`channels/whatsapp\.yml`\]\(https://git\.example\.com/acme/cx/blob/main/guidelines/"
        r"channels/whatsapp\.yml#L\d+\)",
        reference,
    )


def test_the_rules_reference_names_files_without_links_when_no_address_is_set() -> None:
    reference = render(playbook_of(SAMPLE))["rules.md"]
    assert "Defined in `playbook.yml`, line" in reference and "](http" not in reference


def test_the_home_page_names_a_placeholder_the_templates_use() -> None:
    italian = render(playbook_of(ITALIAN))["index.md"]
    assert "`{nome}`" in italian and "first_name" not in italian
    assert "`{first_name}`" in render(playbook_of(SAMPLE))["index.md"]


def test_the_channel_page_is_in_the_order_of_use() -> None:
    page = render(playbook_of(SAMPLE))["channels/whatsapp.md"]
    order = ["{#at-a-glance}", "{#templates}", "pb-copy", "{#check}", "{#tone}", "{#terms}"]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert page.count('class="md-button md-button--primary pb-copy"') == 2


def test_speaker_labels_and_rule_lists_stay_out_of_search() -> None:
    page = render(playbook_of(SAMPLE))["channels/whatsapp.md"]
    speakers = re.findall(r'<span class="pb-speaker"[^>]*>', page)
    assert speakers and all("data-search-exclude" in s for s in speakers)
    assert "{#rules data-search-exclude}" in page
    assert render(playbook_of(SAMPLE))["rules.md"].startswith("---\nsearch:\n  exclude: true")
