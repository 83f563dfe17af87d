"""The meaning layer of validation: what a schema cannot say, across files."""

from __future__ import annotations

import datetime
import functools
import os
import re
import zoneinfo
from collections.abc import Iterator, Mapping
from typing import Any

from generator.caching import cached_json
from generator.kinds import KINDS
from generator.model.diagnostics import Diagnostic, Level, did_you_mean
from generator.schemas.check import SchemaCheck
from generator.text import durations
from generator.text.matching import TermBudgetError, TermMatcher, canonical
from generator.validation.building import apply_override, declared_rules
from generator.validation.loading import Document, pointer
from generator.vocabulary import BANDS, METRICS
from generator.wording import say

_PLACEHOLDER = re.compile(r"\{\{?\s*([A-Za-z_][\w.-]*)\s*\}?\}")


class _Report:
    def __init__(self) -> None:
        self.found: list[Diagnostic] = []

    def add(
        self,
        document: Document,
        path: tuple[Any, ...],
        code: str,
        message: str,
        *,
        level: Level = Level.ERROR,
        key: bool = False,
    ) -> None:
        line, column = document.where(path, key=key)
        self.found.append(
            Diagnostic(
                document.file, line, column, level, f"meaning/{code}", message, pointer(path)
            )
        )


def check_meaning(
    playbook: Document | None, channels: Mapping[str, Document | None]
) -> list[Diagnostic]:
    report = _Report()
    valid = {stem: doc for stem, doc in channels.items() if doc is not None}
    channel_ids = set(channels)
    situation_ids: set[str] = set()
    if playbook is not None:
        situation_ids = {s["id"] for s in playbook.data["situations"]}
        _duplicates(report, playbook, "situations")
        _declared_channels(report, playbook, channel_ids)
    for stem, doc in valid.items():
        if doc.data["id"] != stem:
            report.add(
                doc,
                ("id",),
                "channel-id",
                say(
                    "the id '{id}' differs from the file name '{stem}': rename the file or "
                    "set id: {stem}.",
                    id=doc.data["id"],
                    stem=stem,
                ),
            )
    documents = ([playbook] if playbook else []) + list(valid.values())
    for doc in documents:
        _references(report, doc, situation_ids if playbook else None, channel_ids)
    rules: dict[str, Any] = {}
    for doc in documents:
        channel = doc.data["id"] if doc is not playbook else None
        for path, rule in declared_rules(doc, channel):
            if rule.id in rules:
                first = rules[rule.id]
                if first.origin == rule.origin == "term":
                    if first.kind == rule.kind:  # banned and preferred: a term conflict instead
                        report.add(
                            doc,
                            path,
                            "duplicate-term",
                            say(
                                "this term is already listed at {file}:{line}: keep one of "
                                "the two.",
                                file=first.file,
                                line=first.line,
                            ),
                        )
                    continue
                report.add(
                    doc,
                    (*path, "id") if path[0] == "rules" else path,
                    "duplicate-rule",
                    say(
                        "the rule id '{id}' is already used at {file}:{line}: give each "
                        "rule its own id (or use overrides in a channel).",
                        id=rule.id,
                        file=first.file,
                        line=first.line,
                    ),
                )
            else:
                rules[rule.id] = rule
            for subpath, message in KINDS[rule.kind].problems(dict(rule.options)):
                report.add(doc, (*path, "options", *subpath), "pattern", message)
    global_rules = {r.id: r for _, r in declared_rules(playbook, None)} if playbook else {}
    for doc in valid.values():
        _response_times(report, doc)
        _overrides(report, doc, global_rules, rules)
        _templates(report, doc)
        _business_hours(report, doc)
    _terms(report, documents)
    _public_complaints(report, valid)
    return report.found


def _complaint_target(doc: Document, metric: str) -> tuple[int, tuple[Any, ...]] | None:
    """A channel's complaint target for a metric in seconds, with where it is written."""
    times = doc.data["response_times"]
    own = times.get("situations", {}).get("complaint", {}).get(metric)
    if own is not None:
        path: tuple[Any, ...] = ("response_times", "situations", "complaint", metric, "target")
        return durations.parse(own["target"]), path
    if metric in times:
        return durations.parse(times[metric]["target"]), ("response_times", metric, "target")
    return None


# Private channels answered in writing, at the agent's pace: live chat, phone and chatbots
# answer at once by nature, so they are no measure for a public channel.
_ASYNCHRONOUS = frozenset({"private_messaging", "email"})


