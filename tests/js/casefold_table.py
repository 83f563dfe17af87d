"""Writes site_templates/js/casefold.js: where Python's str.casefold() of a character differs
from JavaScript's toLowerCase(), so that the browser folds a customer's words as the Python
detector does ("STRASSE" and "straße" are one word). Run it again when Python's Unicode
version changes: python tests/js/casefold_table.py (needs node).
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

from tests.js.unicode_tables import LOWER

TARGET = Path(__file__).resolve().parents[2] / "site_templates" / "js" / "casefold.js"


def render() -> str:
    """The module's text, from the installed package."""
    lowered = {
        int(k): v for k, v in json.loads(subprocess.check_output(["node", "-e", LOWER])).items()
    }
    table = {
        c: chr(c).casefold()
        for c in range(0x110000)
        if not 0xD800 <= c < 0xE000
        and unicodedata.category(chr(c)) != "Cn"
        and chr(c).casefold() != lowered.get(c, chr(c))
    }
    data = json.dumps({str(k): v for k, v in table.items()}, ensure_ascii=False)
    return (
        "/**\n * casefold.js: Python's str.casefold() (full case folding), as the detector folds"
        " words.\n * Part of playbook-check.js. The table (Python's unicodedata"
        f" {unicodedata.unidata_version}, made by\n * tests/js/casefold_table.py) holds where it"
        " differs from toLowerCase().\n */\n\n"
        f"const CASEFOLD_TABLE = {data};\n"
        "const CASEFOLD = new Map(\n"
        "  Object.entries(CASEFOLD_TABLE).map(([k, v]) => [Number(k), v]),\n);\n\n"
        '/** Python\'s str.casefold(): "Straße" -> "strasse". */\n'
        "export function casefold(text) {\n"
        '  let out = "";\n'
        "  for (const char of text) {\n"
        "    out += CASEFOLD.get(char.codePointAt(0)) ?? char.toLowerCase();\n  }\n"
        "  return out;\n"
        "}\n"
    )


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
