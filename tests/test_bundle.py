"""Joining the browser checker's parts into the one module the site ships."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.site.builder import SHIPPED
from generator.site.bundle import BundleError, bundle, cached_bundle
from tests.conftest import ROOT

SOURCES = ROOT / "site_templates" / "js"


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("playbook-check.js", {"check", "channelRules", "FormatError"}),
        ("playbook-detect.js", {"detectSituation", "DetectionError", "vaderCompound"}),
    ],
)
def test_the_shipped_modules_export_what_the_sources_export(
    tmp_path: Path, module: str, expected: set[str]
) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the browser checker's tests (tests/run installs it)")
    for name in SHIPPED:
        (tmp_path / name).write_text(bundle(SOURCES / name, SHIPPED), encoding="utf-8")
    shipped = tmp_path / module
    imports = re.findall(r"^import .*", shipped.read_text(encoding="utf-8"), re.M)
    # Only the detection imports, from the checker's module: nothing of it is copied.
    if module == "playbook-detect.js":
        names = "channelRules, situations, TermIndex"
        assert imports == [f'import {{ {names} }} from "./playbook-check.js";']
        assert "function check(" not in shipped.read_text(encoding="utf-8")
    else:
        assert imports == []
        assert "VADER_LEXICON" not in shipped.read_text(encoding="utf-8")
    script = (
        "const [a, b] = await Promise.all(process.argv.slice(1).map((p) => import(p)));"
        "console.log(JSON.stringify([Object.keys(a).sort(), Object.keys(b).sort()]));"
    )
    output = subprocess.run(
        [node, "--input-type=module", "-e", script, shipped.as_uri(), (SOURCES / module).as_uri()],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shipped_names, source_names = json.loads(output)
    assert shipped_names == source_names
    assert expected <= set(shipped_names)


def test_parts_come_after_what_they_import(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text('import { b } from "./b.js";\nexport const a = b;\n')
    (tmp_path / "b.js").write_text('import { c } from "./c.js";\nexport const b = c;\n')
    (tmp_path / "c.js").write_text("export const c = 1;\n")
    text = bundle(tmp_path / "a.js")
    assert text.index("const c = 1") < text.index("const b = c") < text.index("export const a")
    assert "export const b" not in text and "import" not in text.split("\n", 1)[1]


def test_a_circular_or_missing_import_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text('import { b } from "./b.js";\n')
    (tmp_path / "b.js").write_text('import { a } from "./a.js";\n')
    with pytest.raises(BundleError, match="circular"):
        bundle(tmp_path / "a.js")
    (tmp_path / "b.js").write_text('import { x } from "./missing.js";\n')
    with pytest.raises(BundleError, match="missing.js, which does not exist"):
        bundle(tmp_path / "a.js")


def test_the_kept_bundle_follows_every_change_of_a_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temporary"))
    (tmp_path / "temporary").mkdir()
    parts = tmp_path / "js"
    parts.mkdir()
    (parts / "a.js").write_text('import { b } from "./b.js";\nexport const a = b;\n')
    (parts / "b.js").write_text("export const b = 1;\n")
    assert cached_bundle(parts / "a.js") == bundle(parts / "a.js")
    (parts / "b.js").write_text("export const b = 2;\n")
    assert "const b = 2;" in cached_bundle(parts / "a.js")
    assert cached_bundle(SOURCES / "playbook-check.js") == bundle(SOURCES / "playbook-check.js")


def test_an_import_of_a_separate_module_stays_an_import(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text('import { b } from "./b.js";\nexport const a = b;\n')
    (tmp_path / "b.js").write_text('import { c } from "./c.js";\nexport const b = c;\n')
    (tmp_path / "c.js").write_text("export const c = 1;\n")
    text = bundle(tmp_path / "a.js", separate=("b.js",))
    assert 'import { b } from "./b.js";' in text
    assert "const c = 1" not in text and "const b = c" not in text
