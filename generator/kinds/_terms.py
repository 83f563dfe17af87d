"""Option schemas shared by the kinds that match terms as whole words."""

from __future__ import annotations

#: Some visible text: a character that is neither a space nor a control character. Written out
#: rather than as \S, which Python counts differently from JSON Schema's ECMA-262 regexes.
VISIBLE = r"[^\s\x00-\x1f\x7f-\x9f]"
TERM = {"type": "string", "minLength": 1, "pattern": VISIBLE}
TERMS = {"type": "array", "items": TERM, "minItems": 1}
CASE_SENSITIVE = {
    "type": "boolean",
    "default": False,
    "description": "Match letter case exactly; by default 'Calm down' matches 'calm down'.",
}
EXCEPTIONS = {
    "type": "array",
    "items": TERM,
    "description": "Phrases in which the term is allowed (e.g. 'privacy policy' for 'policy').",
}
