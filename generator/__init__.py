"""playbook: conversational guidelines for digital customer service, written as code."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root: it holds `rules/`, `site_templates/` and the sample `guidelines/`.
ROOT = Path(__file__).resolve().parent.parent
