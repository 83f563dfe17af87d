"""Auditing conversation logs against the playbook: response times, practices, reply rules."""
