"""Situation detection: inflected signals, phrases in order, cues, precedence, the export."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import Checker
from generator.checking.situations import Detector
from generator.cli import main
from generator.export import dumps, export
from generator.text.signals import builtin, detection
from generator.validation import validate
from tests.conftest import ITALIAN, SAMPLE

BUILTIN = tuple(builtin()["precedence"])
LABELS = Path(__file__).parent / "data" / "situations"


def detector(language: str, own: dict[str, list[str]] | None = None, use: bool = True) -> Detector:
    own = own or {}
    return Detector(detection(language, [(s, own.get(s, []), use) for s in BUILTIN]))


@pytest.fixture(scope="module")
def en() -> Detector:
    return detector("en")


@pytest.fixture(scope="module")
def it() -> Detector:
    return detector("it")


@pytest.mark.parametrize(
    "message",
    [
        "4 tweets and no customer service response. Ridiculous",
        "You charged me 7 times",
        "STOP CRASHING",
        "@VirginMedia is honestly trash",
        "my heart is broken.. how do I carry on",
        "My order never arrived and nobody answers. Where is it?",
    ],
)
def test_real_complaints_are_complaints(en: Detector, message: str) -> None:
    assert en.detect(message).situation == "complaint"


@pytest.mark.parametrize(
    "message, situation",
    [
        ("Mi avete addebitato due volte, inaccettabile", "complaint"),
        ("La scatola è arrivata danneggiata", "complaint"),
        ("Voglio parlare con un operatore", "human-request"),
        ("Vi ho già scritto ieri, potete rispondere?", "reminder"),
        ("Mi fate uno sconto se ne prendo due?", "refusal"),
        ("Posso pagare con PayPal?", "information"),
        ("Grazie mille, gentilissimi!", None),
    ],
)
def test_italian_situations(it: Detector, message: str, situation: str | None) -> None:
    assert it.detect(message).situation == situation


def test_signals_match_inflected_forms() -> None:
    only_own = detector("it", {"complaint": ["danneggiato"]}, use=False)
    assert only_own.detect("La confezione è danneggiata").situation == "complaint"
    assert only_own.detect("La confezione è arrivata").situation is None


def test_phrases_match_their_words_in_order_and_together() -> None:
    only_own = detector("en", {"reminder": ["still waiting"]}, use=False)
    assert only_own.detect("I'm still waiting for my parcel").situation == "reminder"
    assert only_own.detect("Waiting, still.").situation is None
    assert only_own.detect("still, after all, waiting").situation is None


def test_mentions_and_links_are_not_words() -> None:
    only_own = detector("en", {"complaint": ["look what"]}, use=False)
    assert only_own.detect("Look what @AmericanAir did to my bag").situation == "complaint"
    only_own = detector("en", {"complaint": ["broken"]}, use=False)
    assert only_own.detect("see https://example.com/broken").situation is None


def test_a_playbook_extends_the_builtin_signals(en: Detector) -> None:
    assert en.detect("My sofa is wobbly").situation is None
    assert detector("en", {"complaint": ["wobbly"]}).detect("My sofa is wobbly").situation == (
        "complaint"
    )


def test_builtin_false_drops_the_lexicon_and_the_cues() -> None:
    only_own = detector("en", {"complaint": ["wobbly"]}, use=False)
    assert only_own.detect("This is the worst service ever!!!").situation is None


def test_precedence_decides_and_the_explanation_says_why(en: Detector) -> None:
    message = "Why is my parcel still not here? It's unacceptable"
    found = en.detect(message)
    assert found.situation == "complaint"
    assert "information" in found.candidates
    lines = found.explain(message)
    assert (
        "signal 'unacceptable' matched 'unacceptable'"
        in lines[1 + found.candidates.index("complaint")]
    )
    assert lines[-2].startswith("complaint wins over information: precedence human-request >")


def test_cues_beyond_words(en: Detector) -> None:
    shouting = en.detect("MY PARCEL NEVER CAME")
    assert {e.name for e in shouting.evidence if e.kind == "cue"} >= {"shouting"}
    praise = en.detect("THANK YOU!!! @ASKPAYPAL YOU ARE A REAL MVP!!!")
    assert praise.situation is None and praise.sentiment > 0.5
    assert en.detect("Best part of my Halloween? Free drinks!").situation is None


def test_a_conversation_takes_the_strongest_situation(en: Detector) -> None:
    found = en.detect_conversation(
        ["Can I change my delivery address?", "Hello?? I've called you twice"]
    )
    assert found.situation == "reminder"
    assert en.detect_conversation([]).situation is None


def test_the_export_carries_everything_detection_needs() -> None:
    playbook = validate(SAMPLE).playbook
    document = json.loads(dumps(export(playbook)))
    assert document["format_version"] == "2.2.0"
    assert document["detection"]["precedence"][:3] == ["human-request", "reminder", "complaint"]
    from_file = Checker(document)
    from_playbook = Checker.from_playbook(playbook)
    for message in ["My lamp arrived broken!!", "Where is the Milan shop?", "human please"]:
        assert from_file.detect_situation(message) == from_playbook.detect_situation(message)


def test_files_of_format_2_0_still_detect() -> None:
    document = export(validate(SAMPLE).playbook)
    del document["detection"]
    assert Checker(document).detect_situation("This is unacceptable") == "complaint"


def test_check_explain_prints_the_evidence() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--channel",
            "x",
            "--guidelines",
            str(SAMPLE),
            "--explain",
            "--in-reply-to",
            "Where is my order? Still nothing, ridiculous",
            "-",
        ],
        input="Sorry, Anna: it ships today.",
    )
    assert result.exit_code == 0, result.output
    assert "situation: complaint: signal 'ridiculous' matched 'ridiculous'" in result.stderr
    assert "complaint wins over information" in result.stderr
    usage = CliRunner().invoke(main, ["check", "--channel", "x", "--explain", "-"], input="Hi")
    assert usage.exit_code == 2


def test_the_italian_fixture_detects_in_italian() -> None:
    checker = Checker.from_playbook(validate(ITALIAN).playbook)
    assert checker.detect_situation("Il pacco è arrivato danneggiato, vergogna") == "complaint"


def _dev_scores(language: str, name: str) -> dict[str, tuple[float, float]]:
    found = detector(language)
    rows = [json.loads(line) for line in (LABELS / name).read_text(encoding="utf-8").splitlines()]
    right, guessed, labelled, recalled = Counter(), Counter(), Counter(), Counter()
    for row in (r for r in rows if r["split"] == "dev"):
        guess = found.detect(row["text"]).situation or "other"
        guessed[guess] += 1
        labelled[row["label"]] += 1
        right[guess] += guess == row["label"] or guess in row["also"]
        recalled[guess] += guess == row["label"]
    return {
        s: (right[s] / max(guessed[s], 1), recalled[s] / max(labelled[s], 1))
        for s in ("complaint", "information")
    }


@pytest.mark.parametrize(
    "language, name, floors",
    [
        ("en", "en_first_messages.jsonl", {"complaint": (0.88, 0.88), "information": (0.78, 0.65)}),
        ("it", "it_messages.jsonl", {"complaint": (0.9, 0.93), "information": (0.9, 0.9)}),
    ],
)
def test_the_labelled_dev_set_stays_above_its_floor(
    language: str, name: str, floors: dict[str, tuple[float, float]]
) -> None:
    """Floors a little under the figures reached: a change that loses them fails here."""
    scores = _dev_scores(language, name)
    for situation, (precision, recall) in floors.items():
        assert scores[situation][0] >= precision, (situation, scores[situation])
        assert scores[situation][1] >= recall, (situation, scores[situation])


def test_politeness_is_not_praise_but_thanks_is(en: Detector) -> None:
    # "please help" scores as positive as praise; only a praise word sets the lone signal aside
    polite = "I'm getting an error when I play episodes. Can you help, please?"
    assert en.detect(polite).situation == "complaint"
    thanks = "Thanks so much, that issue is gone, great job!"
    found = en.detect(thanks)
    assert found.situation is None
    assert "cue praise: 'thanks'" in " ".join(found.explain(thanks))


def test_neutral_phrases_are_no_signal_and_no_negation(en: Detector) -> None:
    assert en.detect("We can't wait! See you on Friday").situation is None
    assert en.detect("No problem, see you on Friday").situation is None
    assert en.detect("I can't log in since Friday").situation == "complaint"
    assert "neutral phrase 'can't wait'" in " ".join(en.detect("We can't wait").explain(""))


def test_a_negation_in_a_question_asks(en: Detector) -> None:
    assert en.detect("Are you no longer flying direct to Cancun?").situation == "information"
    assert en.detect("Didn't you hear? Our pies ship at home now").situation == "information"
    # the negation is told in a sentence of its own
    assert en.detect("That is not my house. Where is the parcel?").situation == "complaint"


def test_letters_without_case_are_not_capitals(en: Detector) -> None:
    assert en.detect("ご丁寧にありがとうございます！ 全く問題ないです！").situation is None
    assert en.detect("WHY IS THE APP DOWN AGAIN").situation == "complaint"


def test_a_reply_in_the_middle_is_checked_in_the_situation_of_what_it_answers() -> None:
    from generator.audit.conversation import ChannelRules, audit_conversation
    from generator.kinds import Message

    checker = Checker.from_playbook(validate(SAMPLE).playbook)
    rules = ChannelRules.of(checker, "x", 86400)

    def emoji_findings(customer_again: str) -> list[int]:
        turns = [
            ("customer", "My lamp arrived broken, terrible service"),
            ("agent", "We're so sorry, Anna: a new lamp ships today."),
            ("customer", customer_again),
            ("agent", "Glad to hear it 😊"),
        ]
        messages = [Message(role, text, 60.0 * i) for i, (role, text) in enumerate(turns)]
        audit = audit_conversation("c", messages, rules, situation=None, end=600.0)
        assert audit.situation == "complaint"
        return [f.index for f in audit.findings if f.rule == "no-emoji-when-wrong"]

    assert emoji_findings("Thanks, it arrived and works, great job!") == []
    assert emoji_findings("The new one arrived broken too!!!") == [3]


def test_a_word_written_with_an_equals_sign_matches_only_as_written() -> None:
    found = detector("en", {"complaint": ["=missing"]}, use=False)
    assert found.detect("My parcel is missing").situation == "complaint"
    assert found.detect("Don't miss our sale").situation is None
    assert detector("en", {"complaint": ["missing"]}, use=False).detect("I miss it").situation
