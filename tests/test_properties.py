"""Property tests: no input, however odd, makes the loader, validator or checker crash."""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
from pathlib import Path

import jsonschema_rs
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator.checking import Checker
from generator.schemas.guidelines import channel_schema, playbook_schema
from generator.text.matching import TermGroup, TermIndex, TermMatcher, canonical
from generator.validation import validate
from generator.validation.loading import load_bytes
from tests.conftest import MINIMAL

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
PLAYBOOK_KEYS = sorted(playbook_schema()["properties"])
CHANNEL_KEYS = sorted(channel_schema()["properties"])
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(st.binary(max_size=400))
def test_any_bytes_load_or_give_diagnostics(raw: bytes) -> None:
    document, problems = load_bytes(raw, "f.yml")
    assert (document is None) == bool(problems)
    assert all(p.line >= 1 and p.column >= 1 for p in problems)


@given(WORDS)
def test_any_text_loads_or_gives_diagnostics(text: str) -> None:
    document, problems = load_bytes(text.encode("utf-8"), "f.yml")
    assert (document is None) == bool(problems)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([("channels/chat.yml", CHANNEL_KEYS), ("playbook.yml", PLAYBOOK_KEYS)]).flatmap(
        lambda f: st.tuples(
            st.just(f[0]), st.dictionaries(st.sampled_from(f[1]), JSONISH, max_size=8)
        )
    )
)
def test_any_yaml_validates_to_diagnostics(case: tuple[str, dict]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "guidelines"
        shutil.copytree(MINIMAL, root)
        (root / name).write_text(yaml.safe_dump(data), encoding="utf-8")
        result = validate(root)
    assert (result.playbook is None) == bool(result.errors)


@st.composite
def term_in_text(draw: st.DrawFn) -> tuple[str, str, str]:
    term = draw(
        st.text(alphabet="abcdeèéàòù'’ ", min_size=1, max_size=12).filter(
            lambda t: (
                t.strip(" '’")
                and t == t.strip()
                and "  " not in t
                and t[0].isalpha()
                and t[-1].isalpha()
            )
        )
    )
    before = draw(st.text(max_size=15))
    after = draw(st.text(max_size=15))
    return term, before, after


@given(term_in_text())
def test_a_term_is_found_between_non_word_characters(case: tuple[str, str, str]) -> None:
    term, before, after = case
    text = f"{before} {term.upper()}. {after}"
    assert TermMatcher([term]).search(text) is not None


@given(st.text(alphabet="abcxyz", min_size=1, max_size=6), st.text(alphabet="abc", max_size=4))
def test_a_term_is_never_found_inside_a_longer_word(term: str, suffix: str) -> None:
    word = term + "q" + suffix
    assert TermMatcher([term]).search(f"say {word} now") is None


_CHECKER: list[Checker] = []


def _checker() -> Checker:
    if not _CHECKER:
        _CHECKER.append(Checker.from_playbook(validate(MINIMAL).playbook))
    return _CHECKER[0]


@given(st.text(max_size=300), st.sampled_from([None, "information", "complaint"]))
def test_any_reply_gives_findings_at_the_text_as_typed(text: str, situation: str | None) -> None:
    lines = text.split("\n")
    for finding in _checker().check(text, channel="chat", situation=situation):
        assert finding.match == text[finding.offset : finding.offset + len(finding.match)]
        before = text[: finding.offset].split("\n")
        assert (finding.line, finding.column) == (len(before), len(before[-1]) + 1)
        assert 1 <= finding.line <= len(lines)


SPELLINGS = st.sampled_from(["NFC", "NFD"])
SPACES = st.text(alphabet=" \t\n\u00a0\u2003", min_size=1, max_size=3)


@given(
    term_in_text(),
    SPELLINGS,
    SPACES,
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=10),
)
def test_a_term_is_found_however_typed_at_what_was_typed(
    case: tuple[str, str, str], form: str, space: str, noise: str
) -> None:
    term, before, after = case
    typed = unicodedata.normalize(form, term.upper()).replace(" ", space).replace("'", "’")
    text = unicodedata.normalize(form, f"{before}{noise} ") + typed + f". {after}"
    start = len(text) - len(f". {after}") - len(typed)
    matches = [(m.start, m.end) for m in TermMatcher([term]).finditer(text)]
    assert (start, start + len(typed)) in matches
    for begin, end in matches:
        assert canonical(text[begin:end], False) == canonical(term, False)


