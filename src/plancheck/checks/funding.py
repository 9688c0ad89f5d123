"""Project funding: declared totals (PC201), missing or non-positive amounts (PC202)
and amounts not in money (PC203).

Totals are compared exactly: every amount is converted to the total's unit with a
factor obtained from pint (units differ only by powers of ten, so the factor is
exact as a Decimal), summed as Decimals, and the sum is rounded to the number of
decimals the document writes the total with.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from decimal import Decimal

from plancheck.checks._bounds import EXACT, amount_in, exact_sum, quantize
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import Plan, Project, Total
from plancheck.quantities import Comparator, Value, ValueStatus, is_currency


def _money(amount: Decimal, unit: str) -> str:
    """``272,340万元``: thousands separators, the digits as they are, the unit."""
    return f"{amount:,f}{unit}"


def _shown(value: Value) -> str:
    """A value for messages, with its unit even when the document left it implied."""
    if value.amount is None:
        return str(value)
    return value.comparator.symbol + _money(value.amount, value.unit or "")


def _components(total: Total, index: PlanIndex) -> list[Project] | NotApplicable:
    wanted = index.normalised(total.category) if total.category is not None else None
    if total.projects == "all":
        if wanted is None:
            projects = list(index.plan.projects)
        else:  # grouped once per plan, not filtered once per total
            projects = list(index.projects_by_category.get(wanted, []))
    else:
        projects = []
        for project_id in dict.fromkeys(total.projects):
            found = index.projects.get(project_id, [])
            if len(found) != 1:
                problem = "an undefined" if not found else "an ambiguous"
                return NotApplicable(f"the total lists {problem} project id (see PC005/PC006)")
            projects.append(found[0])
        if wanted is not None:
            projects = [p for p in projects if index.normalised(p.category or "") == wanted]
    if not projects:
        return NotApplicable("no project falls under the total (see PC005)")
    return projects


def _sum(projects: list[Project], unit: str) -> Decimal | NotApplicable:
    amounts = []
    for project in projects:
        funding = project.funding
        if funding is None or funding.amount is None or funding.unit is None:
            return NotApplicable("a project's funding is missing (see PC202)")
        if not is_currency(funding.unit):
            return NotApplicable("a project's funding is not in a currency unit (see PC203)")
        amounts.append(amount_in(funding, unit))
    return exact_sum(amounts)


# Totals written as a bound (以上, 不超过 …): does the sum satisfy "sum <op> bound"?
_BOUNDS: dict[Comparator, Callable[[Decimal, Decimal], bool]] = {
    Comparator.GT: operator.gt,
    Comparator.GE: operator.ge,
    Comparator.LT: operator.lt,
    Comparator.LE: operator.le,
}


@check("mismatched-total", given="totals")
def mismatched_total(total: Total, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A declared total must equal the sum of what it totals, at its written precision."""
    value = total.value
    if value.amount is None or value.unit is None:
        yield NotApplicable("the total gives no amount")
        return
    if not is_currency(value.unit):
        yield NotApplicable("the total is not in a currency unit (see PC203)")
        return
    projects = _components(total, index)
    if isinstance(projects, NotApplicable):
        yield projects
        return
    exact = _sum(projects, value.unit)
    if isinstance(exact, NotApplicable):
        yield exact
        return
    bound = _BOUNDS.get(value.comparator)
    if bound is not None:
        # A bound holds or not for the exact sum: rounding the sum to the bound's
        # precision would turn 0.62亿元 into 1亿元 against "小于1亿元".
        if not bound(exact, value.amount):
            yield Fail(
                args={"total": _shown(value), "sum": _money(exact.normalize(), value.unit)},
                evidence={
                    "expected": _shown(value),
                    "actual": _money(exact.normalize(), value.unit),
                },
                field="value",
                variant="bound",
            )
        return
    # "=" and "约": equal once the sum is rounded as the document rounds the total, or, when
    # the rows are in the total's own unit, as finely as the finest row is written: the
    # document adds such rows exactly, so a stray decimal in one row is a slip, not rounding.
    exponent = -value.decimals
    if value.comparator is Comparator.EQ and all(
        p.funding and p.funding.unit == value.unit for p in projects
    ):
        exponent = min([exponent, *(-p.funding.decimals for p in projects if p.funding)])
    rounded = quantize(exact, exponent)
    if rounded == quantize(value.amount, exponent):
        return
    difference = EXACT.subtract(value.amount, rounded)
    rows = _suspects(projects, value, EXACT.subtract(exact, value.amount))
    yield Fail(
        args={
            "total": _shown(value),
            "sum": _money(
                rounded.normalize() if exponent < -value.decimals else rounded, value.unit
            ),
            "difference": _money(abs(difference), value.unit),
            "rows_zh": "、".join(rows) if rows else "无法确定",
            "rows_en": ", ".join(rows) if rows else "none found",
        },
        evidence={
            "expected": _money(value.amount, value.unit),
            "actual": _money(exact.normalize(), value.unit),
            "difference": _money(difference, value.unit),
        },
        field="value",
    )


def _suspects(projects: list[Project], total: Value, excess: Decimal) -> list[str]:
    """Rows whose removal balances the total, or that are written more finely than it."""
    assert total.unit is not None
    removal = [
        p.name
        for p in projects
        if p.funding is not None and amount_in(p.funding, total.unit) == excess
    ]
    stray = [
        p.name
        for p in projects
        if p.funding is not None
        and p.funding.unit == total.unit
        and p.funding.decimals > total.decimals
    ]
    return list(dict.fromkeys(removal + stray))


@check("unfunded-project", given="projects")
def unfunded_project(project: Project, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Every funded project must state a positive amount."""
    funding = project.funding
    if funding is None or funding.status is ValueStatus.MISSING:
        yield Fail(evidence={"funding": "missing"}, field="funding")
        return
    if funding.status is ValueStatus.UNREADABLE:
        # Written but not readable: PC004 reports the cell; it is unknown here, not absent.
        yield NotApplicable(f"the funding could not be read (see PC004): {funding.problem}")
        return
    if funding.amount is None:
        yield Fail(
            args={"funding": str(funding)},
            evidence={"funding": str(funding)},
            field="funding",
            variant="none",
        )
        return
    if funding.amount <= 0:
        yield Fail(
            args={"funding": _shown(funding)},
            evidence={"funding": _shown(funding)},
            field="funding",
            variant="zero" if funding.amount == 0 else "negative",
        )


@check("non-currency-funding", given="plan", reports_on=("plan", "projects", "totals"))
def non_currency_funding(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Project funding and declared totals must be amounts of money."""
    for project in plan.projects:
        funding = project.funding
        if funding is not None and funding.unit is not None and not is_currency(funding.unit):
            yield Fail(
                args={"value": _shown(funding), "unit": funding.unit},
                evidence={"value": _shown(funding)},
                node=project,
                field="funding",
            )
    for total in plan.totals:
        value = total.value
        if value.unit is not None and not is_currency(value.unit):
            yield Fail(
                args={"value": _shown(value), "unit": value.unit},
                evidence={"value": _shown(value)},
                node=total,
                field="value",
                variant="total",
            )
