"""The semantic diff: matching, what counts as a change, and the inverse law."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plancheck import Plan
from plancheck.cli import main
from plancheck.plan_diff import Change, Trend, diff
from plancheck.plan_diff._render import render_diff

HEAD: dict[str, Any] = {
    "plancheck": 1,
    "id": "p",
    "title": "示例市规划",
    "jurisdiction": {"name": "示例市", "level": "city"},
    "period": "2021-2025",
}


def _plan(**parts: Any) -> Plan:
    return Plan.model_validate({**HEAD, **parts})


def test_a_plan_against_itself_is_empty_in_every_format() -> None:
    plan = _plan(projects=[{"id": "a", "name": "甲工程", "funding": 100}])
    empty = diff(plan, plan)
    assert not empty and empty.changes == () and not empty.funding
    assert "0 changes" in render_diff(empty, "text")


def test_matched_by_id_then_by_normalised_name() -> None:
    old = _plan(
        projects=[
            {"id": "a", "name": "甲工程", "funding": 100},
            {"id": "b", "name": "“乙” 工程", "funding": 200},
        ]
    )
    new = _plan(
        projects=[
            {"id": "a", "name": "甲建设工程", "funding": 100},
            {"id": "b2", "name": "乙工程", "funding": 200},
        ]
    )
    changes = diff(old, new).changes
    assert [(c.change, c.old_key, c.new_key) for c in changes] == [
        (Change.CHANGED, "projects/a", "projects/a"),
        (Change.CHANGED, "projects/b", "projects/b2"),
    ]
    assert [f.field for f in changes[0].fields] == ["name"]
    assert [(f.field, f.old, f.new) for f in changes[1].fields] == [
        ("id", "b", "b2"),
        ("name", "“乙” 工程", "乙工程"),
    ]


def test_the_same_amount_written_differently_is_no_change() -> None:
    old = _plan(projects=[{"id": "a", "name": "甲工程", "funding": "30,000"}])
    new = _plan(projects=[{"id": "a", "name": "甲工程", "funding": "3亿元"}])
    assert not diff(old, new)
    moved = _plan(projects=[{"id": "a", "name": "甲工程", "funding": "3.1亿元"}])
    change = diff(old, moved)
    assert change.changes[0].fields[0].trend is Trend.RAISED
    assert change.funding.total is not None and str(change.funding.total.delta) == "1000.0"


def test_targets_are_matched_by_year_and_judged_by_direction() -> None:
    def indicator(direction: str, *targets: tuple[int, int]) -> Plan:
        rows = [{"year": y, "value": v} for y, v in targets]
        return _plan(
            indicators=[
                {"id": "i", "name": "能耗", "unit": "吨", "direction": direction, "targets": rows}
            ]
        )

    before = indicator("decrease", (2023, 10), (2025, 8))
    after = indicator("decrease", (2025, 9), (2024, 9))
    changes = diff(before, after).changes
    assert [(c.kind, c.change, c.key) for c in changes] == [
        ("target", Change.REMOVED, "indicators/i/2023"),
        ("target", Change.ADDED, "indicators/i/2024"),
        ("target", Change.CHANGED, "indicators/i/2025"),
    ]
    assert changes[2].fields[0].trend is Trend.WEAKENED


def test_the_inverse_swaps_every_side() -> None:
    old = _plan(
        sections=[{"number": "一、", "title": "总体要求"}],
        projects=[{"id": "a", "name": "甲工程", "category": "基础", "funding": 100}],
    )
    new = _plan(
        sections=[{"number": "一、", "title": "总体要求"}, {"number": "二、", "title": "保障"}],
        projects=[{"id": "b", "name": "乙工程", "category": "应用", "funding": 300}],
        revisions=[{"id": "r1", "approved_by": "示例市人民政府", "reason": "调整"}],
    )
    forward, backward = diff(old, new), diff(new, old)
    assert backward == forward.inverse()
    assert forward.inverse().inverse() == forward
    assert {c.change for c in forward.changes} == {Change.ADDED, Change.REMOVED}
    assert [(line.category, str(line.delta)) for line in forward.funding.categories] == [
        ("基础", "-100"),
        ("应用", "300"),
    ]


def test_unreadable_sides_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("plancheck: 1\nid: [unclosed\n", encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(
        "plancheck: 1\nid: p\ntitle: 示例\njurisdiction: {name: 示例市, level: city}\n"
        "period: 2021-2025\n",
        encoding="utf-8",
    )
    assert main(["diff", str(broken), str(good)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"plancheck: error: 无法读取规划 / cannot load plan {broken}: ")
    assert err.count("\n") == 1
    assert main(["diff", str(good), str(tmp_path / "missing.yaml")]) == 2
    assert "path not found" in capsys.readouterr().err
    assert main(["diff", str(good), str(good)]) == 0
    assert "0 changes" in capsys.readouterr().out
