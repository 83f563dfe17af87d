"""How much the playbook plugin adds to a MkDocs build: playbooks of 8, 100 and 300 channels
(the sample's eight cycled, with their templates, examples and rules), each built two ways.

Once with the plugin (validating the YAML and generating the pages at build time), and once as
a bare MkDocs build of the same pages written to a docs folder beforehand, with the settings
the plugin would have made written into its mkdocs.yml. Each build is its own `mkdocs build`
process, as a user runs it, so imports and start-up count. Times are CPU seconds.

On a shared machine the same build can take 30% longer from one minute to the next, more than
the plugin's whole cost, so one difference of two build times says little. The builds go in
pairs, one of each kind back to back, the order alternating from pair to pair so that a drift
of the machine's speed weighs on both kinds alike; each pair gives two figures:

- the difference: the plugin build over its bare twin, less one;
- the plugin's own work (the imports a bare build does not do, and every hook it runs, pages
  included), timed inside the plugin build, over the bare twin.

Each is printed as the median over the pairs with its spread (lowest and highest pair). The
overhead is the larger median; the target is at most 10%.

Modules run from bytecode, as an installed package's do, and the caches that depend only on
what is installed (compiled templates, the stems of the built-in lexicons...) are warm, as
after a first build on the machine; one more plugin build, with an empty temporary folder,
shows the plugin's work in a first build.

    python benchmarks/site_build.py [--channels 8,100,300] [--runs 7]
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
#: Bytecode of the checkout's modules, kept out of the checkout.
PYCACHE = str(Path(tempfile.gettempdir()) / "playbook-bench-pycache")


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
    carries what the plugin would have set: name, language, logo, stylesheet, scripts, search,
    nav."""
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
        extra_javascript=[_script(script) for script in loaded.extra_javascript],
        plugins=[{"search": {"lang": list(search.lang), "separator": search.separator}}],
    )
    settings["theme"].update(
        language=playbook.language, logo=loaded.theme["logo"], favicon=loaded.theme["favicon"]
    )
    path = folder / "bare.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def _script(script: object) -> object:
    """An extra script as mkdocs.yml writes it: its path, or its path and type (module)."""
    kind = getattr(script, "type", None)
    return {"path": str(script), "type": kind} if kind else str(script)


def _cpu(command: list[str], **extra: str) -> tuple[float, str]:
    """CPU seconds (user and system) of a command in a new process, and what it printed.

    CPU time rather than elapsed time: on a shared machine the wait for a processor varies
    from one build to the next by more than the plugin's whole cost.
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": PYCACHE}
    environment.update(extra)
    # Modules run from their compiled bytecode, as an installed package's do (pip compiles
    # them on install); the first build of each kind writes it.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
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
import importlib
for name in sys.argv[3:]:  # what a bare build imports too: not the plugin's work
    try:
        importlib.import_module(name)
    except Exception:
        pass
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
for name in dir(PlaybookPlugin):
    if name.startswith("on_") and callable(getattr(PlaybookPlugin, name)):
        setattr(PlaybookPlugin, name, timed(getattr(PlaybookPlugin, name)))
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(spent)
"""


#: `mkdocs build` that prints the modules it imported.
_BARE_MODULES = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(" ".join(sorted(name for name in sys.modules if "__main__" not in name)))
"""


def bare_modules(config: Path, site: Path) -> list[str]:
    """The modules a bare build imports (MkDocs, Material, Markdown, Jinja...)."""
    printed = _cpu([sys.executable, "-c", _BARE_MODULES, str(config), str(site)])[1]
    return printed.split()


def plugin_build(config: Path, site: Path, preload: list[str], **extra: str) -> tuple[float, float]:
    """CPU seconds of one `mkdocs build` with the plugin, and of the plugin's part in it: its
    imports beyond those of a bare build (`preload`), and its hooks."""
    command = [sys.executable, "-c", _PLUGIN_SHARE, str(config), str(site), *preload]
    total, printed = _cpu(command, **extra)
    return total, float(printed)


def _spread(values: list[float]) -> str:
    middle = statistics.median(values)
    return f"median {middle:5.1f}% (spread {min(values):.1f} to {max(values):.1f})"


def measure(channels: int, runs: int) -> float:
    """Print the figures of one playbook size; return the overhead in percent."""
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as temporary:
        folder = Path(temporary)
        guidelines = make_playbook(folder, channels)
        with_plugin = plugin_config(folder, guidelines)
        bare = bare_config(folder, guidelines)
        pages = sum(1 for _ in (folder / "docs").rglob("*.md"))
        build(with_plugin, folder / "site-plugin")  # warm the disk cache and template cache
        preload = bare_modules(bare, folder / "site-bare")
        pairs = []
        for number in range(runs):
            if number % 2:
                bare_time = build(bare, folder / "site-bare")
                total, share = plugin_build(with_plugin, folder / "site-plugin", preload)
            else:
                total, share = plugin_build(with_plugin, folder / "site-plugin", preload)
                bare_time = build(bare, folder / "site-bare")
            pairs.append((total, share, bare_time))
        # A first build on a machine: no compiled templates, no cached stems, holidays, bundles.
        fresh = folder / "fresh-temporary"
        fresh.mkdir()
        first = plugin_build(with_plugin, folder / "site-plugin", preload, TMPDIR=str(fresh))[1]
    totals, shares, bares = (list(column) for column in zip(*pairs, strict=True))
    difference = [100 * (total / bare - 1) for total, _, bare in pairs]
    own = [100 * share / bare for _, share, bare in pairs]
    print(f"\n{channels} channels, {pages} pages, {runs} pairs of builds (CPU seconds)")
    for label, times in (
        ("mkdocs build with the plugin", totals),
        ("  the plugin's own work", shares),
        ("mkdocs build, pages as files", bares),
    ):
        print(
            f"  {label:30} median {statistics.median(times):6.3f}, "
            f"spread {min(times):6.3f} to {max(times):6.3f}"
        )
    print(f"  plugin build over bare build  {_spread(difference)}")
    print(f"  plugin's own work over bare   {_spread(own)}")
    print(
        f"  the plugin's own work in a first build on the machine (empty caches): {first:.3f}, "
        f"{100 * first / statistics.median(bares):.1f}% of the median bare build"
    )
    overhead = max(statistics.median(difference), statistics.median(own))
    verdict = "within" if overhead <= TARGET else "over"
    print(f"overhead: {overhead:.1f}% ({verdict} the {TARGET:.0f}% target)")
    return overhead


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", default="8,100,300")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for channels in (int(n) for n in args.channels.split(",")):
        measure(channels, args.runs)


if __name__ == "__main__":
    main()
