"""The registry: every rule kind is complete, and its examples pass and fail as declared."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from generator.kinds import KINDS, Context, Environment, Example, RuleKind, Thread
from generator.kinds._waits import waits
from generator.schemas.guidelines import channel_schema, playbook_schema

EXAMPLES = [
    pytest.param(kind, example, id=f"{name}-{'pass' if example.passes else 'fail'}-{i}")
    for name, kind in KINDS.items()
    for i, example in enumerate(kind.examples)
]


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_kind_is_documented_with_examples_that_pass_and_fail(kind: RuleKind) -> None:
    assert kind.summary and kind.rationale
    assert any(e.passes for e in kind.examples) and any(not e.passes for e in kind.examples)
    Draft202012Validator.check_schema(kind.options_schema)
    Draft202012Validator.check_schema(kind.exported_schema)


@pytest.mark.parametrize(("kind", "example"), EXAMPLES)
def test_registry_example(kind: RuleKind, example: Example) -> None:
    assert not list(Draft202012Validator(kind.options_schema).iter_errors(example.options))
    normalised = kind.normalise(example.options, Environment("en", example.targets))
    assert not list(Draft202012Validator(kind.exported_schema).iter_errors(normalised))
    matcher = kind.compile(normalised)
    if kind.scope == "reply":
        hits = list(matcher(example.text, Context(example.situation, example.waited)))
    elif kind.scope == "conversation":
        (messages,) = example.conversations
        end = messages[-1].time + 86400
        thread = Thread(example.situation, example.public, waits(messages, _calendar, end), end)
        hits = list(matcher(messages, thread))
    else:
        replies = [
            (c, m, message.text)
            for c, conversation in enumerate(example.conversations)
            for m, message in enumerate(conversation)
            if message.role == "agent"
        ]
        hits = list(matcher(replies))
    assert (not hits) == example.passes, hits


def _calendar(start: float, end: float) -> int:
    return int(end - start)


@pytest.mark.parametrize("name", list(KINDS))
def test_both_schemas_check_each_kind_s_options(name: str) -> None:
    options = KINDS[name].examples[0].options
    rule = {"id": "r", "kind": name, "severity": "error", "message": "M.", "options": options}
    wrong = {**rule, "options": {**options, "no_such_option": 1}}
    for schema in (playbook_schema(), channel_schema()):
        rules = Draft202012Validator(schema["properties"]["rules"])
        assert list(rules.iter_errors([rule])) == []
        [error] = rules.iter_errors([wrong])
        assert (list(error.absolute_path), error.validator) == (
            [0, "options"],
            "additionalProperties",
        )
