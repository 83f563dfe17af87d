"""Checks that a playbook agrees with itself: each rule's examples and every template."""

from __future__ import annotations

from pathlib import Path

from generator.checking import Checker, Finding, TermBudgetError
from generator.export import environment
from generator.kinds import KINDS, Context, Environment
from generator.model import Playbook
from generator.model.diagnostics import Diagnostic, Level
from generator.wording import say

_LEVELS = {"error": Level.ERROR, "warning": Level.WARNING}


def check_consistency(playbook: Playbook) -> list[Diagnostic]:
    try:
        checker = Checker.from_playbook(playbook)
    except TermBudgetError as error:
        # Channel files sit in channels/ beside playbook.yml, where the situations are.
        file = playbook.channel(error.channel or playbook.channels[0].id).file
        if error.channel is None:
            file = str(Path(file).parent.parent / "playbook.yml")
        return [Diagnostic(file, 1, 1, Level.ERROR, "meaning/term-budget", f"{error}", "")]
    return (
        _rule_examples(playbook) + _templates(playbook, checker) + _good_examples(playbook, checker)
    )


def _rule_examples(playbook: Playbook) -> list[Diagnostic]:
    found = []
    for rule in playbook.rules:
        owner = playbook.channel(rule.defined_in) if rule.defined_in else None
        env = environment(playbook, owner) if owner else Environment(language=playbook.language)
        kind = KINDS[rule.kind]
        if kind.scope != "reply":
            continue  # their examples are conversations, proved by the registry's tests
        matcher = kind.compile(kind.normalise(dict(rule.options), env))
        context = Context(situation=rule.situations[0] if rule.situations else None)
        for verdict, texts in (("pass", rule.passing), ("fail", rule.failing)):
            for i, text in enumerate(texts):
                hits = list(matcher(text, context))
                if bool(hits) == (verdict == "fail"):
                    continue
                line, column = rule.example_positions.get(f"{verdict}/{i}", (rule.line, 1))
                why = (
                    say("'{match}' breaks it", match=text[hits[0].start : hits[0].end])
                    if hits and hits[0].end
                    else say("the rule finds nothing in it")
                )
                found.append(
                    Diagnostic(
                        rule.file,
                        line,
                        column,
                        Level.ERROR,
                        "meaning/rule-example",
                        say(
                            "this example of rule '{id}' should {verdict} but does not "
                            "({why}): fix the example or the rule's options.",
                            id=rule.id,
                            verdict=say(verdict),
                            why=why,
                        ),
                        f"/{rule.id}/examples/{verdict}/{i}",
                    )
                )
    return found


def _templates(playbook: Playbook, checker: Checker) -> list[Diagnostic]:
    template_kinds = [name for name, kind in KINDS.items() if kind.applies_to_templates]
    found = []
    for channel in playbook.channels:
        for template in channel.templates:
            for finding in checker.check(
                template.text,
                channel=channel.id,
                situation=template.situation,
                kinds=template_kinds,
            ):
                rule = playbook.rule(finding.rule)
                found += _diagnostic(
                    channel.file,
                    template.position,
                    "meaning/template",
                    f"/templates/{template.id}",
                    say(
                        "template '{id}' breaks rule '{rule}' (rule at {file}:{line})",
                        id=template.id,
                        rule=finding.rule,
                        file=rule.file,
                        line=rule.line,
                    ),
                    finding,
                    say(" Found: '{match}'.", match=finding.match) if finding.match else "",
                )
    return found


def _good_examples(playbook: Playbook, checker: Checker) -> list[Diagnostic]:
    """What agents read as a good example follows the rules of its channel and situation."""
    found = []
    for channel in playbook.channels:
        for example in channel.examples:
            if example.verdict != "good":
                continue
            for turn, position in zip(example.exchange, example.positions, strict=True):
                if turn.speaker != "agent":
                    continue
                for finding in checker.check(
                    turn.text, channel=channel.id, situation=example.situation
                ):
                    found += _diagnostic(
                        channel.file,
                        position,
                        "meaning/good-example",
                        "/examples",
                        say(
                            "the good example '{title}' breaks rule '{rule}'",
                            title=example.title,
                            rule=finding.rule,
                        ),
                        finding,
                        say(" Fix the reply or mark the example bad."),
                    )
    return found


def _diagnostic(
    file: str,
    position: tuple[int, int],
    code: str,
    pointer: str,
    what: str,
    finding: Finding,
    hint: str,
) -> list[Diagnostic]:
    """A finding in the playbook's own text as a diagnostic; suggestions are not reported."""
    level = _LEVELS.get(finding.severity)
    if level is None:
        return []
    why = finding.message.rstrip(".") + (
        say("; {suggestion}.", suggestion=finding.suggestion) if finding.suggestion else "."
    )
    return [Diagnostic(file, *position, level, code, f"{what}: {why}{hint}", pointer)]
