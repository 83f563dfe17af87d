"""The published JSON Schemas: the guideline format and the exported rules, under rules/."""

from __future__ import annotations

import json
from typing import Any

from generator.schemas.audit import audit_schema
from generator.schemas.export import export_schema
from generator.schemas.guidelines import channel_schema, playbook_schema


def dumps(schema: dict[str, Any]) -> str:
    """The canonical text of a schema: sorted keys, two-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def published() -> dict[str, str]:
    """Every schema file under rules/, by file name, as its text."""
    return {
        "playbook.schema.json": dumps(playbook_schema()),
        "channel.schema.json": dumps(channel_schema()),
        "export.schema.json": dumps(export_schema()),
        "audit.schema.json": dumps(audit_schema()),
    }


def write_published() -> list[str]:
    """Regenerate the schemas under rules/; return the names of the files that changed."""
    # Imported here: importlib.resources costs `check --rules` (which reads the export
    # schema) more than the rest of its start-up.
    from generator.resources import RULES
    from generator.writing import write_atomic

    changed = []
    for name, text in published().items():
        path = RULES / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            changed.append(name)
    return changed
