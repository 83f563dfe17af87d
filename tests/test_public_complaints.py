"""The meaning check that public complaints are answered no slower than private ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.validation import validate


def test_a_public_channel_slower_on_complaints_than_a_private_one_is_warned(
    tmp_path: Path,
) -> None:
    target = tmp_path / "guidelines"
    shutil.copytree(Path(__file__).parent.parent / "guidelines", target)
    x = target / "channels" / "x.yml"
    x.write_text(
        x.read_text(encoding="utf-8").replace(
            "first_response: {target: 15m, acceptable: 1h, unacceptable: 12h}",
            "first_response: {target: 45m, acceptable: 1h, unacceptable: 12h}",
        ),
        encoding="utf-8",
    )
    found = [d for d in validate(target).diagnostics if d.code == "meaning/public-complaint-slower"]
    assert len(found) == 1 and found[0].file.endswith("x.yml")
    assert "slower than that of whatsapp (15m)" in found[0].message
