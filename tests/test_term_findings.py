"""The findings on real replies stay what they were, field by field, with thousands of terms.

A sample of the company replies of ../shared/data, each in a variant (capitals, typographic
apostrophes, decomposed accents, other white space, several lines) and on one of three
channels, is checked with the sample's rules plus 3,000 term rules of every shape made from
the replies' words and bigrams. The golden file holds, per case, the number of findings and a
digest of them, as the checker gave them before its term matching was rewritten for speed;
`python tests/scripts/same_findings.py` compares all the replies in every variant with another
revision's checker.
"""

from __future__ import annotations

import pytest

from generator.checking import Checker
from generator.export import export
from generator.validation import validate
from tests.conftest import GOLDEN, SAMPLE, TWCS, assert_golden
from tests.term_corpus import company_replies, digests, with_term_rules, words_and_bigrams


@pytest.fixture(scope="module")
def replies() -> list[str]:
    return company_replies(TWCS)


def test_findings_on_real_replies_with_3000_more_terms(replies: list[str]) -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    rules = with_term_rules(export(playbook), words_and_bigrams(replies), 3_000)
    found = digests(Checker(rules), replies[::3])
    assert len(found) == 741
    assert sum(int(line.split()[0]) for line in found) > 5_000  # the terms do hit
    assert_golden(GOLDEN / "check" / "term_findings.txt", "\n".join(found) + "\n")
