"""Fuzz validation and `check --rules` with mutated playbooks and rules files, for long runs.

    .venv/bin/python tests/scripts/fuzz.py --count 200000 [--seed 0] [--jobs 2] [--folder DIR]

Every tenth case is a rules.json; the others mutate one file of the folder (cut to one channel
per case). Prints the cases run, the time and each failure with the seed that reproduces it:
`Fuzzer(folder).playbook(seed)` or `.rules_file(seed)` in tests/fuzzing.py gives its input.
Exit 1 when a case broke the contract.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzzing import run_parallel  # noqa: E402 - after the path is set


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="cases to run")
    parser.add_argument("--seed", type=int, default=0, help="the first case's seed")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes")
    parser.add_argument("--folder", type=Path, default=Path("guidelines"), help="a valid folder")
    options = parser.parse_args()
    chunk = max(1, min(1000, options.count // (options.jobs * 4) or 1))
    plan = [
        (options.folder, seed, min(chunk, options.seed + options.count - seed))
        for seed in range(options.seed, options.seed + options.count, chunk)
    ]
    start = time.perf_counter()
    cases, failures = run_parallel(plan, options.jobs)
    elapsed = time.perf_counter() - start
    print(f"{cases} cases in {elapsed:.1f} s ({cases / elapsed:.0f} per second)")
    for failure in failures:
        print(f"seed {failure.seed} ({failure.what}): {failure.problem}")
    print(f"{len(failures)} failure{'s' if len(failures) != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