def _public_complaints(report: _Report, channels: Mapping[str, Document]) -> None:
    """A complaint in public is seen by everyone: its target is no slower than a private one."""
    for metric in METRICS:
        private = [
            (found[0], stem)
            for stem, doc in sorted(channels.items())
            if not doc.data.get("public", False)
            and doc.data.get("kind") in _ASYNCHRONOUS
            and (found := _complaint_target(doc, metric))
        ]
        if not private:
            continue
        fastest, fastest_channel = min(private)
        for doc in channels.values():
            found = _complaint_target(doc, metric) if doc.data.get("public", False) else None
            if found and found[0] > fastest:
                report.add(
                    doc,
                    found[1],
                    "public-complaint-slower",
                    say(
                        "the complaint {metric} target ({duration}) of this public channel "
                        "is slower than that of {fastest_channel} ({duration2}), a private "
                        "one: complaints in public are seen by everyone and need the "
                        "fastest answer; lower it to {duration2} or less.",
                        metric=metric,
                        duration=durations.format(found[0]),
                        fastest_channel=fastest_channel,
                        duration2=durations.format(fastest),
                    ),
                    level=Level.WARNING,
                )


def _duplicates(report: _Report, doc: Document, field: str) -> None:
    seen: set[str] = set()
    for i, entry in enumerate(doc.data.get(field, [])):
        if entry["id"] in seen:
            report.add(
                doc,
                (field, i, "id"),
                "duplicate-id",
                say("'{id}' is defined twice: give each its own id.", id=entry["id"]),
            )
        seen.add(entry["id"])


def _declared_channels(report: _Report, doc: Document, files: set[str]) -> None:
    declared = doc.data.get("channels")
    if declared is None:
        return
    for i, channel in enumerate(declared):
        if channel not in files:
            report.add(
                doc,
                ("channels", i),
                "missing-channel",
                say(
                    "channel '{channel}' is declared but channels/{channel}.yml does not "
                    "exist: create it or remove it from the list.{hint}",
                    channel=channel,
                    hint=did_you_mean(channel, files),
                ),
            )
    for channel in sorted(files - set(declared)):
        report.add(
            doc,
            ("channels",),
            "undeclared-channel",
            say(
                "channels/{channel}.yml is not declared: add '{channel}' to channels.",
                channel=channel,
            ),
        )


def _references(
    report: _Report, doc: Document, situations: set[str] | None, channels: set[str]
) -> None:
    data = doc.data
    places: list[tuple[tuple[Any, ...], Any]] = []
    for field in ("rules", "terms"):
        for i, entry in enumerate(data.get(field, [])):
            places += [
                ((field, i, "situations", j), s) for j, s in enumerate(entry.get("situations", []))
            ]
            for j, channel in enumerate(entry.get("channels", [])):
                if channel not in channels:
                    report.add(
                        doc,
                        (field, i, "channels", j),
                        "unknown-channel",
                        say(
                            "there is no channel '{channel}'.{hint}",
                            channel=channel,
                            hint=did_you_mean(channel, channels),
                        ),
                    )
    for field in ("templates", "examples"):
        places += [
            ((field, i, "situation"), e["situation"])
            for i, e in enumerate(data.get(field, []))
            if "situation" in e
        ]
    for name, override in data.get("overrides", {}).items():
        places += [
            (("overrides", name, "situations", j), s)
            for j, s in enumerate(override.get("situations", []))
        ]
    for name in data.get("response_times", {}).get("situations", {}):
        places.append((("response_times", "situations", name), name))
    if situations is None:
        return
    for path, situation in places:
        if situation not in situations:
            key = path[-1] == situation
            report.add(
                doc,
                path,
                "unknown-situation",
                say("there is no situation '{situation}'.", situation=situation)
                + did_you_mean(situation, situations),
                key=key,
            )


def _response_times(report: _Report, doc: Document) -> None:
    times = doc.data["response_times"]
    general = {m: _seconds(times[m]) for m in METRICS if m in times}
    for metric, bands in general.items():
        _band_order(report, doc, ("response_times", metric), bands)
    for situation, metrics in times.get("situations", {}).items():
        for metric, band in metrics.items():
            path = ("response_times", "situations", situation, metric)
            seconds = _seconds(band)
            _band_order(report, doc, path, seconds)
            if situation != "complaint" or metric not in general:
                continue
            for name in BANDS:
                if seconds[name] > general[metric][name]:
                    report.add(
                        doc,
                        (*path, name),
                        "complaint-slower",
                        say(
                            "the complaint {name} ({complaint}) is slower than the general "
                            "{metric} {name} ({general}): complaints need answers at least "
                            "as fast; lower it.",
                            name=name,
                            complaint=band[name],
                            metric=metric,
                            general=times[metric][name],
                        ),
                    )


def _seconds(band: Mapping[str, str]) -> dict[str, int]:
    return {name: durations.parse(band[name]) for name in BANDS}


