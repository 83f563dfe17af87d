"""The playbook site: its pages, the MkDocs plugin, and building or serving it."""
