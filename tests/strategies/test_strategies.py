"""plancheck.strategies: what each strategy promises, and violations for every rule."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck import Checker, Plan, Severity
from plancheck.engine.catalogue import load_catalogue
from plancheck.engine.registry import builtin_registry
from plancheck.model import Agency, Direction, Indicator, Project
from plancheck.plan_diff import diff
from plancheck.quantities import Value
from plancheck.strategies import (
    CURRENCIES,
    Violation,
    agencies,
    indicators,
    plans,
    projects,
    quantities,
    revisions,
    violation_codes,
    violations,
)
from tests.conftest import PROFILE_NAME

_CHECKER = Checker()
# Checking a violation writes files and runs every rule: a few examples per rule in CI,
# many more under the long profile.
_PER_RULE = 2 if PROFILE_NAME == "ci" else 60
_BOUNDED = settings(max_examples=8) if PROFILE_NAME == "ci" else settings()


@given(quantities("亿元"))
def test_quantities_carry_the_unit_asked_for(value: Value) -> None:
    assert value.unit == "亿元" and value.amount is not None and value.amount >= 0


@given(quantities(comparators=True))
def test_quantities_are_read_values(value: Value) -> None:
    assert value.is_given and value.text


@given(agencies("宝鸡市"))
def test_agencies_are_distinct_government_bodies(found: list[Agency]) -> None:
    names = [name for agency in found for name in agency.names]
    assert len(names) == len(set(names))
    assert all(agency.name.startswith("宝鸡市") for agency in found)


@given(indicators((2016, 2020)))
def test_indicator_targets_improve_on_the_baseline(found: list[Indicator]) -> None:
    for indicator in found:
        assert indicator.baseline is not None and indicator.baseline.year == 2015
        base = indicator.baseline.value
        target = indicator.targets[0].value
        assert base is not None and target is not None and base.amount is not None
        assert target.amount is not None and indicator.targets[0].year == 2020
        if indicator.direction is Direction.INCREASE:
            assert target.amount > base.amount
        else:
            assert target.amount < base.amount


@given(indicators((2021, 2021), min_size=7, max_size=7))
def test_indicator_targets_change_plausibly_even_in_one_year(found: list[Indicator]) -> None:
    # PC604 reports a level that grows or falls 3.5 times a year or more (a 万/亿 slip).
    for indicator in found:
        assert indicator.baseline is not None and indicator.baseline.value.amount is not None
        base, target = indicator.baseline.value.amount, indicator.targets[0].value.amount
        assert target is not None
        if indicator.unit not in ("%", "Mbps"):
            assert base / Decimal("3.5") < target < base * Decimal("3.5"), indicator.name


@given(projects((2021, 2025), currency="亿元"))
def test_projects_run_within_the_period_and_are_funded(found: list[Project]) -> None:
    for project in found:
        assert project.years is not None and 2021 <= project.years.start <= 2025
        assert project.funding is not None and project.funding.amount is not None
        assert project.funding.amount > 0


@_BOUNDED
@given(plans())
def test_plans_pass_every_rule(plan: Plan) -> None:
    report = _CHECKER.report([_CHECKER.check_plan(plan)])
    assert report.findings == [], [f.message_en for f in report.findings]


@_BOUNDED
@given(st.from_type(Plan))
def test_from_type_draws_plans_through_the_entry_point(plan: Plan) -> None:
    assert isinstance(plan, Plan) and plan.projects


@_BOUNDED
@given(st.sampled_from(CURRENCIES).flatmap(lambda c: plans(period=(2031, 2033), currency=c)))
def test_plans_take_the_period_and_currency_asked_for(plan: Plan) -> None:
    assert (plan.period.start, plan.period.end) == (2031, 2033)
    assert plan.currency in CURRENCIES
    assert _CHECKER.check_plan(plan).findings == []


def test_plans_shrink_to_a_small_readable_plan() -> None:
    from hypothesis import find

    smallest = find(plans(), lambda plan: True, settings=settings(database=None))
    assert len(smallest.sections) == 1 and len(smallest.boxes) == 1
    assert len(smallest.projects) == 1 and len(smallest.agencies) == 1
    assert smallest.indicators == []


@_BOUNDED
@given(plans().flatmap(revisions))
def test_revisions_come_with_the_diff_they_produce(revised: object) -> None:
    from plancheck.strategies import Revised

    assert isinstance(revised, Revised)
    assert diff(revised.base, revised.plan) == revised.expected, revised.description
    assert revised.expected, "a revision changes something"


CATALOGUE = load_catalogue(builtin_registry())


def test_every_rule_in_the_catalogue_has_a_violation() -> None:
    missing = sorted(set(CATALOGUE.rules) - set(violation_codes()))
    assert missing == [], f"no violations() for {missing}"
    assert set(violation_codes()) <= set(CATALOGUE.rules)


@pytest.mark.parametrize("code", violation_codes())
def test_each_violation_produces_exactly_its_findings(code: str) -> None:
    @settings(max_examples=_PER_RULE)
    @given(violations(code))
    def check(violation: Violation) -> None:
        with tempfile.TemporaryDirectory() as folder:
            report = violation.check(Path(folder))
        found = sorted(f.subject.key for f in report.findings if f.rule == code)
        assert found == list(violation.keys), violation.description
        other_errors = {
            f.rule
            for f in report.findings
            if f.rule != code and f.severity is Severity.ERROR and f.rule not in violation.also
        }
        assert other_errors == set(), violation.description
        for also in violation.also:
            assert any(f.rule == also for f in report.findings), violation.description

    check()


def test_violations_refuse_an_unknown_rule() -> None:
    with pytest.raises(ValueError, match="no rule 'PC999'"):
        violations("PC999")


@pytest.mark.parametrize("code", ["PC801", "PC803", "PC804", "PC805"])
def test_set_violations_are_checked_with_their_upper_plan(code: str) -> None:
    @settings(max_examples=2)
    @given(violations(code))
    def check(violation: Violation) -> None:
        assert len(violation.plan_files) == 2, violation.files.keys()
        with tempfile.TemporaryDirectory() as folder:
            report = violation.check(Path(folder))
        assert len(report.plans) == 2

    check()
