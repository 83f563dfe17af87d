"""Benchmark: checking real replies against 0 to 50,000 banned terms, with two references.

The replies are the company replies of ../shared/data/twcs_head5000.csv (real public support
tweets). The terms are words and bigrams taken from those replies, so that many hit, plus as
many made-up words that never do; each is a banned term of its own, as a playbook's `terms`
make them, on every channel of the sample. The same terms go, in the same run, to two
references that only find them: google-re2 with one combined pattern (ASCII word
boundaries), and pyahocorasick over the lower-cased text with a check of word boundaries.

Printed per number of terms: compile time and memory, replies per second on the real
replies (WhatsApp, as a complaint and as an information request), then long replies (1 KB,
100 KB and 1 MB of real replies joined), a 1 MB reply that contains every term, and the size
of rules.json and the time `playbook check` takes as a process. "Term rules only" checks
with the banned, preferred and required terms alone, the part that the references do too.
The targets are printed, not asserted. One core; times are CPU seconds (process time), so
that other work on a shared machine counts less, except for the process's wall time.

    python benchmarks/check_replies.py [--terms 0,500,5000,50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import re
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ahocorasick
import re2

from generator.checking import Checker
from generator.export import dumps, export
from generator.validation import validate
from generator.validation.building import term_rule_id

#: The repository, whose sample guidelines and mkdocs.yml the benchmark uses.
ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"
SIZES = {"1 KB": 1_000, "100 KB": 100_000, "1 MB": 1_000_000}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
TERM_KINDS = ("banned_term", "preferred_term", "required_phrase")


def replies() -> list[str]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle) if row["inbound"] == "False"]


def pick_terms(texts: list[str], count: int) -> list[str]:
    """Half words and bigrams of the replies (each seen at least twice), half made-up words."""
    words: Counter[str] = Counter()
    for text in texts:
        tokens = [t.lower() for t in _WORD.findall(text)]
        words.update(tokens)
        words.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    seen = sorted(w for w, n in words.items() if n >= 2 and len(w) >= 3)
    rng = random.Random(7)
    hits = rng.sample(seen, min(len(seen), count // 2))
    letters = "bcdfghjklmnpqrstvwxz"
    misses: set[str] = set()
    while len(hits) + len(misses) < count:
        misses.add("".join(rng.choice(letters) for _ in range(rng.randint(5, 9))))
    return sorted(set(hits) | misses)[:count]


def with_terms(document: dict[str, Any], terms: list[str]) -> dict[str, Any]:
    """The sample's export with one banned-term rule per term on every channel."""
    rules = dict(document["rules"])
    keys = []
    for number, term in enumerate(terms):
        key = f"bench-{number}"
        keys.append(key)
        rules[key] = {
            "id": key,
            "kind": "banned_term",
            "severity": "error",
            "message": f"Do not write '{term}'.",
            "situations": [],
            "options": {
                "terms": [term],
                "replacement": None,
                "case_sensitive": False,
                "exceptions": [],
            },
            "link": f"rules/#{key}",
        }
    channels = [{**c, "rules": [*c["rules"], *keys]} for c in document["channels"]]
    return {**document, "rules": rules, "channels": channels}


class Re2Reference:
    name = "google-re2, one pattern"

    def __init__(self, terms: list[str]) -> None:
        options = re2.Options()
        options.max_mem = 2 << 30
        options.case_sensitive = False
        joined = (
            "|".join(re2.escape(t).replace(r"\ ", r"\s+") for t in terms) or "[^\\x00-\\x{10FFFF}]"
        )
        self.pattern = re2.compile(rf"\b(?:{joined})\b", options=options)

    def find(self, text: str) -> int:
        return sum(1 for _ in self.pattern.finditer(text))


class AhoCorasickReference:
    name = "pyahocorasick + boundaries"

    def __init__(self, terms: list[str]) -> None:
        self.automaton = ahocorasick.Automaton()
        for term in terms:
            self.automaton.add_word(term.lower(), len(term))
        if terms:
            self.automaton.make_automaton()
        self.empty = not terms

    def find(self, text: str) -> int:
        if self.empty:
            return 0
        text = text.lower()
        last, found = len(text) - 1, 0
        for end, length in self.automaton.iter(text):
            start = end - length + 1
            if (start and text[start - 1].isalnum()) or (end < last and text[end + 1].isalnum()):
                continue
            found += 1
        return found


