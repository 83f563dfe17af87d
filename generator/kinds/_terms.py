"""Option schemas shared by the kinds that match terms as whole words."""

from __future__ import annotations

TERM = {"type": "string", "minLength": 1, "pattern": r"\S"}
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
