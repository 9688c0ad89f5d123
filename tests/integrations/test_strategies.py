"""The Hypothesis strategies of plancheck.integrations.strategies."""

from __future__ import annotations

import io
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from ruamel.yaml import YAML

from plancheck import Checker, Plan, Report, Severity, check, parse_value
from plancheck.integrations.strategies import (
    MUTATION_RULES,
    Mutation,
    agencies,
    amounts,
    boxes,
    indicators,
    mutations,
    plans,
    projects,
    sections,
)
from plancheck.model.numbering import parse_section_number
from plancheck.quantities import Comparator

# One checker for the whole module: building it (rule files, registry) costs more
# than checking a small plan.
_CHECKER = Checker()


def _check(data: dict[str, Any]) -> Report:
    return _CHECKER.report([_CHECKER.check_plan(Plan.model_validate(data))])


# 万元 per unit of the currencies the strategies write.
_WAN = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}


def _errors(report: Report) -> set[str]:
    return {f.rule for f in report.findings if f.severity is Severity.ERROR}


def _dump(data: dict[str, Any]) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


# -- amounts ----------------------------------------------------------------------


@given(amounts())
def test_amounts_are_read_by_parse_value(text: str) -> None:
    value = parse_value(text)
    assert value.amount is not None
    assert value.amount >= 0


@given(amounts(units=["亿元"], comparators=False))
def test_amounts_keep_the_requested_unit_and_comparator(text: str) -> None:
    value = parse_value(text)
    assert value.unit == "亿元"
    assert value.comparator is Comparator.EQ


@given(amounts(units=[None], comparators=False, max_value=50))
def test_bare_amounts_are_bounded(text: str) -> None:
    value = parse_value(text)
    assert value.unit is None
    assert value.amount is not None
    assert value.amount < 51


def test_amounts_cover_separators_comparators_and_full_width() -> None:
    found: list[str] = []

    @settings(max_examples=300, derandomize=True, database=None)
    @given(amounts())
    def collect(text: str) -> None:
        found.append(text)

    collect()
    assert any("," in text for text in found)
    assert any(text.endswith("以上") for text in found)
    assert any(text.startswith("突破") for text in found)
    assert any("%" in text for text in found)
    assert any(any("０" <= ch <= "９" for ch in text) for text in found)


def test_amounts_need_a_unit() -> None:
    with pytest.raises(ValueError, match="at least one unit"):
        amounts(units=[])


# -- plan parts ---------------------------------------------------------------------

_HEAD: dict[str, Any] = {
    "plancheck": 1,
    "id": "parts",
    "title": "示例市信息化规划",
    "jurisdiction": {"name": "示例市", "level": "city"},
    "period": "2021-2025",
}


@given(sections(), agencies(), indicators(box=None), boxes(), projects())
def test_parts_make_valid_plans(
    tree: list[dict[str, Any]],
    bodies: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    panels: list[dict[str, Any]],
    funded: list[dict[str, Any]],
) -> None:
    parts = {"sections": tree, "agencies": bodies, "indicators": rows, "boxes": panels}
    plan = Plan.model_validate({**_HEAD, **parts, "projects": funded})
    assert len(plan.sections) == len(tree)
    assert [box.number for box in plan.boxes] == list(range(1, len(panels) + 1))
    assert all(project.funding is not None for project in plan.projects)
    for indicator in plan.indicators:
        assert indicator.baseline is not None
        assert indicator.baseline.year == 2020
        assert [target.year for target in indicator.targets] == [2025]


# -- consistent plans ----------------------------------------------------------------


@given(plans())
def test_consistent_plans_have_no_error_finding(data: dict[str, Any]) -> None:
    report = _check(data)
    errors = [f"{f.rule} {f.message_en}" for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert report.exit_code == 0


@given(plans())
def test_consistent_plans_hold_their_invariants(data: dict[str, Any]) -> None:
    plan = Plan.model_validate(data)
    items = {item.name for box in plan.boxes for item in box.items}
    assert plan.projects
    assert all(project.name in items for project in plan.projects)
    assert [box.number for box in plan.boxes] == list(range(1, len(plan.boxes) + 1))
    top = [parse_section_number(s.number).ordinal for s in plan.sections]
    assert top == list(range(1, len(top) + 1))
    for project in plan.projects:
        assert project.years is not None
        assert plan.period.start <= project.years.start <= project.years.end <= plan.period.end
    total = plan.totals[0].value
    assert total.amount is not None
    assert total.unit is not None
    funded = [p.funding for p in plan.projects]
    assert all(f is not None and f.amount is not None and f.unit for f in funded)
    in_wan = sum(
        (f.amount * _WAN[f.unit] for f in funded if f and f.amount is not None and f.unit),
        Decimal(0),
    )
    assert in_wan == total.amount * _WAN[total.unit]
    agencies = {a.id for a in plan.agencies} | {n for a in plan.agencies for n in a.names}
    for project in plan.projects:
        for unit in project.implementers:
            assert unit.text in agencies
            assert unit.agency is None or unit.agency in agencies
    for indicator in plan.indicators:
        assert indicator.type != "unspecified"
        assert indicator.direction is not None


@settings(max_examples=10)
@given(plans())
def test_consistent_plans_survive_a_yaml_file(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        report = check(path)
    assert _errors(report) == set()


def test_generation_is_deterministic_under_derandomize() -> None:
    def collect() -> list[dict[str, Any]]:
        drawn: list[dict[str, Any]] = []

        @settings(max_examples=5, derandomize=True, database=None)
        @given(plans())
        def run(data: dict[str, Any]) -> None:
            drawn.append(data)

        run()
        return drawn

    assert collect() == collect()


# -- mutations -----------------------------------------------------------------------


@given(mutations())
def test_each_mutation_fires_exactly_its_rule(mutation: Mutation) -> None:
    assert mutation.rule in MUTATION_RULES
    assert mutation.description
    assert _errors(_check(mutation.data)) == {mutation.rule}, mutation.description


@pytest.mark.parametrize("rule", MUTATION_RULES)
def test_every_rule_can_be_broken(rule: str) -> None:
    @settings(max_examples=8)
    @given(mutations(rules=[rule]))
    def run(mutation: Mutation) -> None:
        assert mutation.rule == rule
        assert _errors(_check(mutation.data)) == {rule}, mutation.description

    run()


@settings(max_examples=20)
@given(plans(consistent=False))
def test_inconsistent_plans_fail(data: dict[str, Any]) -> None:
    assert _check(data).exit_code == 1


def test_mutations_refuse_unknown_rules() -> None:
    with pytest.raises(ValueError, match="PC999"):
        mutations(rules=["PC999"])