GROUP_TERMS = st.lists(
    st.sampled_from(["ab", "ab cd", "cd", "b", "abc", "cd ab", "Ab"]), min_size=1
)


@given(
    st.lists(
        st.tuples(GROUP_TERMS, st.booleans(), st.lists(st.sampled_from(["ab cd", "x ab"]))),
        min_size=1,
        max_size=5,
    ),
    st.text(alphabet="abcdx AB.", max_size=40),
)
def test_one_pass_over_many_groups_finds_what_each_finds_alone(
    groups: list[tuple[list[str], bool, list[str]]], text: str
) -> None:
    index = TermIndex([TermGroup(tuple(t), case, tuple(e)) for t, case, e in groups])
    alone = [
        list(TermMatcher(t, case_sensitive=case, exceptions=e).finditer(text))
        for t, case, e in groups
    ]
    found = index.find(text)
    assert [found.get(number, []) for number in range(len(groups))] == alone
    assert all(found.values())  # a group found nowhere is left out


@given(st.text(alphabet=st.sampled_from("\u202e\u200f\u0000\u0007\r\nא ب😀e\u0301"), max_size=80))
def test_control_and_right_to_left_characters(text: str) -> None:
    _checker().check(text, channel="chat", situation="complaint")
    _checker().detect_situation(text)


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: object, path: tuple, new: object) -> object:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)  # type: ignore[arg-type]
    copy[path[0]] = _replace(copy[path[0]], path[1:], new)  # type: ignore[index]
    return copy


_ORIGINALS = {
    name: yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))
    for name in ("playbook.yml", "channels/chat.yml")
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_ORIGINALS)), st.data())
def test_one_mutation_of_a_valid_playbook_gives_diagnostics(name: str, data: st.DataObject) -> None:
    original = _ORIGINALS[name]
    path = data.draw(st.sampled_from(_paths(original)[1:]))
    mutated = _replace(original, path, data.draw(JSONISH))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "guidelines"
        shutil.copytree(MINIMAL, root)
        (root / name).write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
        result = validate(root)
    assert (result.playbook is None) == bool(result.errors)


def _get(value: object, path: tuple) -> object:
    for step in path:
        value = value[step]  # type: ignore[index]
    return value


def _like(value: object) -> st.SearchStrategy:
    """Values of the same type as `value`, often near it, so that many mutations stay valid."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-5, max_value=10**6) | st.integers()
    if isinstance(value, str):
        near = [f"{value}\n", f" {value}", value.upper(), value[:-1], f"{value}-x", ""]
        return st.sampled_from(near) | st.text(max_size=20)
    if isinstance(value, list):
        return st.lists(st.text(max_size=12), max_size=3)
    return st.just(value)


_SCHEMAS = {"playbook.yml": playbook_schema(), "channels/chat.yml": channel_schema()}


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(_ORIGINALS)), st.data())
def test_the_fast_schema_check_never_accepts_what_jsonschema_rejects(
    name: str, data: st.DataObject
) -> None:
    # Validation trusts jsonschema_rs's "valid" and asks jsonschema only about the rest.
    original = _ORIGINALS[name]
    path = data.draw(st.sampled_from(_paths(original)[1:]))
    mutated = _replace(original, path, data.draw(_like(_get(original, path)) | JSONISH))
    if jsonschema_rs.Draft202012Validator(_SCHEMAS[name]).is_valid(mutated):
        assert Draft202012Validator(_SCHEMAS[name]).is_valid(mutated)
