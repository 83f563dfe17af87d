"""Print the table of Python's str.casefold() that JavaScript's toLowerCase() lacks.

The browser checker folds case as Python does: per code point, this table where the two
differ, toLowerCase() elsewhere. Regenerate the table in playbook-check.js when Python's
Unicode version changes: python tests/js/casefold_table.py (needs node on the PATH).
"""

from __future__ import annotations

import json
import subprocess
import unicodedata

SCRIPT = """
const out = {};
for (let c = 0; c < 0x110000; c++) {
  if (c >= 0xd800 && c < 0xe000) continue;
  const s = String.fromCodePoint(c), lower = s.toLowerCase();
  if (lower !== s) out[c] = lower;
}
process.stdout.write(JSON.stringify(out));
"""


def table() -> dict[int, str]:
    lowered = {
        int(k): v for k, v in json.loads(subprocess.check_output(["node", "-e", SCRIPT])).items()
    }
    differences = {}
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or unicodedata.category(char) == "Cn":
            continue
        if char.casefold() != lowered.get(code, char):
            differences[code] = char.casefold()
    return differences


if __name__ == "__main__":
    print(
        json.dumps(
            {str(k): v for k, v in table().items()}, ensure_ascii=False, separators=(",", ":")
        )
    )
