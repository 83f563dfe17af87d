"""Print the Unicode tables that the browser checker takes from Python, as JavaScript.

The browser checker must read text as the Python checker does: it folds case letter for
letter as `generator.text.reading.fold` does (a table where that differs from JavaScript's
toLowerCase()), and splits text where Python's `unicodedata.combining` is 0 (the ranges of
code points whose combining class is not). Regenerate the tables in site_templates/js/unicode.js
when Python's Unicode version changes: python tests/js/unicode_tables.py (needs node).
"""

from __future__ import annotations

import json
import subprocess
import unicodedata

from generator.text.reading import fold

LOWER = """
const out = {};
for (let c = 0; c < 0x110000; c++) {
  if (c >= 0xd800 && c < 0xe000) continue;
  const s = String.fromCodePoint(c), lower = s.toLowerCase();
  if (lower !== s) out[c] = lower;
}
process.stdout.write(JSON.stringify(out));
"""


def assigned() -> list[int]:
    return [
        c
        for c in range(0x110000)
        if not 0xD800 <= c < 0xE000 and unicodedata.category(chr(c)) != "Cn"
    ]


def fold_table() -> dict[int, str]:
    """Code points whose Python fold is not JavaScript's toLowerCase()."""
    output = subprocess.check_output(["node", "-e", LOWER])
    lowered = {int(k): v for k, v in json.loads(output).items()}
    return {c: fold(chr(c)) for c in assigned() if fold(chr(c)) != lowered.get(c, chr(c))}


def combining_ranges() -> list[tuple[int, int]]:
    """Inclusive ranges of the code points whose canonical combining class is not 0."""
    ranges: list[tuple[int, int]] = []
    for c in range(0x110000):
        if unicodedata.combining(chr(c)):
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1] = (ranges[-1][0], c)
            else:
                ranges.append((c, c))
    return ranges


def main() -> None:
    table = {str(k): v for k, v in fold_table().items()}
    print(
        "const FOLD_TABLE = " + json.dumps(table, ensure_ascii=False, separators=(",", ":")) + ";"
    )
    flat = [n for pair in combining_ranges() for n in pair]
    print("const COMBINING_RANGES = [" + ",".join(f"0x{n:x}" for n in flat) + "];")


if __name__ == "__main__":
    main()
