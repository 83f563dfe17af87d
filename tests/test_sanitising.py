"""The CX lead's page HTML, titles and Markdown links: nothing in them can run."""

from __future__ import annotations

import re
from pathlib import Path

from generator.site.builder import build_site
from generator.site.escaping import markdown
from generator.site.sanitising import sanitise
from tests.conftest import ROOT


def test_scripts_handlers_and_script_urls_are_taken_out() -> None:
    dirty = (
        '<script>alert(1)</script><p onclick="alert(2)">text</p>'
        '<a href="javascript:alert(3)">a</a><a href=" JaVa&#x09;script:alert(4)">b</a>'
        '<img src="data:image/svg+xml,<svg onload=alert(5)>"><iframe src="x"></iframe>'
        "<style>body{}</style><form action=x><button>go</button></form>"
    )
    clean = sanitise(dirty)
    assert not re.search(r"script|alert|onclick|onload|data:|<iframe|<style|<form", clean)
    assert "<p>text</p>" in clean


def test_what_markdown_makes_is_kept() -> None:
    html = (
        '<h2 id="steps">Steps<a class="headerlink" href="#steps" title="Permanent link">¶</a>'
        '</h2><div class="admonition note"><p class="admonition-title">Note</p></div>'
        '<a href="https://example.com/">web</a><a href="mailto:a@b.it">mail</a>'
        '<a href="../other/">page</a><img alt="map" src="images/map.png">'
        '<table><thead><tr><th align="left">a</th></tr></thead></table>'
    )
    assert sanitise(html) == html


def test_a_page_cannot_take_the_ids_the_theme_looks_up() -> None:
    assert sanitise('<div id="__config">{}</div>') == "<div>{}</div>"


def test_a_reference_link_whose_target_is_on_the_next_line_is_defused() -> None:
    for text in ("[d]\n\n[d]:\n  javascript:alert(1)", "> [d]:\n> javascript:alert(1)"):
        assert "#javascript:alert(1)" in markdown(text)
    assert "(https://example.com)" in markdown("[ok](https://example.com)")


def test_a_name_with_markup_stays_text_in_the_page_title(minimal: Path) -> None:
    chat = minimal / "channels" / "chat.yml"
    text = chat.read_text(encoding="utf-8")
    name = re.search(r"^name: (.*)$", text, re.MULTILINE)
    assert name is not None
    chat.write_text(
        text.replace(name.group(0), "name: 'Chat </title><script>alert(1)</script>'"), "utf-8"
    )
    assert build_site(minimal, Path("site"), config_file=ROOT / "mkdocs.yml") == 0
    page = Path("site/channels/chat/index.html").read_text(encoding="utf-8")
    [title] = re.findall(r"<title>(.*?)</title>", page, re.DOTALL)
    assert "&lt;/title&gt;&lt;script&gt;" in title
    assert "<script>alert" not in page


def test_the_company_name_is_escaped_once_everywhere(minimal: Path) -> None:
    playbook = minimal / "playbook.yml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("company: Example Shop", "company: Smith & <Co>"), "utf-8")
    assert build_site(minimal, Path("site"), config_file=ROOT / "mkdocs.yml") == 0
    page = Path("site/index.html").read_text(encoding="utf-8")
    assert "Smith &amp; &lt;Co&gt;" in page
    assert "&amp;amp;" not in page and "&amp;lt;" not in page and "<Co>" not in page
    assert 'title="Smith &amp; &lt;Co&gt;"' in page  # the logo's link
