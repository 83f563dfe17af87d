"""How much the playbook plugin adds to a MkDocs build: playbooks of 8, 100 and 300 channels
(the sample's eight cycled, with their templates, examples and rules), each built two ways.

Once with the plugin (validating the YAML and generating the pages at build time), and once as
a bare MkDocs build of the same pages written to a docs folder beforehand, with the settings
the plugin would have made written into its mkdocs.yml. Each build is its own `mkdocs build`
process, as a user runs it, so imports and start-up count; the two kinds alternate. Times are
CPU seconds.

On a shared machine the same build can take 30% longer from one minute to the next, more than
the plugin's whole cost, so a difference of two build times says little. The plugin's own
work (its import and its hooks) is timed inside each plugin build instead, and set against
MkDocs' work in that same build and against the median bare build. The larger of the two is
the overhead; the target is at most 10%.

    python benchmarks/site_build.py [--channels 8,100,300] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.config import load_config

from generator.site.builder import configure, write_pages
from generator.site.rendering import navigation
from generator.validation import validate

#: The repository, whose sample guidelines and mkdocs.yml the benchmark uses.
ROOT = Path(__file__).resolve().parent.parent

SAMPLE = ROOT / "guidelines"
CONFIG = ROOT / "mkdocs.yml"
TARGET = 10.0


def make_playbook(folder: Path, channels: int) -> Path:
    """The sample playbook with its channels cycled to `channels`, each copy with the templates,
    examples and rules of its original, under new ids (the first eight are the sample's own)."""
    guidelines = folder / "guidelines"
    (guidelines / "channels").mkdir(parents=True)
    shutil.copytree(SAMPLE / "pages", guidelines / "pages")
    playbook = yaml.safe_load((SAMPLE / "playbook.yml").read_text(encoding="utf-8"))
    originals = list(playbook["channels"])
    ids = []
    for number in range(channels):
        source = originals[number % len(originals)]
        data = yaml.safe_load((SAMPLE / "channels" / f"{source}.yml").read_text(encoding="utf-8"))
        if number >= len(originals):
            copy = f"{source}-{number:03d}"
            data["id"], data["name"] = copy, f"{data['name']} {number}"
            for template in data.get("templates", []):
                template["id"] = copy + template["id"].removeprefix(source)
            for rule in data.get("rules", []):
                rule["id"] = f"{rule['id']}-{number:03d}"
            source = copy
        ids.append(source)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (guidelines / "channels" / f"{source}.yml").write_text(text, encoding="utf-8")
    playbook["channels"] = ids
    text = yaml.safe_dump(playbook, allow_unicode=True, sort_keys=False)
    (guidelines / "playbook.yml").write_text(text, encoding="utf-8")
    return guidelines


def base_settings() -> dict:
    settings = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    settings["theme"]["custom_dir"] = str(ROOT / settings["theme"]["custom_dir"])
    return settings


def plugin_config(folder: Path, guidelines: Path) -> Path:
    """The shipped mkdocs.yml, pointed at the generated guidelines."""
    settings = base_settings()
    settings["docs_dir"] = str(guidelines / "pages")
    settings["plugins"] = ["search", {"playbook": {"guidelines": str(guidelines)}}]
    path = folder / "plugin.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def bare_config(folder: Path, guidelines: Path) -> Path:
    """A docs folder with every page written out, and a mkdocs.yml without the plugin that
    carries what the plugin would have set: name, language, logo, stylesheet, search, nav."""
    playbook = validate(guidelines).playbook
    assert playbook is not None, "the generated playbook is not valid"
    docs = folder / "docs"
    write_pages(playbook, docs)
    shutil.copytree(guidelines / "pages", docs, dirs_exist_ok=True)
    loaded = load_config(str(CONFIG), docs_dir=str(docs), plugins=["search"])
    configure(loaded, playbook)
    search = loaded.plugins["material/search"].config
    settings = base_settings()
    settings.update(
        site_name=str(loaded.site_name),
        copyright=str(loaded.copyright) if loaded.copyright else None,
        docs_dir=str(docs),
        nav=navigation(playbook),
        extra_css=list(loaded.extra_css),
        plugins=[{"search": {"lang": list(search.lang), "separator": search.separator}}],
    )
    settings["theme"].update(
        language=playbook.language, logo=loaded.theme["logo"], favicon=loaded.theme["favicon"]
    )
    path = folder / "bare.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def _cpu(command: list[str]) -> tuple[float, str]:
    """CPU seconds (user and system) of a command in a new process, and what it printed.

    CPU time rather than elapsed time: on a shared machine the wait for a processor varies
    from one build to the next by more than the plugin's whole cost.
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, check=True, env=environment, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def build(config: Path, site: Path) -> float:
    """CPU seconds of one `mkdocs build`, as a user runs it."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    return _cpu(command)[0]


#: `mkdocs build` with a stopwatch on the plugin: its import and its hooks, in CPU seconds.
_PLUGIN_SHARE = """
import functools, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
import mkdocs.config.defaults, mkdocs.plugins, mkdocs.structure.files  # every build imports them
start = time.process_time()
from generator.site.plugin import PlaybookPlugin
spent = time.process_time() - start
def timed(hook):
    @functools.wraps(hook)  # keeps the hook's event priority
    def run(*args, **kwargs):
        global spent
        start = time.process_time()
        try:
            return hook(*args, **kwargs)
        finally:
            spent += time.process_time() - start
    return run
for name in ("on_startup", "on_config", "on_files"):
    setattr(PlaybookPlugin, name, timed(getattr(PlaybookPlugin, name)))
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(spent)
"""


def plugin_build(config: Path, site: Path) -> tuple[float, float]:
    """CPU seconds of one `mkdocs build` with the plugin, and of the plugin's part in it."""
    total, printed = _cpu([sys.executable, "-c", _PLUGIN_SHARE, str(config), str(site)])
    return total, float(printed)


def measure(channels: int, runs: int) -> float:
    """Print the figures of one playbook size; return the overhead in percent."""
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as temporary:
        folder = Path(temporary)
        guidelines = make_playbook(folder, channels)
        with_plugin = plugin_config(folder, guidelines)
        bare = bare_config(folder, guidelines)
        pages = sum(1 for _ in (folder / "docs").rglob("*.md"))
        build(with_plugin, folder / "site-plugin")  # warm the disk cache and template cache
        build(bare, folder / "site-bare")
        measured = [
            (plugin_build(with_plugin, folder / "site-plugin"), build(bare, folder / "site-bare"))
            for _ in range(runs)
        ]
    totals = [total for (total, _), _ in measured]
    shares = [share for (_, share), _ in measured]
    rests = [total - share for total, share in zip(totals, shares, strict=True)]
    bares = [bare for _, bare in measured]
    in_build = statistics.median(100 * s / r for s, r in zip(shares, rests, strict=True))
    against_bare = 100 * statistics.median(shares) / statistics.median(bares)
    print(f"\n{channels} channels, {pages} pages, {runs} builds of each kind (CPU seconds)")
    for label, times in (
        ("mkdocs build with the plugin", totals),
        ("  the plugin's own work", shares),
        ("  MkDocs' work on the pages", rests),
        ("mkdocs build, pages as files", bares),
    ):
        print(f"  {label:30} median {statistics.median(times):5.2f}, fastest {min(times):5.2f}")
    overhead = max(in_build, against_bare)
    verdict = "within" if overhead <= TARGET else "over"
    print(
        f"overhead: {in_build:.1f}% of MkDocs' work in the same build, {against_bare:.1f}% of a "
        f"bare build ({verdict} the {TARGET:.0f}% target)"
    )
    return overhead


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", default="8,100,300")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for channels in (int(n) for n in args.channels.split(",")):
        measure(channels, args.runs)


if __name__ == "__main__":
    main()
