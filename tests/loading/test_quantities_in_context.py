"""Bare numbers take their unit from context; written text survives a dump."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plancheck.model import Plan
from plancheck.quantities import Comparator
from tests.loading._plans import HEAD, load_ok, write


def _load(tmp_path: Path, body: str, head: str = HEAD) -> Plan:
    plan = load_ok(write(tmp_path / "plan.yaml", head + body)).plan
    assert plan is not None
    return plan


def test_bare_funding_takes_the_default_currency(tmp_path: Path) -> None:
    plan = _load(tmp_path, "projects:\n  - {id: p1, name: 甲, funding: 1200}\n")
    funding = plan.projects[0].funding
    assert funding is not None
    assert (funding.amount, funding.unit) == (Decimal(1200), "万元")


def test_bare_funding_and_totals_take_the_plan_currency(tmp_path: Path) -> None:
    body = (
        "currency: 亿元\n"
        "projects:\n"
        "  - {id: p1, name: 甲, funding: 3}\n"
        '  - {id: p2, name: 乙, funding: "1.5"}\n'
        "totals:\n"
        "  - {id: t, label: 合计, value: 4.5}\n"
    )
    plan = _load(tmp_path, body)
    assert [p.funding.unit for p in plan.projects if p.funding] == ["亿元", "亿元"]
    assert plan.totals[0].value.unit == "亿元"
    assert plan.totals[0].value.amount == Decimal("4.5")


def test_funding_with_its_own_unit_keeps_it(tmp_path: Path) -> None:
    body = "currency: 亿元\nprojects:\n  - {id: p1, name: 甲, funding: 500万元}\n"
    funding = _load(tmp_path, body).projects[0].funding
    assert funding is not None
    assert (funding.amount, funding.unit) == (Decimal(500), "万元")


def test_indicator_values_take_the_indicator_unit(tmp_path: Path) -> None:
    body = """\
indicators:
  - id: broadband
    name: 宽带用户数
    unit: 万户
    baseline: {year: 2020, value: 12}
    targets:
      - {year: 2025, value: 20}
    observations:
      - {year: 2018, value: 9}
"""
    indicator = _load(tmp_path, body).indicators[0]
    values = [indicator.baseline, *indicator.targets, *indicator.observations]
    assert [v.value.unit for v in values if v is not None and v.value is not None] == [
        "万户",
        "万户",
        "万户",
    ]


def test_indicator_value_with_its_own_unit_keeps_it(tmp_path: Path) -> None:
    body = """\
indicators:
  - id: coverage
    name: 覆盖率
    unit: "%"
    targets:
      - {year: 2025, value: 3万户}
"""
    target = _load(tmp_path, body).indicators[0].targets[0]
    assert target.value is not None
    assert target.value.unit == "万户"


def test_indicator_without_unit_takes_the_first_written_unit(tmp_path: Path) -> None:
    body = """\
indicators:
  - id: coverage
    name: 覆盖率
    baseline: {year: 2020, value: 80}
    targets:
      - {year: 2025, value: 95%}
"""
    indicator = _load(tmp_path, body).indicators[0]
    assert indicator.baseline is not None
    assert indicator.baseline.value is not None
    assert indicator.baseline.value.unit == "%"


def test_claim_naming_an_indicator_takes_its_unit(tmp_path: Path) -> None:
    body = """\
indicators:
  - {id: broadband, name: 宽带用户数, unit: 万户}
claims:
  - {id: c1, quote: 宽带用户数突破20万户, indicator: broadband, value: 突破20}
  - {id: c2, quote: 宽带用户达到30, indicator: broadband, value: 30}
"""
    first, second = _load(tmp_path, body).claims
    assert (first.value.unit, first.value.comparator, first.value.amount) == (
        "万户",
        Comparator.GT,
        Decimal(20),
    )
    assert second.value.unit == "万户"


def test_claim_without_an_indicator_stays_without_unit(tmp_path: Path) -> None:
    body = "claims:\n  - {id: c1, quote: 建成20个, value: 20}\n"
    assert _load(tmp_path, body).claims[0].value.unit is None


def test_growth_claim_does_not_take_the_indicator_unit(tmp_path: Path) -> None:
    body = """\
indicators:
  - {id: broadband, name: 宽带用户数, unit: 万户}
claims:
  - {id: g1, kind: growth, quote: 年均增长15, indicator: broadband, value: 15, annual: true}
"""
    assert _load(tmp_path, body).claims[0].value.unit is None


def test_thousand_separator_text_is_kept_in_json_dump(tmp_path: Path) -> None:
    body = """\
indicators:
  - {id: lines, name: 光缆长度, unit: 公里, targets: [{year: 2025, value: "30,000"}]}
projects:
  - {id: p1, name: 甲, funding: "30,000"}
"""
    plan = _load(tmp_path, body)
    funding = plan.projects[0].funding
    assert funding is not None
    assert (funding.amount, funding.unit) == (Decimal(30000), "万元")
    dumped = plan.model_dump(mode="json")
    assert dumped["projects"][0]["funding"] == "30,000"
    assert dumped["indicators"][0]["targets"][0]["value"] == "30,000"


def test_json_dump_validates_back_to_an_equal_model(tmp_path: Path) -> None:
    body = """\
currency: 亿元
indicators:
  - id: broadband
    name: 宽带用户数
    unit: 万户
    baseline: {year: 2020, value: 12}
    targets: [{year: 2025, value: "30,000"}]
projects:
  - {id: p1, name: 甲, funding: "30,000", years: 2021-2023}
  - {id: p2, name: 乙, funding: 1.5}
  - {id: p3, name: 丙, funding: ——}
totals:
  - {id: t, label: 合计, value: "约3万亿元"}
claims:
  - {id: c1, quote: 突破20万户, indicator: broadband, value: 突破20}
"""
    plan = _load(tmp_path, body)
    dumped = plan.model_dump(mode="json")
    again = Plan.model_validate(dumped)
    assert again.model_dump() == plan.model_dump()
    assert again.model_dump(mode="json") == dumped
    assert again.projects[0].funding == plan.projects[0].funding
    assert again.claims[0].value == plan.claims[0].value
