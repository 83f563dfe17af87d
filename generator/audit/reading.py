"""Reading conversation logs: JSON Lines and CSV records, checked, kept in compact columns.

One record is one message: `conversation`, `channel`, `time` (ISO 8601 with an offset or
Z), `role` (customer, agent, bot, note), `text`, and optionally `author`, `department`,
`situation` and `handoff` (true on the bot message that hands over to a person). Records
may come in any order; `Log.conversations()` yields each conversation's messages in time
order. Texts are held as UTF-8 in one buffer, other fields as arrays and interned strings, so
a million messages fit in a few hundred megabytes. A bad record becomes a `BadRecord` with its file
and line, and reading goes on so that every problem is reported at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson

from generator.kinds import ROLES, Message
from generator.model.diagnostics import did_you_mean
from generator.wording import say

FIELDS = ("conversation", "channel", "time", "role", "text")
OPTIONAL = ("author", "department", "situation", "handoff")
_TRUE = {"true", "1", "yes", "y"}
_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"


class LogFormatError(ValueError):
    """A log file that cannot be read at all (not one bad record): the message says why."""


@dataclass(frozen=True)
class BadRecord:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ReadOptions:
    channels: frozenset[str]
    situations: frozenset[str] = frozenset()
    columns: Mapping[str, str] = field(default_factory=dict)  # our field -> the file's column
    time_zone: str | None = None
    twitter_channel: str = "x"


class Texts:
    """Texts stored as UTF-8 in one buffer: a million short texts take a third of the memory
    of a million `str` objects, and leave no holes in the heap when records are freed."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._ends = array("q")

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, text: str) -> None:
        self._buffer += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._buffer))

    def __getitem__(self, index: int) -> str:
        start = self._ends[index - 1] if index else 0
        return self._buffer[start : self._ends[index]].decode("utf-8", "surrogatepass")


