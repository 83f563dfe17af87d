"""How much the playbook plugin adds to a MkDocs build: a 100-channel playbook, built twice.

Once with the plugin (validating the YAML and generating the pages at build time), and once as
a bare MkDocs build of the same pages written to a docs folder beforehand. Prints both times
and the plugin's overhead; the target is at most 10%.

    python benchmarks/site_build.py [--channels 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import ROOT
from generator.rendering import navigation, render
from generator.site import configure, write_pages
from generator.validation import validate

SAMPLE = ROOT / "guidelines"
CONFIG = ROOT / "mkdocs.yml"
TARGET = 10.0


def make_playbook(folder: Path, channels: int) -> Path:
    """The sample playbook with `channels` copies of its WhatsApp channel, under new ids."""
    guidelines = folder / "guidelines"
    (guidelines / "channels").mkdir(parents=True)
    shutil.copytree(SAMPLE / "pages", guidelines / "pages")
    source = (SAMPLE / "channels" / "whatsapp.yml").read_text(encoding="utf-8")
    ids = [f"whatsapp-{n:03d}" for n in range(1, channels + 1)]
    for number, channel in enumerate(ids, start=1):
        text = source.replace("whatsapp-", f"{channel}-")  # template ids stay unique
        text = re.sub(r"^id: whatsapp$", f"id: {channel}", text, flags=re.MULTILINE)
        text = re.sub(r"^name: WhatsApp$", f"name: WhatsApp {number}", text, flags=re.MULTILINE)
        (guidelines / "channels" / f"{channel}.yml").write_text(text, encoding="utf-8")
    playbook = (SAMPLE / "playbook.yml").read_text(encoding="utf-8")
    playbook = re.sub(
        r"^channels: .*$", f"channels: [{', '.join(ids)}]", playbook, flags=re.MULTILINE
    )
    (guidelines / "playbook.yml").write_text(playbook, encoding="utf-8")
    return guidelines


def with_plugin(guidelines: Path, site: Path) -> Callable[[], None]:
    def run() -> None:
        plugins = ["search", {"playbook": {"guidelines": str(guidelines)}}]
        config = load_config(
            str(CONFIG), site_dir=str(site), docs_dir=str(guidelines / "pages"), plugins=plugins
        )
        config.plugins.on_startup(command="build", dirty=False)
        build(config)

    return run


def bare(guidelines: Path, docs: Path, site: Path) -> Callable[[], None]:
    """MkDocs alone over pages written beforehand, configured as the plugin would."""
    playbook = validate(guidelines).playbook
    assert playbook is not None
    write_pages(playbook, docs)
    shutil.copytree(guidelines / "pages", docs, dirs_exist_ok=True)

    def run() -> None:
        config = load_config(
            str(CONFIG),
            site_dir=str(site),
            docs_dir=str(docs),
            plugins=["search"],
            nav=navigation(playbook),
        )
        configure(config, playbook)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)

    return run


def timed(run: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as temporary:
        folder = Path(temporary)
        guidelines = make_playbook(folder, args.channels)
        start = time.perf_counter()
        playbook = validate(guidelines).playbook
        validated = time.perf_counter()
        assert playbook is not None, "the generated playbook is not valid"
        pages = render(playbook)
        rendered = time.perf_counter()
        plugin = with_plugin(guidelines, folder / "site-plugin")
        plain = bare(guidelines, folder / "docs", folder / "site-bare")
        plugin()  # warm up imports and caches for both
        plain()
        # Interleaved, so that a busy moment of the machine weighs on both alike.
        pairs = [(timed(plugin, 1), timed(plain, 1)) for _ in range(args.runs)]
        plugin_time = statistics.median(p for p, _ in pairs)
        bare_time = statistics.median(b for _, b in pairs)
    overhead = 100 * (plugin_time - bare_time) / bare_time
    print(f"{args.channels} channels, {len(pages)} pages; median of {args.runs} builds each")
    print(f"  validate {validated - start:.2f} s, render {rendered - validated:.2f} s")
    print(f"  MkDocs with the plugin: {plugin_time:.2f} s")
    print(f"  bare MkDocs, same pages: {bare_time:.2f} s")
    verdict = "within" if overhead <= TARGET else "over"
    print(f"  overhead: {overhead:+.1f}% ({verdict} the {TARGET:.0f}% target)")


if __name__ == "__main__":
    main()
