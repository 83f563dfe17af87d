"""Sample pairs of company replies from twcs for hand labelling as near-duplicate templates.

Pairs are of replies by the same company account, spread over five bands of raw word overlap
(Jaccard similarity of lower-case words, @mentions and links left out) so that the set holds
identical templates, templates with a sentence changed, and unrelated replies alike. Each pair
goes to `dev` or `held_out` by a seeded draw, one in three held out. The output has an empty
`template` column for the labeller; the script never reads the audit's masking.
Run: python tests/scripts/sample_reply_pairs.py > tests/data/repeated_replies/pairs.csv
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "twcs_head5000.csv"
BANDS = [(0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.3, 0.5), (0.1, 0.3)]
PER_BAND = 30
_WORD = re.compile(r"(?:https?://\S+|@\w+)|([\w']+)")


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text) if w)


def main() -> None:
    rng = random.Random(2017)
    with DATA.open(encoding="utf-8", newline="") as handle:
        replies = [r for r in csv.DictReader(handle) if r["inbound"] == "False"]
    by_company: dict[str, list[dict[str, str]]] = {}
    for reply in replies:
        by_company.setdefault(reply["author_id"], []).append(reply)
    candidates: list[list[tuple[str, str, str]]] = [[] for _ in BANDS]
    for company, own in sorted(by_company.items()):
        for i, a in enumerate(own):
            for b in own[i + 1 :]:
                wa, wb = words(a["text"]), words(b["text"])
                if not wa or not wb or a["text"] == b["text"]:
                    continue
                jaccard = len(wa & wb) / len(wa | wb)
                for band, (low, high) in enumerate(BANDS):
                    if low <= jaccard < high:
                        candidates[band].append((company, a["tweet_id"], b["tweet_id"]))
    texts = {r["tweet_id"]: r["text"] for r in replies}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["pair", "company", "a_id", "b_id", "split", "template", "a_text", "b_text"])
    number = 0
    for band in candidates:
        for company, a, b in rng.sample(band, min(PER_BAND, len(band))):
            number += 1
            split = "held_out" if rng.random() < 1 / 3 else "dev"
            out.writerow([number, company, a, b, split, "", texts[a], texts[b]])


if __name__ == "__main__":
    main()
