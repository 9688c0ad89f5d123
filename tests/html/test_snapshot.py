"""The demo report byte for byte, and the same bytes from every process.

After an intended change to the report, regenerate the snapshots with
``PLANCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/html/test_snapshot.py`` and
review the diff like code.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT

from ._dom import parse
from .conftest import DATA, report_html

UPDATE = os.environ.get("PLANCHECK_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_report_matches_its_snapshot(lang: str) -> None:
    html = report_html("demo", "--lang", lang, "--waivers", "waivers.yaml", cwd=DATA)
    parse(html)  # a snapshot of invalid HTML would be no use
    snapshot = DATA / f"demo.{lang}.html"
    if UPDATE:
        snapshot.write_text(html, encoding="utf-8", newline="\n")
    assert html == snapshot.read_text(encoding="utf-8"), (
        f"{snapshot.name} differs; if the change is intended, regenerate it "
        "(PLANCHECK_UPDATE_SNAPSHOTS=1) and review the diff"
    )


def test_baoji_report_is_byte_identical_across_processes() -> None:
    # Different hash seeds change set and dict iteration orders; none may leak out.
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "plancheck", "report", str(CORPUS.relative_to(ROOT)), "-o", "-"],
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        assert result.returncode == 1, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
