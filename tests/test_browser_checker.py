"""The browser checker (playbook-check.js) against the Python checker and the vectors.

Node runs the conformance vectors (`node --test tests/js/`), then the same real replies go
through both checkers: every finding, field by field, must be identical.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.checking import Checker
from generator.export import export
from generator.site.builder import SHIPPED
from generator.site.bundle import bundle
from generator.site.rendering import check_messages
from generator.text.reading import fold
from generator.validation import validate
from tests.conftest import ITALIAN, ROOT, SAMPLE, TWCS

JS = ROOT / "tests" / "js"
SOURCES = ROOT / "site_templates" / "js"
#: Channel and situation pairs the replies go through, with a wait for the time rules.
COMBINATIONS = (
    ("whatsapp", "complaint", 5400),
    ("x", None, None),
    ("email", "information", 200_000),
    ("live-chat", "refusal", None),
)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the browser checker's tests (tests/run installs it)")
    return node


def _tweets() -> list[str]:
    with TWCS.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


def _variant(text: str, i: int) -> str:
    """The same text as typed differently: capitals, typographic apostrophes, decomposed
    accents, other white space, so that folding, apostrophes and NFC are compared too."""
    changes = (
        lambda t: t.upper(),
        lambda t: t.replace("'", "’"),
        lambda t: t.replace(" ", "\u00a0", 3).replace(" ", "\n", 2) + " perché l’operatore ß Σ 😔",
        lambda t: "ÉTÉ " + t.casefold() + " e\u0301 {name} [NAME]",
        lambda t: " ".join(w + "é" if i % 2 else "ß" + w for i, w in enumerate(t.split(" "))),
    )
    return changes[i % len(changes)](text)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment that points the node scripts at the module the site ships."""
    folder = tmp_path_factory.mktemp("module")
    for name in SHIPPED:
        (folder / name).write_text(bundle(SOURCES / name, SHIPPED), encoding="utf-8")
    return {**os.environ, "PLAYBOOK_CHECK_MODULE": (folder / "playbook-check.js").as_uri()}


