"""Validating a guidelines folder in layers and building the playbook from it."""

from generator.validation.layers import Result, validate, validate_files

__all__ = ["Result", "validate", "validate_files"]
