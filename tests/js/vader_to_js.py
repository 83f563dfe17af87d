"""Writes site_templates/js/vader-lexicon.js: the installed vaderSentiment's word and emoji
lexicons as data, so that the browser scores sentiment as the Python checker does (run it
again when vaderSentiment is upgraded). vaderSentiment is MIT-licensed: see vader-LICENSE.txt.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

TARGET = Path(__file__).resolve().parents[2] / "site_templates" / "js" / "vader-lexicon.js"


def _pairs(table: dict[str, object]) -> str:
    return json.dumps(list(table.items()), ensure_ascii=False)


def render() -> str:
    """The module's text, from the installed package."""
    analyser = SentimentIntensityAnalyzer()
    # The analyser reads a message character by character: only one-character emojis match.
    emojis = {k: v for k, v in analyser.emojis.items() if len(k) == 1}
    return (
        "/**\n * vader-lexicon.js: the word and emoji lexicons of vaderSentiment"
        f" {version('vaderSentiment')} (C.J. Hutto,\n * MIT licence: see vader-LICENSE.txt),"
        " written by tests/js/vader_to_js.py from the Python package (do\n * not edit; run it"
        " again).\n */\n\n"
        f"export const VADER_LEXICON = new Map({_pairs(analyser.lexicon)});\n"
        f"export const VADER_EMOJIS = new Map({_pairs(emojis)});\n"
    )


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
