"""Writes site_templates/js/stemmers.js: the installed Python snowballstemmer's English and
Italian stemmers, translated statement by statement to JavaScript, so that the browser stems
as the Python checker does (run it again when snowballstemmer is upgraded).

The generated Python is regular: labels are exceptions (`try:` ... `except labN: pass` is a
labelled block, `raise labN()` leaves it), so each line translates on its own.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

import snowballstemmer

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "site_templates" / "js" / "stemmers.js"
SOURCES = Path(snowballstemmer.__file__).parent


def _expression(text: str) -> str:
    text = re.sub(r"\bself\.__r_", "this.r_", text)
    text = text.replace("self.", "this.")
    text = re.sub(r"\bnot ", "!", text)
    text = text.replace(" and ", " && ").replace(" or ", " || ")
    text = re.sub(r"(?<![=!<>])==(?!=)", "===", text).replace("!=", "!==")
    text = re.sub(r"\bTrue\b", "true", text)
    text = re.sub(r"\bFalse\b", "false", text)
    text = re.sub(r"\blen\(([\w.]+)\)", r"\1.length", text)
    return text


def _class(name: str, lines: list[str]) -> str:
    out: list[str] = [f"class {name} extends BaseStemmer {{"]
    stack: list[tuple[int, str]] = []  # (indent, closing text)
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        i += 1
        stripped = raw.strip()
        if (
            not stripped
            or stripped.startswith(("'''", "#"))
            or stripped.startswith("This ")
            or stripped.startswith("Generated ")
        ):
            continue
        indent = len(raw) - len(raw.lstrip())
        if stripped.startswith("except lab"):
            while stack and stack[-1][0] > indent:
                out.append(" " * stack.pop()[0] + "}")
            stack.pop()
            out.append(" " * indent + "}")
            continue
        while (
            stack
            and stack[-1][0] >= indent
            and not (stripped.startswith(("elif ", "else:")) and stack[-1][0] == indent)
        ):
            out.append(" " * stack[-1][0] + stack.pop()[1])
        if stripped.startswith(("elif ", "else:")):
            stack.pop()
            if stripped == "else:":
                out.append(" " * indent + "} else {")
            else:
                out.append(" " * indent + f"}} else if ({_expression(stripped[5:-1])}) {{")
            stack.append((indent, "}"))
            continue
        if indent == 4:
            member = re.match(r"(\w+) = (.*)$", stripped)
            if stripped.startswith("def "):
                method = re.match(r"def (?:__)?(\w+)\(self\):", stripped)
                assert method, stripped
                out.append(f"  {method.group(1)}() {{")
                stack.append((indent, "}"))
            elif member and member.group(2) == "[":
                table = []
                while lines[i].strip() != "]":
                    table.append(lines[i].strip().rstrip(","))
                    i += 1
                i += 1
                entries = ",\n".join(f"    new {t}" for t in table)
                out.append(f"  static {member.group(1)} = [\n{entries},\n  ];")
            elif member and member.group(2).startswith("{"):
                out.append(f"  static {member.group(1)} = new Set([{member.group(2)[1:-1]}]);")
            elif member and member.group(2).startswith('"'):
                out.append(f"  static {member.group(1)} = new Set({member.group(2)});")
            elif member and member.group(2).startswith("("):
                out.append(f"  static {member.group(1)} = [{member.group(2)[1:-1]}];")
            elif member:
                out.append(f"  {member.group(1)} = {_expression(member.group(2))};")
            else:
                raise ValueError(stripped)
            continue
        pad = " " * indent
        if stripped == "try:":
            # the label is the one its `except` names, at the same indent further down
            j = i
            while not (
                lines[j].strip().startswith("except lab")
                and len(lines[j]) - len(lines[j].lstrip()) == indent
            ):
                j += 1
            label = re.match(r"except (lab\d+)", lines[j].strip()).group(1)  # type: ignore
            out.append(f"{pad}{label}: {{")
            stack.append((indent, "}"))
        elif stripped == "while True:":
            out.append(f"{pad}while (true) {{")
            stack.append((indent, "}"))
        elif stripped.startswith("if "):
            out.append(f"{pad}if ({_expression(stripped[3:-1])}) {{")
            stack.append((indent, "}"))
        elif stripped.startswith("raise lab"):
            out.append(f"{pad}break {stripped[6:-2]};")
        elif stripped in ("break", "continue"):
            out.append(f"{pad}{stripped};")
        elif stripped.startswith("return"):
            out.append(f"{pad}{_expression(stripped)};")
        elif re.match(r"(v_\d+|among_var) = ", stripped):
            out.append(f"{pad}var {_expression(stripped)};")
        else:
            out.append(f"{pad}{_expression(stripped)};")
    while stack:
        out.append(" " * stack[-1][0] + stack.pop()[1])
    out.append("}")
    return "\n".join(out) + "\n"


def render() -> str:
    """The module's text, from the installed package."""
    parts = []
    for module, name in (("english", "EnglishStemmer"), ("italian", "ItalianStemmer")):
        text = (SOURCES / f"{module}_stemmer.py").read_text(encoding="utf-8")
        body = text.split(f"class {name}(BaseStemmer):\n", 1)[1].split("\nclass lab0", 1)[0]
        parts.append(_class(name, body.splitlines()))
    head = (
        "/**\n * stemmers.js: Snowball's English and Italian stemmers, translated from the Python\n"
        f" * snowballstemmer {version('snowballstemmer')} by tests/js/snowball_to_js.py (do not"
        " edit; run it again).\n * Snowball is (c) Dr Martin Porter, Richard Boulton and others,"
        " BSD licence: see snowball-LICENSE.txt.\n */\n\n"
        'import { BaseStemmer, Among } from "./snowball-base.js";\n\n'
    )
    return head + "\n".join(f"export {p}" for p in parts)


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
