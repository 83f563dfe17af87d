"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself on a new playbook's repository.

Offline: the hooks are declared as `repo: local` with the definitions of
.pre-commit-hooks.yaml, run by the playbook of this environment (`language: system`), so
pre-commit installs nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home"),
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_AUTHOR_NAME": "CX lead",
        "GIT_AUTHOR_EMAIL": "cx@example.com",
        "GIT_COMMITTER_NAME": "CX lead",
        "GIT_COMMITTER_EMAIL": "cx@example.com",
    }
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_hooks_validate_the_playbook_and_check_replies(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    init = CliRunner().invoke(main, ["init", str(project), "--company", "Shop"])
    assert init.exit_code == 0, init.output
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"playbook-validate", "playbook-check"}
    local = [
        {**hooks["playbook-validate"], "language": "system"},
        {
            **hooks["playbook-check"],
            "language": "system",
            "args": ["--channel", "email"],
            "files": "^replies/",
        },
    ]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "replies").mkdir()
    (project / "replies" / "thanks.txt").write_text("Thanks for your message.\n")
    assert _run("git", "init", "-q", cwd=project).returncode == 0
    assert _run("git", "add", "-A", cwd=project).returncode == 0
    clean = _run(sys.executable, "-m", "pre_commit", "run", "--all-files", cwd=project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "validate the playbook" in clean.stdout and "Passed" in clean.stdout

    assert _run(sys.executable, "-m", "pre_commit", "install", cwd=project).returncode == 0
    first = _run("git", "commit", "-qm", "A new playbook", cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr

    # A reply that breaks a rule stops the commit; so does a mistake in the guidelines.
    (project / "replies" / "late.txt").write_text("As per our policy, we wait.\n")
    assert _run("git", "add", "-A", cwd=project).returncode == 0
    blocked = _run("git", "commit", "-qm", "A late reply", cwd=project)
    said = blocked.stdout + blocked.stderr  # git shows the hooks' output on its stderr
    assert blocked.returncode == 1, said
    assert "replies/late.txt:1:1: error [term-as-per-our-policy]" in said
    assert "thanks.txt" not in said
    (project / "replies" / "late.txt").write_text("We are on it: it ships today.\n")
    email = project / "guidelines" / "channels" / "email.yml"
    email.write_text(email.read_text().replace("formality: formal", "formality: formel"))
    assert _run("git", "add", "-A", cwd=project).returncode == 0
    blocked = _run("git", "commit", "-qm", "A new tone", cwd=project)
    said = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, said
    assert "guidelines/channels/email.yml:" in said and "error [schema/enum]" in said
