"""Agent replies that are the same, or nearly, across many conversations: copy-paste.

The same reply to many customers reads as robotic: customers end up asking "are you a bot?"
or "I want a human operator", then escalate on phone and email. On real Twitter support
data about 15% of company replies are near-verbatim repeats of another reply. Names after a
greeting, numbers, links, handles, email addresses and signatures are masked first; replies
whose masked texts share most of their words (MinHash, from the datasketch package) count as
the same.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from typing import Any

from generator.kinds import Environment, LogMatcher, MessageHit
from generator.wording import say

SCOPE = "log"

OPTIONS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_conversations": {
            "type": "integer",
            "minimum": 2,
            "default": 3,
            "description": "Report a reply sent in at least this many conversations.",
        },
        "similarity": {
            "type": "number",
            "minimum": 0.5,
            "maximum": 1,
            "default": 0.8,
            "description": "Share of words two masked replies have in common to be the same "
            "(Jaccard similarity of their words and word pairs); 1 means identical.",
        },
    },
}

EXPORTED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["min_conversations", "similarity"],
    "properties": {
        "min_conversations": {"type": "integer", "minimum": 2},
        "similarity": {"type": "number", "minimum": 0.5, "maximum": 1},
    },
}

_SORRY = "Sorry to hear that, {}! Please DM us your order number and we'll look into it."
EXAMPLES = [
    {
        "options": {"min_conversations": 3},
        "pass": [
            [
                [("customer", "09:00", "Late parcel"), ("agent", "09:05", _SORRY.format("Anna"))],
                [("customer", "09:00", "Late parcel"), ("agent", "09:05", _SORRY.format("Marco"))],
                [("customer", "09:00", "Broken lamp"), ("agent", "09:05", "Oh no, which one?")],
            ],
        ],
        "fail": [
            [
                [("customer", "09:00", "Late parcel"), ("agent", "09:05", _SORRY.format("Anna"))],
                [("customer", "09:00", "Late parcel"), ("agent", "09:05", _SORRY.format("Marco"))],
                [
                    ("customer", "09:00", "Late!"),
                    ("agent", "09:05", _SORRY.format("Sara") + " ^JK"),
                ],
            ],
        ],
    },
]

_MASKS = [
    (re.compile(r"https?://\S+|www\.\S+"), "<link>"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "<email>"),
    (re.compile(r"@\w+"), "<handle>"),
    (re.compile(r"\b\w*\d[\w-]*"), "<n>"),
    (
        re.compile(
            r"\b((?i:hi|hello|hey|dear|thanks|thank you|sorry|ciao|gentile|grazie))[ ,]+"
            r"(?:(?i:mr|mrs|ms)\.? )?[A-ZÀ-Ý][\w'’-]*"
        ),
        r"\1 <name>",
    ),
    (re.compile(r", [A-ZÀ-Ý][\w'’-]*(?=[!.,?])"), ", <name>"),
    (re.compile(r"(?:^|\s)[\^*~/-] ?[A-Z]{1,3}\s*$"), " <sign>"),
]
_PERMUTATIONS = 64
_WORD = re.compile(r"[\w<>']+")


@functools.lru_cache(maxsize=1 << 16)  # copy-and-paste replies repeat word for word
def mask(text: str) -> str:
    """A reply with what differs between customers masked, in lower case, spaces collapsed."""
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return " ".join(text.casefold().split())


def normalise(options: dict[str, Any], environment: Environment) -> dict[str, Any]:
    return {
        "min_conversations": options.get("min_conversations", 3),
        "similarity": options.get("similarity", 0.8),
    }


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text)
    return {w.encode() for w in words} | {
        f"{a} {b}".encode() for a, b in zip(words, words[1:], strict=False)
    }


def _clusters(texts: list[str], similarity: float) -> list[int]:
    """For each text, the index of the first text of its group of near-duplicates."""
    parent = list(range(len(texts)))
    if similarity >= 1 or len(texts) < 2:
        return parent
    import numpy
    from datasketch import MinHash, MinHashLSH

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lsh = MinHashLSH(threshold=similarity, num_perm=_PERMUTATIONS)
    # One MinHash, cleared for each reply, its values kept in one compact table: a MinHash
    # object per distinct reply would take more memory than the log. CRC-32 is a fine hash
    # for shingles and, unlike datasketch's default SHA-1, cheap enough for every distinct
    # reply of a million-message log; the same on every run.
    minhash = MinHash(num_perm=_PERMUTATIONS, hashfunc=zlib.crc32)
    table = numpy.empty((len(texts), _PERMUTATIONS), dtype=numpy.uint32)
    for i, text in enumerate(texts):
        minhash.clear()
        minhash.update_batch(sorted(_shingles(text)) or [b""])
        table[i] = minhash.hashvalues
        for j in lsh.query(minhash):
            if numpy.count_nonzero(table[i] == table[j]) >= similarity * _PERMUTATIONS:
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
        lsh.insert(i, minhash)
    return [root(i) for i in range(len(texts))]


def compile(options: dict[str, Any]) -> LogMatcher:
    least, similarity = options["min_conversations"], options["similarity"]

    def check(replies: Iterable[tuple[int, int, str]]) -> list[MessageHit]:
        index: dict[str, int] = {}
        sent: list[list[tuple[int, int]]] = []
        for conversation, message, text in replies:
            masked = mask(text)
            if masked not in index:
                index[masked] = len(sent)
                sent.append([])
            sent[index[masked]].append((conversation, message))
        texts = list(index)
        groups: dict[int, list[int]] = {}
        for i, group in enumerate(_clusters(texts, similarity)):
            groups.setdefault(group, []).append(i)
        hits = []
        for group, members in groups.items():
            places = [place for i in members for place in sent[i]]
            conversations = len({conversation for conversation, _ in places})
            if conversations < least:
                continue
            excerpt = texts[group] if len(texts[group]) <= 80 else texts[group][:77] + "..."
            said = say(
                "the same reply in {n} conversations: '{excerpt}'", n=conversations, excerpt=excerpt
            )
            hits += [
                MessageHit(m, said, say("personalise the reply"), conversation=c)
                for c, m in sorted(places)
            ]
        return hits

    return check
