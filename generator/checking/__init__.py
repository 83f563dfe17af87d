"""Checking replies against the exported rules: compile once, check many."""

from generator.checking.checker import Checker, Finding, UnknownName

__all__ = ["Checker", "Finding", "UnknownName"]
