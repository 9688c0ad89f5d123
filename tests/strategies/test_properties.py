"""plancheck's own properties, drawn with plancheck.strategies.

The ``ci`` Hypothesis profile (tests/conftest.py) keeps these bounded;
``HYPOTHESIS_PROFILE=long pytest tests/strategies`` runs thousands of examples.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck import Checker, Plan, Report, diff, dump, load, parse_value, render
from plancheck.plan_diff._values import money
from plancheck.strategies import Revised, plans, revisions
from tests.conftest import CORPUS, PROFILE_NAME

_CHECKER = Checker()
# Each example checks whole plans: a few in CI, the profile's many under `long`.
_BOUNDED = settings(max_examples=8) if PROFILE_NAME == "ci" else settings()


def _check(plan: Plan) -> Report:
    return _CHECKER.report([_CHECKER.check_plan(plan)])


def _judged(report: Report) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.subject.key, f.severity.value) for f in report.findings)


@_BOUNDED
@given(plans())
def test_checking_is_deterministic(plan: Plan) -> None:
    first, second = _check(plan), _check(plan.model_copy(deep=True))
    assert render(first, "json") == render(second, "json")


@_BOUNDED
@given(plans())
def test_dump_then_load_is_the_identity(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        again = load(dump(plan, Path(folder) / "plan.yaml"))
    assert again == plan


_TWO_PROJECTS = plans().filter(lambda plan: len(plan.projects) >= 2)


@_BOUNDED
@given(_TWO_PROJECTS.flatmap(lambda plan: revisions(plan, kinds=["move"])))
def test_moving_money_with_every_total_kept_gives_no_funding_finding(revised: Revised) -> None:
    report = _check(revised.plan)
    assert [f.rule for f in report.findings if f.rule.startswith("PC2")] == []
    assert report.findings == []


def _in_yi(plan: Plan, chosen: list[bool]) -> Plan:
    """The chosen projects' funding written in 亿元 instead, the same amount."""
    projects = []
    for project, rewrite in zip(plan.projects, chosen, strict=False):
        amount = money(project.funding, "亿元") if rewrite else None
        if amount is not None:
            text = f"{amount.normalize():f}亿元"
            project = project.model_copy(update={"funding": parse_value(text)})
        projects.append(project)
    return plan.model_copy(update={"projects": projects + plan.projects[len(projects) :]})


@_BOUNDED
@given(plans(currency="万元"), st.lists(st.booleans(), min_size=1, max_size=12))
def test_writing_amounts_in_yi_instead_of_wan_changes_no_finding(
    plan: Plan, chosen: list[bool]
) -> None:
    assert _judged(_check(_in_yi(plan, chosen))) == _judged(_check(plan))


def test_writing_the_corpus_funding_in_yi_changes_no_finding() -> None:
    corpus = load(CORPUS)
    rewritten = _in_yi(corpus, [True] * len(corpus.projects))
    assert rewritten.projects[0].funding is not None
    assert rewritten.projects[0].funding.unit == "亿元"
    assert money(rewritten.projects[0].funding, "万元") == Decimal(30000)
    assert _judged(_check(rewritten)) == _judged(_check(corpus))


@_BOUNDED
@given(plans())
def test_a_plan_against_itself_is_no_diff(plan: Plan) -> None:
    assert not diff(plan, plan)


@_BOUNDED
@given(plans(), plans())
def test_diff_of_any_two_plans_inverts(a: Plan, b: Plan) -> None:
    assert diff(b, a) == diff(a, b).inverse()


@_BOUNDED
@given(plans().flatmap(revisions))
def test_a_revision_diff_inverts_and_names_what_was_done(revised: Revised) -> None:
    forward = diff(revised.base, revised.plan)
    assert forward == revised.expected
    assert diff(revised.plan, revised.base) == forward.inverse()
