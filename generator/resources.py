"""The files that ship with playbook: schemas and rule data, site templates, the site's MkDocs
configuration and the sample guidelines, found with importlib.resources.

In the repository they are the top-level folders `rules/`, `site_templates/`, `guidelines/`
and `mkdocs.yml`; the wheel carries them under `generator/_data/` (see pyproject.toml).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGED = "_data"


def _data_root() -> Path:
    package = files("generator")
    packaged = package / PACKAGED
    if packaged.is_dir():
        return Path(str(packaged))
    # An editable install imports generator/ from the checkout: read the checkout's folders,
    # so that an edit to a template or a schema shows without reinstalling.
    return Path(str(package)).parent


DATA = _data_root()
RULES = DATA / "rules"
SITE_TEMPLATES = DATA / "site_templates"
SAMPLE = DATA / "guidelines"
MKDOCS_CONFIG = DATA / "mkdocs.yml"
