"""Reading an exported rules.json back, refusing one that is not a complete, known format."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from generator.schemas.check import SchemaCheck
from generator.schemas.export import export_schema
from generator.vocabulary import FORMAT_VERSION


class RulesFileError(ValueError):
    pass


@cache
def _check() -> SchemaCheck:
    return SchemaCheck(export_schema())


def read_rules(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RulesFileError(f"cannot read {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise RulesFileError(f"{path} is not UTF-8: export it again.") from None
    except json.JSONDecodeError as error:
        raise RulesFileError(
            f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}."
        ) from None
    major = (
        str(document.get("format_version", "")).split(".")[0] if isinstance(document, dict) else ""
    )
    if major != FORMAT_VERSION.split(".")[0]:
        raise RulesFileError(
            f"{path} is not a playbook rules file of format version "
            f"{FORMAT_VERSION.split('.')[0]}.x: export it again with this playbook."
        )
    error = next(iter(sorted(_check().errors(document), key=lambda e: e.path)), None)
    if error is not None:
        where = "/" + "/".join(map(str, error.absolute_path))
        raise RulesFileError(f"{path}: {where}: {error.message}: export it again.")
    for number, channel in enumerate(document["channels"]):
        for index, key in enumerate(channel["rules"]):
            if key not in document["rules"]:
                raise RulesFileError(
                    f"{path}: /channels/{number}/rules/{index}: no rule '{key}' under /rules: "
                    "export it again."
                )
    return document
