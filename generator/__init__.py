"""playbook: conversational guidelines for digital customer service, written as code."""

__version__ = "0.1.0"
