"""Checking replies against the exported rules: compile once, check many."""

from generator.checking.checker import Checker, Finding, TermBudgetError, UnknownName

__all__ = ["Checker", "Finding", "TermBudgetError", "UnknownName"]
