"""The browser checker as the ES modules the site ships, from their parts in site_templates/js/.

The parts are ES modules that import from one another (Node and the tests load them as they
are); the site gets each entry part joined with the parts it imports, in import order, into
one module (`playbook-check.js`, `playbook-detect.js`) that exports what the entry part
exports and nothing else. An import of another shipped module stays an import, so that the
detection module uses the checker's module instead of a copy of it. No bundler is needed:
the parts import only named bindings from sibling files, and their top-level names are
distinct.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from pathlib import Path

from generator.caching import cached_json

_IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w.-]+)";\n', re.M)
_REEXPORT = re.compile(r'^export \{([^}]*)\} from "\./[\w.-]+";\n', re.M)
_EXPORTED = re.compile(r"^export (?=(?:const|let|function|class)\b)", re.M)


class BundleError(ValueError):
    """Parts that cannot be joined: a missing file or a circular import."""


def _order(entry: Path, separate: Collection[str]) -> list[Path]:
    """The parts, each after the parts it imports; the `separate` modules are not parts."""
    order: list[Path] = []

    def visit(path: Path, trail: tuple[Path, ...]) -> None:
        if path in order or (trail and path.name in separate):
            return
        if path in trail:
            raise BundleError(f"{path.name}: circular import through {trail[-1].name}")
        if not path.is_file():
            raise BundleError(
                f"{trail[-1].name if trail else path.name} imports {path.name}, "
                "which does not exist"
            )
        for name in _IMPORT.findall(path.read_text(encoding="utf-8")):
            visit(path.parent / name, (*trail, path))
        order.append(path)

    visit(entry, ())
    return order


def bundle(entry: Path, separate: Collection[str] = ()) -> str:
    """The entry part and every part it imports, as one module; imports of the `separate`
    modules (file names of other shipped modules) stay imports."""
    order = _order(entry, separate)
    pieces = [f"// {entry.name}: built from {', '.join(p.name for p in order)}.\n"]

    def joined(found: re.Match[str]) -> str:
        return found.group() if found.group(1) in separate else ""

    for path in order:
        text = _IMPORT.sub(joined, path.read_text(encoding="utf-8"))
        if path == entry:
            text = _REEXPORT.sub(lambda found: f"export {{{found.group(1)}}};\n", text)
        else:
            text = _EXPORTED.sub("", text)
        pieces.append(f"\n// ---- {path.name}\n{text}")
    return "".join(pieces)


def cached_bundle(entry: Path, separate: Collection[str] = ()) -> str:
    """`bundle(entry)`, joined once for the same parts: kept by the hash of every part (and
    of this module, which joins them)."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + repr(sorted(separate)).encode())
    for path in sorted(entry.parent.glob("*.js")):
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    key = digest.hexdigest()
    text = cached_json(f"bundle-{entry.stem}", key, lambda: bundle(entry, separate))
    return str(text)