def _band_order(
    report: _Report, doc: Document, path: tuple[Any, ...], seconds: Mapping[str, int]
) -> None:
    for earlier, later in zip(BANDS, BANDS[1:], strict=False):
        if seconds[earlier] > seconds[later]:
            report.add(
                doc,
                (*path, earlier),
                "band-order",
                say(
                    "{earlier} ({duration}) is slower than {later} ({duration2}): bands go "
                    "target ≤ acceptable ≤ unacceptable.",
                    earlier=earlier,
                    duration=durations.format(seconds[earlier]),
                    later=later,
                    duration2=durations.format(seconds[later]),
                ),
            )


def _overrides(
    report: _Report, doc: Document, global_rules: Mapping[str, Any], rules: Mapping[str, Any]
) -> None:
    channel = doc.data["id"]
    own = {r.id: r for _, r in declared_rules(doc, channel)}
    known = {
        **{k: r for k, r in global_rules.items() if not r.channels or channel in r.channels},
        **own,
    }
    for name, override in doc.data.get("overrides", {}).items():
        if name not in known:
            report.add(
                doc,
                ("overrides", name),
                "unknown-rule",
                say("there is no rule '{name}' on this channel.", name=name)
                + did_you_mean(name, known),
                key=True,
            )
            continue
        rule = apply_override(known[name], override)
        errors = list(_options_check(rule.kind).errors(dict(rule.options)))
        for error in errors:
            report.add(
                doc,
                ("overrides", name, "options", *error.absolute_path),
                "override",
                say(
                    "{message}: the options of a {kind} rule are {names}.",
                    message=error.message,
                    kind=rule.kind,
                    names=", ".join(sorted(KINDS[rule.kind].options_schema["properties"])),
                ),
            )
        if not errors:
            # The rule as this channel resolves it: a pattern given by the override compiles too.
            for subpath, message in KINDS[rule.kind].problems(dict(rule.options)):
                report.add(doc, ("overrides", name, "options", *subpath), "pattern", message)
    for i, name in enumerate(doc.data.get("disable", [])):
        if name not in known:
            report.add(
                doc,
                ("disable", i),
                "unknown-rule",
                say("there is no rule '{name}' on this channel.", name=name)
                + did_you_mean(name, known),
            )


def _templates(report: _Report, doc: Document) -> None:
    seen: set[str] = set()
    for i, template in enumerate(doc.data.get("templates", [])):
        if template["id"] in seen:
            report.add(
                doc,
                ("templates", i, "id"),
                "duplicate-id",
                say("template '{id}' is defined twice: give each its own id.", id=template["id"]),
            )
        seen.add(template["id"])
        used = set(_PLACEHOLDER.findall(template["text"]))
        declared = template.get("placeholders", {})
        for name in sorted(used - set(declared)):
            report.add(
                doc,
                ("templates", i, "text"),
                "placeholder",
                say(
                    "the placeholder {{{name}}} is not explained: add it under "
                    "placeholders with what to fill in.",
                    name=name,
                ),
            )
        for name in sorted(set(declared) - used):
            report.add(
                doc,
                ("templates", i, "placeholders", name),
                "placeholder",
                say(
                    "the placeholder '{name}' does not appear in the text: remove it or "
                    "use {{{name}}} in the text.",
                    name=name,
                ),
                level=Level.WARNING,
                key=True,
            )


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _is_time_zone(name: str) -> bool:
    """Whether `name` is in zoneinfo.available_timezones(), without listing them all (that
    opens every file of the time zone database): a name found the way that listing finds it
    is one; any other is looked up in the whole list."""
    parts = name.split("/")
    plain = "" not in parts and not {".", ".."} & set(parts)
    if plain and name != "posixrules" and parts[0] not in ("right", "posix"):
        for root in zoneinfo.TZPATH:
            if _tzif(root, parts):
                return True
    return name in _time_zones()


def _tzif(root: str, parts: list[str]) -> bool:
    """A time zone file under `root` that os.walk reaches (no linked folder on the way)."""
    folder = root
    for part in parts[:-1]:
        folder = os.path.join(folder, part)
        if os.path.islink(folder) or not os.path.isdir(folder):
            return False
    try:
        with open(os.path.join(folder, parts[-1]), "rb") as handle:
            return handle.read(4) == b"TZif"
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False


