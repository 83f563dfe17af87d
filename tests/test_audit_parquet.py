"""Parquet logs: read like JSON Lines when pyarrow is installed, a clear error when not."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT

SAMPLE_LOG = ROOT / "tests" / "fixtures" / "logs" / "conversations.jsonl"
pyarrow = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")


def _records() -> list[dict]:
    lines = SAMPLE_LOG.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _table(records: list[dict]) -> object:
    """A table with a column for every field of any record (missing values null)."""
    names = list(dict.fromkeys(name for record in records for name in record))
    return pyarrow.table({name: [record.get(name) for record in records] for name in names})


def _audit(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["audit", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_parquet_log_audits_as_its_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    parquet.write_table(_table(_records()), path, row_group_size=50)
    assert _audit(str(path), "--format", "json") == _audit(str(SAMPLE_LOG), "--format", "json")


def test_timestamp_columns_and_other_names_read_too(tmp_path: Path) -> None:
    import datetime as dt

    records = _records()
    for record in records:
        record["sent_at"] = dt.datetime.fromisoformat(record.pop("time"))
    path = tmp_path / "log.parquet"
    parquet.write_table(_table(records), path)
    code, out, _ = _audit(str(path), "--format", "json", "--column", "time=sent_at")
    assert (code, out) == _audit(str(SAMPLE_LOG), "--format", "json")[:2]


def test_bad_rows_are_reported_with_their_number(tmp_path: Path) -> None:
    records = _records()[:5]
    records[3]["role"] = "agnet"
    path = tmp_path / "log.parquet"
    parquet.write_table(_table(records), path)
    code, out, err = _audit(str(path))
    assert (code, out) == (2, "")
    assert f"{path}:4: error: unknown role 'agnet'" in err


def test_a_file_that_is_not_parquet_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    path.write_text("conversation,channel\n", encoding="utf-8")
    code, _, err = _audit(str(path))
    assert code == 2 and "not a Parquet file that can be read" in err
    assert "Traceback" not in err


def test_without_pyarrow_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.parquet"
    parquet.write_table(_table(_records()), path)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _, err = _audit(str(path))
    assert code == 2 and "pip install 'playbook[parquet]'" in err
