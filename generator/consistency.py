"""Checks that a playbook agrees with itself: each rule's examples and every template."""

from __future__ import annotations

from .checking import Checker
from .diagnostics import Diagnostic, Level
from .export import environment
from .kinds import KINDS, Context, Environment
from .model import Playbook, Rule

_LEVELS = {"error": Level.ERROR, "warning": Level.WARNING}


def check_consistency(playbook: Playbook) -> list[Diagnostic]:
    return _rule_examples(playbook) + _templates(playbook) + _good_examples(playbook)


def _rule_examples(playbook: Playbook) -> list[Diagnostic]:
    found = []
    channels = {c.id: c for c in playbook.channels}
    for rule in playbook.rules:
        owner = channels.get(rule.defined_in or "")
        env = environment(playbook, owner) if owner else Environment(language=playbook.language)
        kind = KINDS[rule.kind]
        matcher = kind.compile(kind.normalise(dict(rule.options), env))
        context = Context(situation=rule.situations[0] if rule.situations else None)
        for verdict, texts in (("pass", rule.passing), ("fail", rule.failing)):
            for i, text in enumerate(texts):
                hits = list(matcher(text, context))
                if bool(hits) == (verdict == "fail"):
                    continue
                line, column = rule.example_positions.get(f"{verdict}/{i}", (rule.line, 1))
                why = (
                    f"'{text[hits[0].start : hits[0].end]}' breaks it"
                    if hits and hits[0].end
                    else "the rule finds nothing in it"
                )
                found.append(
                    Diagnostic(
                        rule.file,
                        line,
                        column,
                        Level.ERROR,
                        "meaning/rule-example",
                        f"this example of rule '{rule.id}' should {verdict} but does not ({why}): "
                        "fix the example or the rule's options.",
                        f"/{rule.id}/examples/{verdict}/{i}",
                    )
                )
    return found


def _templates(playbook: Playbook) -> list[Diagnostic]:
    checker = Checker.from_playbook(playbook)
    template_kinds = [name for name, kind in KINDS.items() if kind.applies_to_templates]
    by_id: dict[str, Rule] = {r.id: r for r in playbook.rules}
    found = []
    for channel in playbook.channels:
        for template in channel.templates:
            findings = checker.check(
                template.text,
                channel=channel.id,
                situation=template.situation,
                kinds=template_kinds,
            )
            for finding in findings:
                level = _LEVELS.get(finding.severity)
                if level is None:
                    continue
                line, column = template.position
                rule = by_id.get(finding.rule)
                where = f" (rule at {rule.file}:{rule.line})" if rule else ""
                found.append(
                    Diagnostic(
                        channel.file,
                        line,
                        column,
                        level,
                        "meaning/template",
                        f"template '{template.id}' breaks rule '{finding.rule}'{where}: "
                        + finding.message.rstrip(".")
                        + (f"; {finding.suggestion}." if finding.suggestion else ".")
                        + (f" Found: '{finding.match}'." if finding.match else ""),
                        f"/templates/{template.id}",
                    )
                )
    return found


def _good_examples(playbook: Playbook) -> list[Diagnostic]:
    """What agents read as a good example follows the rules of its channel and situation."""
    checker = Checker.from_playbook(playbook)
    found = []
    for channel in playbook.channels:
        for example in channel.examples:
            if example.verdict != "good":
                continue
            for turn, (line, column) in zip(example.exchange, example.positions, strict=True):
                if turn.speaker != "agent":
                    continue
                for finding in checker.check(
                    turn.text, channel=channel.id, situation=example.situation
                ):
                    level = _LEVELS.get(finding.severity)
                    if level is None:
                        continue
                    found.append(
                        Diagnostic(
                            channel.file,
                            line,
                            column,
                            level,
                            "meaning/good-example",
                            f"the good example '{example.title}' breaks rule '{finding.rule}': "
                            + finding.message.rstrip(".")
                            + (f"; {finding.suggestion}." if finding.suggestion else ".")
                            + " Fix the reply or mark the example bad.",
                            "/examples",
                        )
                    )
    return found
