"""A bad cell is set aside and reported at its field; only structural damage stops a plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.loading import PlanLoadError, load, load_plan
from plancheck.quantities import ValueStatus

from ._plans import HEAD, write

BODY = """\
indicators:
  - id: speed
    name: 城市家庭宽带接入能力
    unit: Mbps
    baseline: {year: 2020, value: 20}
    targets:
      - {year: 2025, value: 基本到达100Mbps}
projects:
  - {id: p1, name: 光纤入户工程, years: 2021-23, funding: 100}
  - {id: p2, name: 无线城市工程, fundng: 200}
"""


def test_bad_cells_are_reported_and_the_plan_is_built(tmp_path: Path) -> None:
    result = load_plan(write(tmp_path / "plan.yaml", HEAD + BODY))
    assert result.plan is not None
    found = sorted((d.code, d.line, d.pointer) for d in result.diagnostics)
    assert found == [
        ("PC002", 14, "/projects/0/years"),
        ("PC002", 15, "/projects/1/fundng"),
        ("PC004", 12, "/indicators/0/targets/0/value"),
    ]
    unread = next(d for d in result.diagnostics if d.code == "PC004")
    assert "'基本到达' is not a unit or comparator" in unread.message
    plan = result.plan
    target = plan.indicators[0].targets[0]
    assert target.value is not None and target.value.status is ValueStatus.UNREADABLE
    assert target.value.text == "基本到达100Mbps"
    assert plan.unreadable(target, "value") == unread.message
    assert plan.projects[0].years is None
    assert plan.unreadable(plan.projects[0], "years") is not None
    assert plan.projects[1].funding is None
    assert set(plan.unreadable_cells) == {d.pointer for d in result.diagnostics}


def test_load_stays_strict(tmp_path: Path) -> None:
    with pytest.raises(PlanLoadError) as caught:
        load(write(tmp_path / "plan.yaml", HEAD + BODY))
    assert len(caught.value.diagnostics) == 3


@pytest.mark.parametrize(
    "body",
    [
        "projects:\n  - just a string\n",  # an entity that is not a mapping
        "projects:\n  - {name: 无编号工程}\n",  # a required key of an entity
        "indicators: {id: x}\n",  # a list that is not a list
    ],
)
def test_structural_damage_stops_the_plan(tmp_path: Path, body: str) -> None:
    result = load_plan(write(tmp_path / "plan.yaml", HEAD + body))
    assert result.plan is None
    assert result.diagnostics


def test_missing_plan_key_stops_the_plan(tmp_path: Path) -> None:
    text = HEAD.replace("title: 示例县信息化规划\n", "") + BODY
    result = load_plan(write(tmp_path / "plan.yaml", text))
    assert result.plan is None
    assert any("title" in d.message for d in result.diagnostics)


def test_indicator_with_an_unknown_unit_keeps_its_numbers_unknown(tmp_path: Path) -> None:
    body = BODY.replace("unit: Mbps", "unit: 兆比特每秒")
    result = load_plan(write(tmp_path / "plan.yaml", HEAD + body))
    assert result.plan is not None
    indicator = result.plan.indicators[0]
    assert indicator.unit is None
    assert indicator.baseline is not None and indicator.baseline.value is not None
    # A bare 20 of an unknown unit is not a pure number 20.
    assert indicator.baseline.value.status is ValueStatus.UNREADABLE
    assert [d.code for d in result.diagnostics if d.pointer.endswith("/unit")] == ["PC004"]