class Log:
    """The messages of one or more log files, in compact columns."""

    def __init__(self) -> None:
        self.conversation = array("l")
        self.time = array("d")
        self.role = bytearray()
        self.handoff = bytearray()
        self.text = Texts()
        self.author: list[str | None] = []
        self.department: list[str | None] = []
        self.ids: list[str] = []  # conversation index -> id
        self.channel: list[str] = []  # conversation index -> channel
        self.situation: list[str | None] = []  # conversation index -> situation from the log
        self.bad: list[BadRecord] = []
        self._index: dict[str, int] = {}
        self._strings: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.text)

    @property
    def end(self) -> float:
        """The time of the last message: waits still running are measured up to it."""
        return max(self.time) if self.time else 0.0

    def add(self, record: Mapping[str, Any], where: tuple[str, int], options: ReadOptions) -> None:
        problem = self._add(record, options)
        if problem:
            self.bad.append(BadRecord(where[0], where[1], problem))

    def _add(self, record: Mapping[str, Any], options: ReadOptions) -> str | None:
        missing = [name for name in FIELDS if record.get(name) in (None, "") and name != "text"]
        if missing or record.get("text") is None:
            names = missing or ["text"]
            return say(
                "missing {names}: every record has {fields}.",
                names=", ".join(names),
                fields=", ".join(FIELDS),
            )
        channel, role = str(record["channel"]), str(record["role"])
        if channel not in options.channels:
            hint = did_you_mean(channel, sorted(options.channels)) or (
                say(" Channels: {names}.", names=", ".join(sorted(options.channels)))
            )
            return say("unknown channel '{channel}'.{hint}", channel=channel, hint=hint)
        if role not in ROLES:
            hint = did_you_mean(role, ROLES)
            return say(
                "unknown role '{role}': write one of {roles}.{hint}",
                role=role,
                roles=", ".join(ROLES),
                hint=hint,
            )
        situation = record.get("situation") or None
        if situation is not None and situation not in options.situations:
            hint = did_you_mean(str(situation), sorted(options.situations))
            return say("unknown situation '{situation}'.{hint}", situation=situation, hint=hint)
        try:
            time = parse_time(str(record["time"]), options.time_zone)
        except ValueError as error:
            # the error's phrase, not its text, so that it is told in the playbook's language
            problem: str = error.args[0]
            return problem
        key = str(record["conversation"])
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = len(self.ids)
            self.ids.append(key)
            self.channel.append(channel)
            self.situation.append(situation)
        elif self.channel[index] != channel:
            return say(
                "conversation '{key}' is on channel '{earlier}' in an earlier record, not "
                "'{channel}': give each channel's conversations their own ids.",
                key=key,
                earlier=self.channel[index],
                channel=channel,
            )
        elif situation and not self.situation[index]:
            self.situation[index] = situation
        self.conversation.append(index)
        self.time.append(time)
        self.role.append(ROLES.index(role))
        self.handoff.append(str(record.get("handoff", "")).strip().lower() in _TRUE)
        self.text.append(str(record["text"]))
        self.author.append(self._intern(record.get("author")))
        self.department.append(self._intern(record.get("department")))
        return None

    def _intern(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        text = str(value)
        return self._strings.setdefault(text, text)

    def conversations(self) -> Iterator[tuple[int, list[int], list[Message]]]:
        """Each conversation's index, its records and its messages, in time order (file order
        on a tie)."""
        import numpy

        order = numpy.lexsort(
            (numpy.frombuffer(self.time, dtype=numpy.float64), numpy.asarray(self.conversation))
        )
        if not len(order):
            return
        keys = numpy.asarray(self.conversation)[order]
        bounds = [0, *(numpy.flatnonzero(numpy.diff(keys)) + 1).tolist(), len(order)]
        del keys
        for start, stop in zip(bounds, bounds[1:], strict=False):
            records = order[start:stop].tolist()
            yield (
                int(self.conversation[records[0]]),
                records,
                [
                    Message(
                        ROLES[self.role[i]],
                        self.text[i],
                        self.time[i],
                        self.author[i],
                        self.department[i],
                        bool(self.handoff[i]),
                    )
                    for i in records
                ],
            )


def parse_time(text: str, time_zone: str | None) -> float:
    """Seconds since the epoch of an ISO 8601 time (or Twitter's 'Tue Oct 31 22:10:47 +0000
    2017'); one without an offset is in `time_zone`, or an error."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = dt.datetime.strptime(text, _TWITTER_TIME)
        except ValueError:
            raise ValueError(
                say(
                    "'{text}' is not a time: write ISO 8601 with an offset, like "
                    "2026-03-02T09:15:00+01:00 or 2026-03-02T08:15:00Z.",
                    text=text,
                )
            ) from None
    if moment.tzinfo is None:
        if time_zone is None:
            raise ValueError(
                say(
                    "'{text}' has no offset from UTC: add one (+01:00, Z) or say which time "
                    "zone the log is in with --time-zone Europe/Rome.",
                    text=text,
                )
            )
        moment = moment.replace(tzinfo=_zone(time_zone))
    return moment.timestamp()


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def read(paths: Iterable[Path], options: ReadOptions) -> Log:
    """Every record of the files, with the bad ones in `log.bad`; raise OSError for a file
    that cannot be opened, LogFormatError for one that cannot be read as a log."""
    log = Log()
    for path in paths:
        if path.suffix.lower() == ".parquet":
            from generator.audit.parquet import read_parquet

            read_parquet(path, options, log, _renamer(options.columns))
            continue
        try:
            # utf-8-sig: spreadsheets start their CSV and text exports with a byte-order mark.
            with open(path, encoding="utf-8-sig", newline="") as stream:
                _records(stream, path, options, log)
        except UnicodeDecodeError as error:
            raise LogFormatError(
                say(
                    "{path}:{line}: not UTF-8 text ({reason}): save the log as UTF-8.",
                    path=str(path),
                    line=_undecodable_line(path),
                    reason=error.reason,
                )
            ) from None
    return log


def _undecodable_line(path: Path) -> int:
    """The number of the first line of a file that is not UTF-8."""
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def _records(stream: io.TextIOBase, path: Path, options: ReadOptions, log: Log) -> None:
    name = str(path)
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rename = _renamer(options.columns)
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = _loads(line)
            except json.JSONDecodeError as error:
                problem = say("not JSON: {error} (column {n}).", error=error.msg, n=error.colno)
                log.bad.append(BadRecord(name, number, problem))
                continue
            if not isinstance(record, dict):
                problem = say("a record is a JSON object, one a line.")
                log.bad.append(BadRecord(name, number, problem))
                continue
            log.add(rename(record), (name, number), options)
        return
    reader = csv.DictReader(stream)
    header = reader.fieldnames or []
    if {"tweet_id", "inbound", "in_response_to_tweet_id"} <= set(header):
        from generator.audit.twitter import read_twitter

        read_twitter(reader, name, options, log)
        return
    known = set(header) | set(options.columns)
    missing = [f for f in FIELDS if f not in known]
    if missing:
        hint = did_you_mean(missing[0], list(header))
        log.bad.append(
            BadRecord(
                name,
                1,
                say(
                    "the header has no column {names}: name the file's column with "
                    "--column {first}=COLUMN.{hint}",
                    names=", ".join(repr(m) for m in missing),
                    first=missing[0],
                    hint=hint,
                ),
            )
        )
        return
    rename = _renamer(options.columns)
    for record in reader:
        log.add(rename(record), (name, reader.line_num), options)


def _loads(line: str) -> Any:
    """A JSON line, parsed by orjson (several times faster); what orjson refuses (a lone
    surrogate escape, NaN) is read, or reported, as the standard library does."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)


def _renamer(columns: Mapping[str, str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Maps a record with the file's column names to one with ours."""
    if not columns:
        return lambda record: record
    pairs = list(columns.items())

    def rename(record: dict[str, Any]) -> dict[str, Any]:
        for ours, theirs in pairs:
            if theirs in record:
                record[ours] = record[theirs]
        return record

    return rename
