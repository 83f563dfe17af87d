"""Reading conversation logs from Parquet files, with the optional pyarrow package.

A Parquet log has the columns of the JSON Lines format (`--column` maps other names). Rows
are read in batches, so a large file never sits in memory as Python objects at once; a bad
row is reported with its number, counted from 1 as a spreadsheet would. Timestamp columns
keep their time zone; a timestamp without one is an error unless `--time-zone` says which.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.audit.reading import Log, LogFormatError, ReadOptions
from generator.wording import say

INSTALL = "pip install 'playbook[parquet]'"
_BATCH = 65536


def read_parquet(
    path: Path,
    options: ReadOptions,
    log: Log,
    rename: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise LogFormatError(
            say(
                "{path}: reading Parquet needs the pyarrow package: {install}.",
                path=str(path),
                install=INSTALL,
            )
        ) from None
    import pyarrow

    name, row = str(path), 0
    try:
        for batch in parquet.ParquetFile(path).iter_batches(batch_size=_BATCH):
            for record in batch.to_pylist():
                row += 1
                log.add(rename(record), (name, row), options)
    except (pyarrow.ArrowException, OSError) as error:
        raise LogFormatError(
            say(
                "{path}: not a Parquet file that can be read: {error}.",
                path=str(path),
                error=str(error),
            )
        ) from None
