"""Over ten thousand mutated playbooks and a thousand mutated rules files, seeded: no exception,
and every problem a diagnostic with its file, line and column (tests/scripts/fuzz.py runs more)."""

from __future__ import annotations

import os

from tests.conftest import MINIMAL, SAMPLE
from tests.fuzzing import run_parallel

#: The sample's cases cost four times the minimal playbook's: most cases mutate the small one,
#: and every one of the sample's files is still mutated a few hundred times.
PLAN = [(SAMPLE, seed, 300) for seed in range(0, 2400, 300)]
PLAN += [(MINIMAL, seed, 1000) for seed in range(100_000, 109_000, 1000)]


def test_mutated_playbooks_and_rules_files_give_diagnostics_not_exceptions() -> None:
    cases, failures = run_parallel(PLAN, jobs=min(2, os.cpu_count() or 1))
    assert cases == 11_400  # every tenth a rules file: 10,260 playbooks
    assert failures == [], "\n".join(f"seed {f.seed} ({f.what}): {f.problem}" for f in failures)