def _business_hours(report: _Report, doc: Document) -> None:
    hours = doc.data.get("business_hours")
    if not hours:
        return
    if not _is_time_zone(hours["time_zone"]) and (zones := _time_zones()):
        report.add(
            doc,
            ("business_hours", "time_zone"),
            "time-zone",
            say(
                "'{time_zone}' is not a time zone: use an IANA name like 'Europe/Rome'.{hint}",
                time_zone=hours["time_zone"],
                hint=did_you_mean(hours["time_zone"], zones),
            ),
        )
    for i, opening in enumerate(hours["open"]):
        if opening["from"] == opening["to"]:
            report.add(
                doc,
                ("business_hours", "open", i, "to"),
                "hours",
                say(
                    'opens and closes at {to}: for a whole day write from: "00:00", to: "24:00".',
                    to=opening["to"],
                ),
            )
    holidays = hours.get("holidays", {})
    if "country" in holidays:
        problem = holiday_problem(holidays["country"], holidays.get("region"))
        if problem:
            report.add(doc, ("business_hours", "holidays", "country"), "holidays", problem)
    elif "region" in holidays:
        report.add(
            doc,
            ("business_hours", "holidays", "region"),
            "holidays",
            say("a region needs its country: add country (an ISO 3166 code such as IT)."),
        )
    for j, date in enumerate(holidays.get("dates", [])):
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            report.add(
                doc,
                ("business_hours", "holidays", "dates", j),
                "holidays",
                say("'{date}' is not a date: write it as YYYY-MM-DD, like 2026-12-24.", date=date),
            )


def _holiday_regions() -> dict[str, list[str]]:
    """Each country code of the holidays package with its regions. Listing them imports every
    country's module (a tenth of a second): kept between runs for the installed version."""
    import importlib.util

    def make() -> dict[str, list[str]]:
        import holidays

        return {
            code: list(regions) for code, regions in holidays.list_supported_countries().items()
        }

    # The package as installed: where it is and when it was written (find_spec imports nothing).
    spec = importlib.util.find_spec("holidays")
    origin = spec.origin if spec and spec.origin else ""
    installed = f"{origin} {os.stat(origin).st_mtime_ns}" if origin else ""
    return dict(cached_json("holidays", f"holidays {installed}", make))


@functools.cache
def holiday_problem(country: str, region: str | None) -> str | None:
    """What is wrong with a country and region for the holidays package, or None."""
    supported = _holiday_regions()
    if country not in supported:
        hint = did_you_mean(country, supported)
        return say(
            "'{country}' is not a country the holidays package knows.{hint}",
            country=country,
            hint=hint,
        )
    if region is not None and region not in supported[country]:
        regions = supported[country]
        return (
            say("'{region}' is not a region of {country}.", region=region, country=country)
            + (
                did_you_mean(region, regions)
                or say(" Regions: {names}.", names=", ".join(regions[:20]))
            )
            if regions
            else say(
                "{country} has no regions in the holidays package: remove region.", country=country
            )
        )
    return None


def _term_entries(documents: list[Document]) -> Iterator[tuple[Document, int, Mapping[str, Any]]]:
    for doc in documents:
        for i, entry in enumerate(doc.data.get("terms", [])):
            yield doc, i, entry


def _terms(report: _Report, documents: list[Document]) -> None:
    entries = list(_term_entries(documents))
    banned: dict[str, tuple[Document, int]] = {}
    for doc, i, entry in entries:
        if entry["status"] == "banned":
            banned.setdefault(canonical(entry["term"], False), (doc, i))
        elif "replacement" in entry:
            report.add(
                doc,
                ("terms", i, "replacement"),
                "term-field",
                say("a preferred term has no replacement: list what it replaces under instead_of."),
                level=Level.WARNING,
            )
        if entry["status"] == "banned" and "instead_of" in entry:
            report.add(
                doc,
                ("terms", i, "instead_of"),
                "term-field",
                say("instead_of is for preferred terms: give a banned term a replacement."),
                level=Level.WARNING,
            )
    try:
        matcher = TermMatcher(list(banned))
    except TermBudgetError as error:
        doc, _ = next(iter(banned.values()))
        report.add(doc, ("terms",), "term-budget", say("the banned terms: {error}", error=error))
        return
    for doc, i, entry in entries:
        if entry["status"] == "preferred" and canonical(entry["term"], False) in banned:
            other, j = banned[canonical(entry["term"], False)]
            line = other.where(("terms", j))[0]
            report.add(
                doc,
                ("terms", i, "term"),
                "term-conflict",
                say(
                    "'{term}' is preferred here and banned at {file}:{line}: keep one of the two.",
                    term=entry["term"],
                    file=other.file,
                    line=line,
                ),
            )
        suggested: str | None = (
            entry.get("replacement") if entry["status"] == "banned" else entry["term"]
        )
        clash = matcher.search(suggested) if suggested else None
        if clash and suggested and entry["status"] == "banned":
            report.add(
                doc,
                ("terms", i, "replacement"),
                "term-conflict",
                say(
                    "the replacement '{suggested}' uses the banned term '{value}': choose "
                    "another replacement.",
                    suggested=suggested,
                    value=suggested[clash.start : clash.end],
                ),
            )


@functools.cache
def _options_check(kind: str) -> SchemaCheck:
    return SchemaCheck(KINDS[kind].options_schema)
