"""An unreadable funding cell is PC004 at its field, and unknown to the funding rules:
PC202 ("no amount") does not report a cell that states an amount it cannot read."""

from __future__ import annotations

from pathlib import Path

from plancheck import Checker, Config
from tests.conftest import MINIMAL_PLAN

PROJECTS = """\
projects:
  - {id: a, name: 甲工程, years: 2021-2022, funding: "12..5万元"}
  - {id: b, name: 乙工程, years: 2021-2022}
"""


def test_unreadable_funding_is_pc004_and_not_applicable_to_pc202(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN + PROJECTS, encoding="utf-8")
    checker = Checker(Config(select=["PC004", "PC202"]))
    report = checker.check_path(path)
    found = {(f.rule, f.subject.key) for f in report.findings}
    assert ("PC202", "projects/b") in found  # no funding written at all
    assert ("PC202", "projects/a") not in found
    assert any(rule == "PC004" for rule, _ in found)
    reasons = report.stats["PC202"].reasons
    assert any("could not be read" in reason and "PC004" in reason for reason in reasons)
