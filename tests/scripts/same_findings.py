"""Whether the checker of another revision and this one give the same findings, field by field.

Every real company reply of ../shared/data, in each of its variants (as typed, capitals,
typographic apostrophes, decomposed accents, other white space, several lines) on three
channels, is checked with the sample's rules plus thousands of term rules of every shape made
from the replies' words and bigrams (see tests/term_corpus.py), by the code of REV (taken
with `git archive`, run in a process of its own) and by the code of the working tree.

    python tests/scripts/same_findings.py [--against main] [--terms 0,3000,20000]

Prints the number of cases and findings compared per number of terms; exit 1 and the first
cases that differ when any does.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "twcs_head5000.csv"


def _corpus():  # type: ignore[no-untyped-def]
    """tests/term_corpus.py of the working tree, whichever `generator` is importable."""
    spec = importlib.util.spec_from_file_location("term_corpus", ROOT / "tests" / "term_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(rules: Path) -> list[str]:
    from generator.checking import Checker

    corpus = _corpus()
    checker = Checker(json.loads(rules.read_text(encoding="utf-8")))
    return corpus.digests(checker, corpus.company_replies(DATA), every=True)  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", default="main", help="the revision to compare with")
    parser.add_argument("--terms", default="0,3000,20000")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        print("\n".join(dump(args.dump)))
        return 0
    from generator.export import export
    from generator.validation import validate

    corpus = _corpus()
    playbook = validate(ROOT / "guidelines").playbook
    assert playbook is not None
    base = export(playbook)
    vocabulary = corpus.words_and_bigrams(corpus.company_replies(DATA))
    archive = subprocess.run(
        ["git", "archive", args.against], cwd=ROOT, capture_output=True, check=True
    ).stdout
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        old = Path(folder) / "old"
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(old, filter="data")
        for count in (int(n) for n in args.terms.split(",")):
            rules = Path(folder) / f"rules-{count}.json"
            rules.write_text(json.dumps(corpus.with_term_rules(base, vocabulary, count)))
            before = subprocess.run(
                [sys.executable, __file__, "--dump", str(rules)],
                cwd=old,
                env={"PYTHONPATH": str(old), "PATH": ""},
                capture_output=True,
                text=True,
                check=True,
            ).stdout.splitlines()
            after = dump(rules)
            total = sum(int(line.split()[0]) for line in after)
            different = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
            print(
                f"{count:,} extra term rules: {len(after):,} cases, {total:,} findings, "
                f"{len(different)} different from {args.against}"
            )
            if different:
                failed = True
                cases = list(corpus.cases(corpus.company_replies(DATA), every=True))
                for i in different[:5]:
                    print(f"  case {i}: {cases[i]!r}: {before[i]} then {after[i]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
