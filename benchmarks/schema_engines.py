"""Schema checks of the sample's files: jsonschema-rs first (the project's way) against
jsonschema alone (the reference), both in this run; prints the median of 20 runs of each.

    .venv/bin/python benchmarks/schema_engines.py

jsonschema-rs answers "valid or not" only; jsonschema, asked only when a file fails, gives the
reasons the diagnostics are written from (the failing keyword, its value and subschema).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.validation.layers import _CHANNEL, _PLAYBOOK  # noqa: E402
from generator.validation.loading import load_bytes  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "guidelines"


def _median_ms(run: Callable[[], object], times: int = 20) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    files = [(_PLAYBOOK, SAMPLE / "playbook.yml")]
    files += [(_CHANNEL, path) for path in sorted((SAMPLE / "channels").glob("*.yml"))]
    documents = []
    for check, path in files:
        document, _ = load_bytes(path.read_bytes(), str(path))
        assert document is not None
        documents.append((check, document.data))
    both = _median_ms(lambda: [list(c.errors(d)) for c, d in documents])
    alone = _median_ms(lambda: [list(c._full.iter_errors(d)) for c, d in documents])
    print(f"{len(documents)} files: jsonschema-rs first {both:.2f} ms,", end=" ")
    print(f"jsonschema alone {alone:.2f} ms")


if __name__ == "__main__":
    main()
