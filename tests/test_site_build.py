"""Real MkDocs builds of the playbook site: strict, in both languages, failing and serving."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from generator.export import dumps, export
from generator.site.builder import build_site, site_files, write_pages
from generator.site.zensical import available as zensical_available
from generator.validation import validate
from tests.conftest import ITALIAN, ROOT, SAMPLE

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )


def config_for(guidelines: Path, folder: Path) -> Path:
    """A temporary mkdocs.yml like the project's, pointing at another guidelines folder."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(ROOT / "site_templates" / "overrides")
    config["plugins"] = ["search", {"playbook": {"guidelines": str(guidelines)}}]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def anchors(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sample") / "site"
    built = mkdocs("build", "--strict", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return site


def test_plain_mkdocs_build_strict_builds_every_page(sample_site: Path) -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    for path in site_files(playbook):
        built = path.removesuffix(".md") + "/index.html" if path.endswith(".md") else path
        built = "index.html" if path == "index.md" else built
        assert (sample_site / built).is_file(), built
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert "Velluto Home" in home and "before-adding-a-channel/" in home


def test_the_built_site_has_every_anchor_the_export_links_to(sample_site: Path) -> None:
    document = json.loads((sample_site / "rules.json").read_text(encoding="utf-8"))
    links = [r["link"] for r in document["rules"].values()]
    links += [t["link"] for c in document["channels"] for t in c["templates"]]
    assert "channels/whatsapp/#whatsapp-late-delivery-complaint" in links
    assert "rules/#complaint-apology" in links
    for link in links:
        page, anchor = link.split("#")
        assert anchor in anchors(sample_site / page / "index.html"), link


def test_the_site_publishes_the_export_and_its_schema(sample_site: Path) -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    assert (sample_site / "rules.json").read_text(encoding="utf-8") == dumps(export(playbook))
    schema = (ROOT / "rules" / "export.schema.json").read_text(encoding="utf-8")
    assert (sample_site / "export.schema.json").read_text(encoding="utf-8") == schema


def test_search_is_in_english_and_splits_on_apostrophes(sample_site: Path) -> None:
    index = json.loads((sample_site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert "'" in index["config"]["separator"] and "’" in index["config"]["separator"]
    whatsapp = [d for d in index["docs"] if d["location"].startswith("channels/whatsapp/")]
    assert any("courier" in d["text"] for d in whatsapp)
    # Words are stemmed in the index and in the query: "refunds" finds "refund".
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    # Practice ranks above the reference, which keeps out of the agents' results.
    boost = {d["location"]: d.get("boost", 1) for d in index["docs"] if "#" not in d["location"]}
    assert boost["channels/whatsapp/"] > boost["terms/"] > boost["kinds/banned_term/"]
    assert "rules/" not in boost
    # A conversation's speaker labels are not indexed, what was said is.
    good = next(d for d in whatsapp if d["location"].endswith("#good-a-late-order-answered-well"))
    assert "Customer" not in good["text"] and "Agent" not in good["text"]


def _pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("index.html")}


def _links(page: Path) -> set[str]:
    """The links inside a page's article, without the theme's navigation."""
    article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    return {re.sub(r"^(\./)+|index\.html", "", h) for h in re.findall(r'href="([^"#]+)', article)}


@pytest.mark.skipif(
    not zensical_available() and os.environ.get("CI", "").lower() != "true",
    reason="zensical is not installed",
)
def test_zensical_builds_the_same_pages_links_and_search(sample_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "zensical"
    built = subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "build"]
        + ["--builder", "zensical", "-d", str(site)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert _pages(site) == _pages(sample_site)
    for page in ("index.html", "channels/whatsapp/index.html", "situations/complaint/index.html"):
        assert _links(site / page) == _links(sample_site / page), page
        assert anchors(sample_site / page) <= anchors(site / page) | {"__search", "__drawer"}
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert any(i["location"] == "terms/#term-refund" for i in index["items"])
    assert (site / "rules.json").read_bytes() == (sample_site / "rules.json").read_bytes()


def test_the_italian_playbook_builds_in_italian(tmp_path: Path) -> None:
    config = config_for(ITALIAN, tmp_path)
    built = mkdocs("build", "--strict", "-f", str(config), "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="it"' in home
    assert "Il playbook di Bottega Aurora" in home
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["it"]
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    assert "before-adding-a-channel" not in home  # the sample's own page stays out


def test_invalid_guidelines_stop_the_build_with_the_messages_of_validate(
    minimal: Path, tmp_path: Path
) -> None:
    channel = minimal / "channels" / "chat.yml"
    channel.write_text(channel.read_text("utf-8").replace("neutral", "neutrall"), "utf-8")
    config = config_for(minimal, tmp_path)
    built = mkdocs(
        "build", "-f", str(config), "--site-dir", str(tmp_path / "site"), cwd=minimal.parent
    )
    validated = subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "validate", "guidelines"],
        cwd=minimal.parent,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 1
    expected = validated.stdout.strip().splitlines()
    assert expected and all(line in built.stderr.splitlines() for line in expected)
    assert "guidelines/channels/chat.yml:7:14: error [schema/enum]" in built.stderr


def test_build_site_builds_another_folder_and_reports_failure(
    minimal: Path, tmp_path: Path
) -> None:
    lines: list[str] = []
    assert (
        build_site(
            minimal,
            tmp_path / "site",
            strict=True,
            echo=lines.append,
            config_file=ROOT / "mkdocs.yml",
        )
        == 0
    )
    assert (tmp_path / "site" / "channels" / "chat" / "index.html").is_file()
    assert (tmp_path / "site" / "rules.json").is_file()
    assert not (tmp_path / "site" / "before-adding-a-channel").exists()
    (minimal / "playbook.yml").write_text("company: [", encoding="utf-8")
    assert (
        build_site(minimal, tmp_path / "site", echo=lines.append, config_file=ROOT / "mkdocs.yml")
        == 1
    )
    assert any(
        line.startswith("guidelines/playbook.yml:") and "[yaml/syntax]" in line for line in lines
    )


def test_write_pages_writes_the_same_files_as_the_plugin_adds(tmp_path: Path) -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    written = write_pages(playbook, tmp_path)
    files = site_files(playbook)
    assert sorted(str(p.relative_to(tmp_path)) for p in written) == sorted(files)
    page = tmp_path / "channels" / "whatsapp.md"
    assert page.read_text(encoding="utf-8") == files["channels/whatsapp.md"]
    before = page.stat().st_mtime_ns
    time.sleep(0.01)
    write_pages(playbook, tmp_path)
    assert page.stat().st_mtime_ns == before  # unchanged files are not rewritten


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}; last page:\n{body[:2000]}")


def test_serve_survives_invalid_guidelines_and_recovers(minimal: Path, tmp_path: Path) -> None:
    config = config_for(minimal, tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
        ],
        cwd=minimal.parent,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(url + "channels/chat/", "Late order")
        channel = minimal / "channels" / "chat.yml"
        good = channel.read_text(encoding="utf-8")
        channel.write_text(good.replace("neutral", "neutrall"), encoding="utf-8")
        _wait_for(url, "The guidelines have errors")
        _wait_for(url, "chat.yml:7:14: error [schema/enum]")
        channel.write_text(good.replace("Late order", "Late parcel"), encoding="utf-8")
        _wait_for(url + "channels/chat/", "Late parcel")
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(tmp_path / "docs", ignore_errors=True)
