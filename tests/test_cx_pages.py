"""The CX lead's pages as Zensical gets them: no front matter, nothing that could run."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from generator.site.cx_pages import copy_pages, safe_markdown

ROOT = Path(__file__).resolve().parents[1]
EXTENSIONS = yaml_load((ROOT / "mkdocs.yml").open("rb"))["markdown_extensions"]

PLAIN = (
    "# Refunds\n\nSome *text* with [a link](https://example.org) and `code`.\n\n"
    "!!! note\n    Perché l'operatore?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
)


def test_a_plain_page_stays_markdown_without_its_front_matter() -> None:
    page = "---\ntitle: Refunds\nsubtitle: <script>alert(1)</script>\n---\n" + PLAIN
    assert safe_markdown(page, EXTENSIONS) == PLAIN


def test_a_page_with_a_script_or_a_handler_becomes_its_sanitised_html() -> None:
    page = "# Hi\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nStill *here*.\n"
    safe = safe_markdown(page, EXTENSIONS)
    assert "<script" not in safe and "alert" not in safe and "onerror" not in safe
    assert "<em>here</em>" in safe and '<img src="x">' in safe


def test_a_javascript_link_written_over_two_lines_loses_its_address() -> None:
    page = "# Hi\n\nSee [details].\n\n[details]:\njavascript:alert(1)\n"
    safe = safe_markdown(page, EXTENSIONS)
    assert "javascript:" not in safe and "details" in safe


def test_the_copy_keeps_other_files_and_folders(tmp_path: Path) -> None:
    pages, docs = tmp_path / "pages", tmp_path / "docs"
    (pages / "team").mkdir(parents=True)
    (pages / "logo.png").write_bytes(b"\x89PNG")
    (pages / "team" / "shifts.md").write_text("---\nicon: x\n---\n" + PLAIN, encoding="utf-8")
    docs.mkdir()
    copy_pages(pages, docs, EXTENSIONS)
    assert (docs / "logo.png").read_bytes() == b"\x89PNG"
    assert (docs / "team" / "shifts.md").read_text(encoding="utf-8") == PLAIN