@pytest.mark.parametrize("which", ["source", "shipped"])
def test_conformance_vectors_under_node(which: str, shipped: dict[str, str]) -> None:
    env = shipped
    if which == "source":
        env = {k: v for k, v in os.environ.items() if k != "PLAYBOOK_CHECK_MODULE"}
    result = subprocess.run(
        [_node(), "--test", str(JS)], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert "# fail 0" in result.stdout and passed and int(passed.group(1)) >= 38


CONFIDENCES = ("given", "weak", "strong")


def test_same_findings_as_python_on_real_replies(tmp_path: Path, shipped: dict[str, str]) -> None:
    playbook = validate(SAMPLE).playbook
    assert playbook is not None
    rules = export(playbook)
    checker = Checker(rules)
    tweets = _tweets()
    variants = [_variant(t, i) for i, t in enumerate(tweets)]
    texts = tweets + variants
    replies: list[dict[str, Any]] = [
        {
            "text": text,
            "channel": channel,
            "situation": situation,
            "waited": waited,
            "confidence": CONFIDENCES[(i + j) % len(CONFIDENCES)],
        }
        for i, text in enumerate(tweets)
        for j, (channel, situation, waited) in enumerate(COMBINATIONS)
    ] + [
        dict(
            zip(
                ("channel", "situation", "waited"), COMBINATIONS[i % len(COMBINATIONS)], strict=True
            ),
            text=t,
        )
        for i, t in enumerate(variants)
    ]
    messages = [{"channel": "whatsapp", "text": text} for text in texts]
    (tmp_path / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    (tmp_path / "cases.json").write_text(
        json.dumps({"replies": replies, "messages": messages}), encoding="utf-8"
    )
    output = subprocess.run(
        [
            _node(),
            str(JS / "check_cases.mjs"),
            str(tmp_path / "rules.json"),
            str(tmp_path / "cases.json"),
        ],
        capture_output=True,
        text=True,
        env=shipped,
        check=True,
    ).stdout
    browser = json.loads(output)
    expected = [
        [
            f.as_dict()
            for f in checker.check(
                r["text"],
                channel=r["channel"],
                situation=r["situation"],
                waited=r["waited"],
                confidence=r.get("confidence", "given"),
            )
        ]
        for r in replies
    ]
    assert len(replies) == 25_000
    assert sum(map(len, expected)) > 5_000  # the replies do break rules
    different = [
        (r, e, b) for r, e, b in zip(replies, expected, browser["findings"], strict=True) if e != b
    ]
    assert not different, different[:3]
    detected = [checker.explain_situation(m["text"]) for m in messages]
    assert len(detected) == 10_000
    assert {d.situation for d in detected} >= {None, "complaint", "information", "refusal"}
    assert {d.confidence for d in detected} == {None, "weak", "strong"}
    different = [
        (m["text"], e.situation, e.confidence, b, c)
        for m, e, b, c in zip(
            messages, detected, browser["situations"], browser["confidences"], strict=True
        )
        if (e.situation, e.confidence) != (b, c)
    ]
    assert not different, different[:3]


def test_same_situations_as_python_on_italian_messages(
    tmp_path: Path, shipped: dict[str, str]
) -> None:
    """Labelled Italian customer messages through the Italian guidelines: Snowball's Italian
    stemmer, split apostrophes and the valence lexicon instead of VADER."""
    playbook = validate(ITALIAN).playbook
    assert playbook is not None
    rules = export(playbook)
    checker = Checker(rules)
    with (ROOT / "tests" / "data" / "situations" / "it_messages.jsonl").open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    texts += [unicodedata.normalize("NFD", t).replace("'", "’").upper() for t in texts]
    channel = rules["channels"][0]["id"]
    (tmp_path / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    (tmp_path / "cases.json").write_text(
        json.dumps({"replies": [], "messages": [{"channel": channel, "text": t} for t in texts]}),
        encoding="utf-8",
    )
    output = subprocess.run(
        [
            _node(),
            str(JS / "check_cases.mjs"),
            str(tmp_path / "rules.json"),
            str(tmp_path / "cases.json"),
        ],
        capture_output=True,
        text=True,
        env=shipped,
        check=True,
    ).stdout
    detected = [checker.explain_situation(t) for t in texts]
    assert {d.situation for d in detected} >= {None, "complaint", "information", "reminder"}
    assert {d.confidence for d in detected} == {None, "weak", "strong"}
    browser = json.loads(output)
    different = [
        (t, e.situation, e.confidence, b, c)
        for t, e, b, c in zip(
            texts, detected, browser["situations"], browser["confidences"], strict=True
        )
        if (e.situation, e.confidence) != (b, c)
    ]
    assert not different, different[:3]


def test_case_folding_is_pythons(shipped: dict[str, str]) -> None:
    """fold() in the module folds every assigned code point as the Python checker does."""
    script = (
        "import(process.env.PLAYBOOK_CHECK_MODULE).then(m => {"
        "const out = {}; for (let c = 0; c < 0x110000; c++) { if (c >= 0xd800 && c < 0xe000)"
        " continue; const s = String.fromCodePoint(c), f = m.fold(s); if (f !== s)"
        " out[c] = f; } process.stdout.write(JSON.stringify(out)); })"
    )
    output = subprocess.run(
        [_node(), "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=shipped,
        check=True,
    ).stdout
    folded = {int(k): v for k, v in json.loads(output).items()}
    differences = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000
        and unicodedata.category(chr(code)) != "Cn"  # unassigned in this Python's Unicode
        and folded.get(code, chr(code)) != fold(chr(code))
    ]
    assert not differences


#: RE2 patterns that JavaScript reads differently unless translated, each with its case rule.
PATTERNS = [
    (r"\b(call|phone|ring)\s+(us|our\s+\w+)", False),
    (r"\bsend\s+us\s+an\s+e-?mail", False),
    (r"\w+\s\d+", True),
    (r"\bé\w*|\Bo\B", False),
    (r"^\w+|\w+$|\A@|\.\z", False),
    (r"(?m)^\w+|\w+$", True),
    (r"a.c|(?s:a.c)", False),
    (r"[[:alpha:]]{3}[[:digit:][:punct:]]", True),
    (r"[^\S\n]+[[:^alpha:]]", True),
    (r"[\d\W]{2}", False),
    (r"\pL+\pN|\p{Lu}\p{Ll}+|\PL\p{Greek}", True),
    (r"\x{1F600}-\x{1F64F}|[\x{1F300}-\x{1F5FF}]|\x41\101", True),
    (r"\Q(a+b)\E|a{,2}|x{2}|}]", True),
    (r"(?P<who>us|you)\s(?i:PLEASE)", False),
    (r"[]a]|[^]a]b", True),
    (r"thank(s| you)|THX", False),
    (r"ß|straße|Σ|ς", False),
]


def test_patterns_match_where_re2_matches(tmp_path: Path, shipped: dict[str, str]) -> None:
    from generator.text.patterns import compile_linear

    texts = _tweets()[:2000]
    texts += [_variant(t, i) for i, t in enumerate(texts)]
    texts += [
        "a\nc abc AbC x]a b a{,2} ) } ] é è ÉTÉ ς Σ ß STRASSE Straße. Send us an EMAIL",
        "😀 🌀 A\x01 (a+b) us please, X1 !",
    ]
    (tmp_path / "cases.json").write_text(
        json.dumps({"patterns": PATTERNS, "texts": texts}), encoding="utf-8"
    )
    output = subprocess.run(
        [_node(), str(JS / "match_patterns.mjs"), str(tmp_path / "cases.json")],
        capture_output=True,
        text=True,
        env=shipped,
        check=True,
    ).stdout
    browser = json.loads(output)
    for (pattern, case_sensitive), spans in zip(PATTERNS, browser, strict=True):
        regex = compile_linear(pattern, case_sensitive=case_sensitive)
        expected = [[list(m.span()) for m in regex.finditer(text)] for text in texts]
        assert spans == expected, pattern
        assert any(spans), f"{pattern} matches nothing: the comparison proves nothing"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("folder", [SAMPLE, ITALIAN], ids=["sample", "italian"])
def test_same_findings_as_python_on_the_guidelines_own_texts(
    folder: Path, tmp_path: Path, shipped: dict[str, str]
) -> None:
    """Every text of the guidelines (templates, examples, do's and don'ts), as typed and in
    decomposed form, with curly apostrophes and in capitals, on every channel and situation:
    dense in the rules' own words, Italian register markers and apostrophes included."""
    import unicodedata as ud

    playbook = validate(folder).playbook
    assert playbook is not None
    rules = export(playbook)
    checker = Checker(rules)
    texts = sorted(
        {s for f in sorted(folder.rglob("*.yml")) for s in _strings(yaml.safe_load(f.read_text()))}
    )
    texts += [ud.normalize("NFD", t).replace("'", "’") for t in texts] + [t.upper() for t in texts]
    situations = [None, *(s["id"] for s in rules["situations"])]
    replies = [
        {
            "text": t,
            "channel": c["id"],
            "situation": situations[(i + j) % len(situations)],
            "waited": 4000 if i % 3 else None,
        }
        for i, t in enumerate(texts)
        for j, c in enumerate(rules["channels"])
    ]
    (tmp_path / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    (tmp_path / "cases.json").write_text(
        json.dumps(
            {
                "replies": replies,
                "messages": [{"channel": rules["channels"][0]["id"], "text": t} for t in texts],
                "translations": check_messages(playbook.language),
            }
        ),
        encoding="utf-8",
    )
    output = subprocess.run(
        [
            _node(),
            str(JS / "check_cases.mjs"),
            str(tmp_path / "rules.json"),
            str(tmp_path / "cases.json"),
        ],
        capture_output=True,
        text=True,
        env=shipped,
        check=True,
    ).stdout
    browser = json.loads(output)
    expected = [
        [
            f.as_dict()
            for f in checker.check(
                r["text"],
                channel=r["channel"],
                situation=r["situation"],
                waited=r["waited"],
                confidence=r.get("confidence", "given"),
            )
        ]
        for r in replies
    ]
    assert sum(map(len, expected)) > 1_000
    fixes = [f["fix"]["text"] for findings in expected for f in findings if f["fix"]]
    assert any(t[:1].isupper() for t in fixes) and any(t[:1].islower() for t in fixes)
    kinds = {f["kind"] for findings in expected for f in findings}
    assert kinds >= {"banned_term", "preferred_term", "register", "placeholder", "emoji"}
    different = [
        (r, e, b) for r, e, b in zip(replies, expected, browser["findings"], strict=True) if e != b
    ]
    assert not different, different[:3]
    assert browser["situations"] == [checker.detect_situation(t) for t in texts]


@pytest.mark.parametrize("script", ["snowball_to_js", "vader_to_js", "casefold_table"])
def test_vendored_modules_are_made_from_the_installed_packages(script: str) -> None:
    """The stemmers, the VADER lexicons and the case-folding table in site_templates/js/ are
    what their scripts make from this environment's snowballstemmer, vaderSentiment and
    Unicode data: an upgrade that changes them fails here until they are regenerated."""
    import importlib

    module = importlib.import_module(f"tests.js.{script}")
    _node()
    assert module.TARGET.read_text(encoding="utf-8") == module.render()
