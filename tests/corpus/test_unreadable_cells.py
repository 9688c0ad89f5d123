"""One unreadable cell must not blind the checker: the rest of the plan is still checked.

Each test edits one cell of a copy of the Baoji corpus and asserts that the findings
are exactly the pinned ones plus the finding about that cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancheck import check
from tests.corpus._copy import copy_corpus, edit, entity
from tests.corpus.test_corpus_findings import EXPECTED


def _found(plan_dir: Path) -> set[tuple[str, str, str]]:
    report = check(plan_dir)
    return {(f.rule, f.subject.key, f.severity.value) for f in report.findings}


def test_bit_rate_indicator_given_in_gigabytes_adds_one_unit_kind_finding(tmp_path: Path) -> None:
    plan_dir = copy_corpus(tmp_path)

    def to_gb(data: Any) -> None:
        entity(data, "indicators", "urban-bandwidth")["unit"] = "GB"

    edit(plan_dir, "indicators.yaml", to_gb)
    # The text's "达到16M" is a bit rate; the row now claims a data size.
    assert _found(plan_dir) == EXPECTED | {("PC302", "claims/urban-bandwidth-2015", "error")}


def test_unreadable_value_is_reported_at_its_field_and_the_rest_is_checked(
    tmp_path: Path,
) -> None:
    plan_dir = copy_corpus(tmp_path)

    def garble(data: Any) -> None:
        entity(data, "claims", "urban-bandwidth-2015")["value"] = "基本到达16M"

    edit(plan_dir, "claims.yaml", garble)
    report = check(plan_dir)
    unread = [f for f in report.findings if f.rule == "PC004"]
    assert len(unread) == 1
    finding = unread[0]
    assert "'基本到达' is not a unit or comparator" in finding.message_en
    assert finding.location is not None
    assert finding.location.file.endswith("claims.yaml")
    assert finding.location.pointer.endswith("/value")
    lines = (plan_dir / "claims.yaml").read_text(encoding="utf-8").splitlines()
    assert "基本到达16M" in lines[finding.location.line - 1]
    found = {(f.rule, f.subject.key, f.severity.value) for f in report.findings}
    assert found - {("PC004", finding.subject.key, "error")} == EXPECTED
    # The rules that would judge the value say why they cannot.
    reasons = report.stats["PC304"].reasons
    assert any("could not be read" in reason and "基本到达" in reason for reason in reasons)


def test_bad_year_range_and_unknown_unit_are_set_aside(tmp_path: Path) -> None:
    plan_dir = copy_corpus(tmp_path)

    def bad_years(data: Any) -> None:
        entity(data, "projects", "education-informatization")["years"] = "2011-13"

    def bad_unit(data: Any) -> None:
        entity(data, "indicators", "digital-tv-users")["unit"] = "万斤"

    edit(plan_dir, "projects.yaml", bad_years)
    edit(plan_dir, "indicators.yaml", bad_unit)
    report = check(plan_dir)
    load_problems = sorted(
        (f.rule, (f.location.pointer if f.location else ""))
        for f in report.findings
        if f.rule in ("PC002", "PC004")
    )
    assert [rule for rule, _ in load_problems] == ["PC002", "PC004"]
    assert load_problems[0][1].endswith("/years")
    assert load_problems[1][1].endswith("/unit")
    found = {
        (f.rule, f.subject.key, f.severity.value)
        for f in report.findings
        if f.rule not in ("PC002", "PC004")
    }
    assert found == EXPECTED
    assert any("unit" in reason for reason in report.stats["PC302"].reasons)


def test_structural_damage_still_stops_the_plan(tmp_path: Path) -> None:
    plan_dir = copy_corpus(tmp_path)

    def no_title(data: Any) -> None:
        del data["title"]

    edit(plan_dir, "plan.yaml", no_title)
    report = check(plan_dir)
    assert [f.rule for f in report.findings] == ["PC002"]
