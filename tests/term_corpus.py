"""Real replies and many term rules of every shape, for comparing the findings of two checkers.

The rules are the sample's plus rules made from the words and bigrams of the real company
replies of ../shared/data (so that they hit) and made-up words (so that some miss): banned
terms alone and in groups, case-sensitive ones, ones with exceptions, preferred terms. The
texts are the replies as typed and as typed differently (capitals, typographic apostrophes,
decomposed accents, other white space, several lines), so that folding, NFC and positions are
compared too. `digests` sums up a checker's findings, reply by reply.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.checking import Checker

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
#: Channel and situation pairs each text is checked in.
COMBINATIONS = (("whatsapp", "complaint"), ("x", None), ("email", "information"))


def company_replies(data: Path) -> list[str]:
    with data.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle) if row["inbound"] == "False"]


def words_and_bigrams(texts: list[str]) -> list[str]:
    """The words and bigrams seen at least twice in the texts, lower-cased, sorted."""
    counts: Counter[str] = Counter()
    for text in texts:
        tokens = [t.lower() for t in _WORD.findall(text)]
        counts.update(tokens)
        counts.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    return sorted(w for w, n in counts.items() if n >= 2 and len(w) >= 2)


def variant(text: str, i: int) -> str:
    """The same text as typed differently."""
    changes = (
        lambda t: t,
        lambda t: t.upper(),
        lambda t: t.replace("'", "’").replace(" ", "  ", 2),
        lambda t: t.replace(" ", "\u00a0", 3).replace(" ", "\n", 2) + " perché l’operatore ß",
        lambda t: "ÉTÉ " + t.casefold().replace("e", "e\u0301", 2) + "\n\n e\u0301 {name}",
        lambda t: " ".join(w + "é" if i % 2 else "ß" + w for i, w in enumerate(t.split(" "))),
    )
    return changes[i % _VARIANTS](text)


_VARIANTS = 6


def _rule(key: str, kind: str, options: dict[str, Any], message: str) -> dict[str, Any]:
    return {
        "id": key,
        "kind": kind,
        "severity": ("error", "warning", "suggestion")[len(key) % 3],
        "message": message,
        "situations": ["complaint"] if key.endswith("7") else [],
        "options": options,
        "link": f"rules/#{key}",
    }


def with_term_rules(document: dict[str, Any], vocabulary: list[str], count: int) -> dict[str, Any]:
    """The export with `count` more term rules, of varied shapes, on every channel."""
    rng = random.Random(11)
    hits = rng.sample(vocabulary, min(len(vocabulary), count))
    misses = ["".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(6)) for _ in range(99)]
    pool = hits + misses
    rules = dict(document["rules"])
    keys = []
    for number, term in enumerate(pool[:count]):
        key = f"extra-{number}"
        shape = number % 6
        terms = [term, *rng.sample(pool, 2)] if shape == 1 else [term]
        exceptions = [f"{term} {rng.choice(pool).split(' ')[0]}", f"the {term}"]
        if shape == 4:
            options = {
                "term": rng.choice(pool),
                "instead_of": terms,
                "case_sensitive": False,
                "exceptions": exceptions if number % 4 else [],
            }
            rules[key] = _rule(key, "preferred_term", options, "Say it as the company does.")
        else:
            options = {
                "terms": [t.capitalize() for t in terms] if shape == 2 else terms,
                "replacement": None if shape == 3 else rng.choice(pool),
                "case_sensitive": shape == 2,
                "exceptions": exceptions if shape == 5 else [],
            }
            message = "Do not write '{match}'." if number % 2 else "A banned term."
            rules[key] = _rule(key, "banned_term", options, message)
        keys.append(key)
    channels = [{**c, "rules": [*c["rules"], *keys]} for c in document["channels"]]
    return {**document, "rules": rules, "channels": channels}


def cases(texts: list[str], every: bool = False) -> Iterator[tuple[str, str, str | None]]:
    """Each text in one of its variants and combinations, or (`every`) in all of them."""
    for i, text in enumerate(texts):
        if every:
            for v in range(_VARIANTS):
                for channel, situation in COMBINATIONS:
                    yield variant(text, v), channel, situation
        else:
            channel, situation = COMBINATIONS[i % len(COMBINATIONS)]
            yield variant(text, i), channel, situation


def digests(checker: Checker, texts: list[str], every: bool = False) -> list[str]:
    """Per case, the number of findings and a digest of them all, field by field."""
    out = []
    for text, channel, situation in cases(texts, every):
        found = [f.as_dict() for f in checker.check(text, channel=channel, situation=situation)]
        digest = hashlib.sha256(json.dumps(found, sort_keys=True).encode()).hexdigest()[:16]
        out.append(f"{len(found)} {digest}")
    return out
