"""The built wheel, installed (not editable) in a fresh environment, works from an empty folder.

To keep the test fast, the fresh environment borrows the test environment's dependencies
(mkdocs and the rest) through a path entry: a path entry does not run the test environment's
editable-install hook, so playbook itself can only come from the wheel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _run(
    *args: str | Path, cwd: Path, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        input=input,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment with the wheel installed in it."""
    base = tmp_path_factory.mktemp("wheel")
    built = _run(
        sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", base, ROOT, cwd=base
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = base.glob("playbook-*.whl")
    venv = base / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base).returncode == 0
    python = venv / "bin" / "python"
    install = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        wheel,
        cwd=base,
    )
    assert install.returncode == 0, install.stderr
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=base
    )
    borrowed = sysconfig.get_paths()["purelib"]
    Path(purelib.stdout.strip(), "borrowed-dependencies.pth").write_text(borrowed + "\n")
    return venv / "bin"


def test_the_wheel_carries_its_data_and_reads_no_checkout(installed: Path, tmp_path: Path) -> None:
    where = _run(
        installed / "python",
        "-c",
        "import generator, generator.resources as r; print(generator.__file__); print(r.DATA)",
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    module, data = where.stdout.splitlines()
    venv = installed.parent
    assert Path(module).is_relative_to(venv) and Path(data).is_relative_to(venv)
    assert not Path(module).is_relative_to(ROOT)
    for name in ("rules/register.json", "rules/export.schema.json", "mkdocs.yml"):
        assert (Path(data) / name).is_file(), name
    assert (Path(data) / "site_templates" / "overrides" / "main.html").is_file()
    assert (Path(data) / "guidelines" / "playbook.yml").is_file()


def test_init_validate_build_export_check_from_an_empty_folder(
    installed: Path, tmp_path: Path
) -> None:
    playbook = installed / "playbook"
    nothing = _run(playbook, "validate", cwd=tmp_path)
    assert nothing.returncode == 2 and "playbook init" in nothing.stderr
    steps = [
        ("init", "--language", "it", "--company", "Bottega Aurora"),
        ("validate", "--strict"),
        ("build", "--strict"),
        ("export", "-o", "rules.json"),
    ]
    for step in steps:
        done = _run(playbook, *step, cwd=tmp_path)
        assert done.returncode == 0, (step, done.stderr)
    assert (tmp_path / "site" / "channels" / "email" / "index.html").is_file()
    assert json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))["channels"]
    check = _run(
        playbook,
        "check",
        "-c",
        "email",
        "-s",
        "complaint",
        "-",
        cwd=tmp_path,
        input="Il Suo ordine parte domani, si calmi.",
    )
    assert check.returncode == 1, check.stderr
    assert "[complaint-apology]" in check.stdout and "[term-si-calmi]" in check.stdout