def timed(build: Callable[[], Any]) -> tuple[Any, float, float]:
    """What build returns, the seconds it took and the MB it keeps allocated (measured in a
    second build, as tracing allocations slows it down)."""
    gc.collect()
    start = time.process_time()
    value = build()
    seconds = time.process_time() - start
    gc.collect()
    tracemalloc.start()
    again = build()
    kept = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del again
    return value, seconds, kept


def rate(check: Callable[[str, int], object], texts: list[str], repeat: int) -> float:
    best = 0.0
    for _ in range(repeat):
        start = time.process_time()
        for i, text in enumerate(texts):
            check(text, i)
        best = max(best, len(texts) / (time.process_time() - start))
    return best


def joined(texts: list[str], size: int) -> str:
    out, total, i = [], 0, 0
    while total < size:
        out.append(texts[i % len(texts)])
        total += len(out[-1]) + 1
        i += 1
    return "\n".join(out)[:size]


def peak(run: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Best seconds of `run`, and the peak MB it allocates (measured in a run of its own,
    as tracing allocations slows it down)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    gc.collect()
    tracemalloc.start()
    run()
    most = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return best, most


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def bench(count: int, base: dict[str, Any], texts: list[str], repeat: int) -> None:
    terms = pick_terms(texts, count)
    document = with_terms(base, terms)
    checker, compiled, memory = timed(lambda: Checker(document))
    references = [
        (cls, *timed(lambda cls=cls: cls(terms))) for cls in (Re2Reference, AhoCorasickReference)
    ]
    print(f"\n{count:,} terms ({sum(1 for t in terms if ' ' in t):,} bigrams)")
    print(f"  playbook: compiled in {compiled:.2f} s, {memory:.0f} MB")
    for cls, _, seconds, kept in references:
        print(f"  {cls.name}: compiled in {seconds:.2f} s, {kept:.0f} MB")

    def ours(text: str, i: int) -> object:
        return checker.check(
            text, channel="whatsapp", situation="complaint" if i % 2 else "information"
        )

    def term_rules(text: str, i: int) -> object:
        return checker.check(
            text,
            channel="whatsapp",
            situation="complaint" if i % 2 else "information",
            kinds=TERM_KINDS,
        )

    findings = sum(len(ours(t, i)) for i, t in enumerate(texts))
    mine = rate(ours, texts, repeat)
    terms_only = rate(term_rules, texts, repeat)
    # The term index alone finds what the references find: whole-word matches, no findings.
    index, active = checker._terms, checker._channels["whatsapp"].active
    alone = rate(lambda t, i: index.spans(t, active), texts, repeat)
    print(f"  {len(texts):,} real replies ({findings:,} findings):")
    print(f"    playbook, every rule, findings made: {mine:>10,.0f} replies/s")
    print(f"    playbook, term rules only, findings made: {terms_only:>10,.0f} replies/s")
    print(f"    playbook's term index alone: {alone:>10,.0f} replies/s")
    rates = {}
    for cls, reference, _, _ in references:
        rates[cls] = rate(lambda t, i, r=reference: r.find(t), texts, repeat)
        print(
            f"    {cls.name}: {rates[cls]:>10,.0f} replies/s (playbook {mine / rates[cls]:.2f}x, "
            f"term rules {terms_only / rates[cls]:.2f}x, term index {alone / rates[cls]:.2f}x)"
        )
    if count == 5_000:
        ratio = mine / rates[AhoCorasickReference]
        print(
            f"    target >= 0.8x pyahocorasick: {ratio:.2f}x, {verdict(ratio >= 0.8)} "
            f"(term rules only {terms_only / rates[AhoCorasickReference]:.2f}x, "
            f"term index {alone / rates[AhoCorasickReference]:.2f}x)"
        )
    if count == 50_000:
        ok = compiled < 2 and mine >= 20_000
        print(f"    target compile < 2 s and >= 20,000 replies/s: {verdict(ok)}")
    for label, size in SIZES.items():
        text = joined(texts, size)
        line = [f"    {label} reply: playbook {peak(lambda t=text: ours(t, 1))[0] * 1000:7.1f} ms"]
        for cls, reference, _, _ in references:
            line.append(
                f"{cls.name} {peak(lambda t=text, r=reference: r.find(t))[0] * 1000:.1f} ms"
            )
        print(", ".join(line))
    if count == 5_000:
        every = joined([*terms, *texts], 1_000_000)
        seconds, most = peak(lambda: ours(every, 1))
        found = len(ours(every, 1))
        print(
            f"    1 MB reply containing every term: {seconds * 1000:.0f} ms, {most:.0f} MB peak, "
            f"{found:,} findings; target < 150 ms and < 100 MB: "
            f"{verdict(seconds < 0.150 and most < 100)}"
        )
        seconds, most = peak(lambda: term_rules(every, 1))
        found = len(term_rules(every, 1))
        line = [f"      term rules only: {seconds * 1000:.0f} ms, {most:.0f} MB, {found:,} found"]
        for cls, reference, _, _ in references:
            line.append(f"{cls.name} {peak(lambda r=reference: r.find(every))[0] * 1000:.0f} ms")
        print(", ".join(line))


def rules_file_size(texts: list[str], count: int) -> None:
    """rules.json of the sample with `count` banned terms in its playbook.yml, as exported."""
    import shutil
    import tempfile

    import yaml

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "guidelines"
        shutil.copytree(ROOT / "guidelines", target)
        path = target / "playbook.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        # Terms that the sample already uses (in a replacement, say) would be refused.
        sample = " ".join(p.read_text(encoding="utf-8") for p in target.rglob("*.yml")).lower()
        unique = {term_rule_id(t, None): t for t in pick_terms(texts, count * 2)}
        terms = [t for t in unique.values() if t not in sample][:count]
        data["terms"] += [
            {"term": t, "status": "banned", "reason": "generated for the benchmark."} for t in terms
        ]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result, seconds, _ = timed(lambda: validate(target))
        assert result.playbook is not None, [d.text() for d in result.errors]
        size = len(dumps(export(result.playbook)).encode())
        channels = len(result.playbook.channels)
        print(
            f"\nrules.json with {count:,} terms on {channels} channels: {size / 1e6:.2f} MB "
            f"(validated in {seconds:.1f} s); target < 3 MB: {verdict(size < 3e6)}"
        )
        rules = Path(folder) / "rules.json"
        rules.write_text(dumps(export(result.playbook)), encoding="utf-8")
        sample = Path(folder) / "sample.json"
        sample.write_text(dumps(export(validate(ROOT / "guidelines").playbook)), encoding="utf-8")
        process_start(sample, "the sample's rules")
        process_start(rules, f"with the {count:,} terms")


def process_start(rules: Path, label: str, repeat: int = 7) -> None:
    """Wall and CPU time of `playbook check` on one short reply as a whole process, best of
    `repeat`, with `python -c pass` as the floor; compiled bytecode is cached (in a folder of
    its own) as on an installed playbook."""
    import os
    import resource
    import shutil
    import subprocess
    import tempfile

    playbook = shutil.which("playbook") or str(Path(sys.executable).parent / "playbook")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "playbook check": [playbook, "check", "--channel", "whatsapp", "--rules", str(rules)],
    }
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        best: dict[str, tuple[float, float]] = {}
        for name, command in commands.items():
            subprocess.run(command, input=b"Hi", capture_output=True, env=env, check=False)
            for _ in range(repeat):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run(command, input=b"Hi", capture_output=True, env=env, check=False)
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                best[name] = min(best.get(name, (wall, cpu)), (wall, cpu))
    (floor_wall, floor_cpu), (wall, cpu) = best.values()
    print(
        f"printf 'Hi' | playbook check --channel whatsapp --rules rules.json ({label}): "
        f"{wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU as a whole process (python -c "
        f"pass: {floor_wall * 1000:.0f} ms, {floor_cpu * 1000:.0f} ms); target < 100 ms: "
        f"{verdict(wall < 0.1)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--terms", default="0,500,5000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"missing {DATA}: put the shared data beside the repository", file=sys.stderr)
        return 2
    texts = replies()
    print(
        f"{len(texts):,} company replies, mean {sum(map(len, texts)) / len(texts):.0f} characters"
    )
    result = validate(ROOT / "guidelines")
    assert result.playbook is not None
    base = export(result.playbook)
    for count in (int(n) for n in args.terms.split(",")):
        bench(count, base, texts, args.repeat)
    rules_file_size(texts, 5_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
