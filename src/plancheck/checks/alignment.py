"""Alignment with upper-level plans (PC8xx, 衔接): targets that undercut the upper
plan's (PC801), links to plans or indicators outside the set (PC802), units that do
not convert across a link (PC803), misquoted upper figures (PC804), periods that
differ from the plan the document says it follows (PC805) and plans of one run that
share an id (PC806).

These rules are set-level: they run after every plan of the run has been checked on
its own, with a ``SetIndex`` that also holds the other plans. A finding sits on the
lower plan's entity; its evidence names the upper plan and indicator, so its
fingerprint covers both plans.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Final

from pydantic import Field

from plancheck.checks import _bounds as b
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, NoParams
from plancheck.engine.planset import SetIndex, citation_year
from plancheck.engine.registry import check
from plancheck.model import (
    AlignmentLink,
    Claim,
    Indicator,
    IndicatorType,
    IndicatorValue,
    Node,
    Plan,
    Relation,
)
from plancheck.quantities import Comparator, QuantityError, Value
from plancheck.records import PlanReport, Severity

_NOT_IN_SET: Final = "the linked plan is not in the checked set (see PC802)"
_NO_UPPER_INDICATOR: Final = "the linked indicator is not in the upper plan (see PC802)"
_RELATION_ZH: Final = {
    Relation.NOT_BELOW: "不低于",
    Relation.NOT_ABOVE: "不高于",
    Relation.EQUAL: "等于",
    Relation.RESTATES: "照录",
}
_RELATION_EN: Final = {
    Relation.NOT_BELOW: "not below",
    Relation.NOT_ABOVE: "not above",
    Relation.EQUAL: "equal to",
    Relation.RESTATES: "restating",
}


def _set(index: PlanIndex) -> SetIndex:
    if not isinstance(index, SetIndex):
        raise TypeError("alignment rules are set-level: they need a SetIndex")
    return index


def _links(node: Node) -> list[tuple[str, str]]:
    """(plan, indicator) of every link an entity makes."""
    if isinstance(node, Indicator):
        return [(link.plan, link.indicator) for link in node.aligns_with]
    if isinstance(node, Claim) and node.cite is not None:
        return [(node.cite.plan, node.cite.indicator)]
    return []


def _upper(index: SetIndex, plan_id: str, indicator_id: str) -> Indicator | NotApplicable:
    if index.set.count(plan_id) > 1:
        return NotApplicable(f"two plans of the set have the id {plan_id} (see PC806)")
    found = index.upper_indicator(plan_id, indicator_id)
    if found is None:
        upper = index.set.get(plan_id)
        return NotApplicable(_NOT_IN_SET if upper is None else _NO_UPPER_INDICATOR)
    return found


def _upper_plan(index: SetIndex, plan_id: str) -> Plan:
    upper = index.set.get(plan_id)
    assert upper is not None
    return upper.plan


def _unit(indicator: Indicator) -> str | None:
    if indicator.unit is not None:
        return indicator.unit
    for item in b.table_values(indicator):
        if item.value is not None and item.value.unit is not None:
            return item.value.unit
    return None


def _comparable(lower: Value, upper: Value) -> tuple[Decimal, Decimal, str | None] | str:
    """Both amounts in one unit, or why they cannot be compared."""
    if lower.is_change != upper.is_change or lower.cumulative != upper.cumulative:
        return "one value is a level and the other a change or a sum"
    if not lower.is_given or not upper.is_given:
        return "a value is not given"
    if lower.is_change and (lower.change, lower.since) != (upper.change, upper.since):
        return "the values are changes of different kinds or from different years"
    if not b.same_qualifier(lower, upper):
        return "the values qualify different populations"
    try:
        upper_amount, lower_amount, unit = b.in_common_unit(upper, lower)
        return lower_amount, upper_amount, unit
    except QuantityError:
        return "the units do not convert (see PC803)"


# -- PC801 ---------------------------------------------------------------------------


def _before(lower: Plan, upper: Plan) -> bool:
    """Whether ``lower`` was issued before ``upper``, as far as both dates tell."""
    a, c = lower.issued_date, upper.issued_date
    if a is None or c is None:
        return False
    for x, y in ((a.year, c.year), (a.month, c.month), (a.day, c.day)):
        if x is None or y is None:
            return False
        if x != y:
            return x < y
    return False


def _undercuts(
    relation: Relation, lower: Value, upper: Value, amounts: tuple[Decimal, Decimal]
) -> bool:
    """Whether the lower target's set of values breaks the relation to the upper one.

    The same threshold written strictly or not agrees ("超过50%" and 50%); a lower target
    written as a bound the other way (a ceiling "45%以内" for not-below) allows values on
    the wrong side however high its threshold.
    """
    mine, theirs = amounts
    own, other = b.sense(lower.comparator), b.sense(upper.comparator)
    if relation is Relation.NOT_BELOW:
        return mine < theirs or own < 0 <= other
    if relation is Relation.NOT_ABOVE:
        return mine > theirs or own > 0 >= other
    return mine != theirs or own * other < 0


def _year_pairs(lower: Indicator, upper: Indicator) -> list[tuple[IndicatorValue, IndicatorValue]]:
    by_year = {t.year: t for t in upper.targets if t.year is not None}
    return [(t, by_year[t.year]) for t in lower.targets if t.year in by_year]


@check("undercut-upper-target", given="set-indicators")
def undercut_upper_target(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A lower plan's target must not fall short of the upper plan's for the same year."""
    found = _set(index)
    for link in indicator.aligns_with:
        if link.relation is Relation.RESTATES:
            yield NotApplicable("a restated figure is checked as a quotation (PC804)")
            continue
        upper = _upper(found, link.plan, link.indicator)
        if isinstance(upper, NotApplicable):
            yield upper
            continue
        pairs = _year_pairs(indicator, upper)
        if not pairs:
            yield NotApplicable("the two indicators have no target year in common")
            continue
        for mine, theirs in pairs:
            if mine.value is None or theirs.value is None:
                yield NotApplicable("a target is not given")
                continue
            compared = _comparable(mine.value, theirs.value)
            if isinstance(compared, str):
                yield NotApplicable(compared)
                continue
            lower_amount, upper_amount, _ = compared
            if _undercuts(link.relation, mine.value, theirs.value, (lower_amount, upper_amount)):
                yield _undercut(found, indicator, link, upper, mine, theirs)


def _undercut(
    index: SetIndex,
    indicator: Indicator,
    link: AlignmentLink,
    upper: Indicator,
    mine: IndicatorValue,
    theirs: IndicatorValue,
) -> Fail:
    upper_plan = _upper_plan(index, link.plan)
    stale = _before(index.plan, upper_plan)
    binding = upper.type is IndicatorType.BINDING
    severity = Severity.INFO if stale else Severity.ERROR if binding else Severity.WARNING
    assert mine.value is not None and theirs.value is not None
    return Fail(
        args={
            "indicator": indicator.name,
            "year": mine.year,
            "lower": b.shown(mine.value),
            "upper": b.shown(theirs.value),
            "upper_indicator": upper.name,
            "upper_plan": upper_plan.title,
            "relation_zh": _RELATION_ZH[link.relation],
            "relation_en": _RELATION_EN[link.relation],
            "type_zh": "约束性" if binding else "",
            "type_en": "binding " if binding else "",
            "issued": index.plan.issued or "?",
            "upper_issued": upper_plan.issued or "?",
        },
        evidence={
            "upper": f"{link.plan}/{link.indicator}",
            "relation": link.relation.value,
            "lower_target": f"{b.shown(mine.value)} ({mine.year})",
            "upper_target": f"{b.shown(theirs.value)} ({theirs.year})",
        },
        severity=severity,
        node=mine,
        field="value",
        variant="stale" if stale else None,
    )


# -- PC802 ---------------------------------------------------------------------------


class RequireLinksParams(CheckParams):
    require_links: bool = Field(
        default=False,
        description="Report a link outside the set as an error "
        "(command line: --require-links); otherwise it is not judged.",
    )


@check(
    "unresolved-link",
    given="set-links",
    params=RequireLinksParams,
)
def unresolved_link(node: Node, index: PlanIndex, params: RequireLinksParams) -> Iterator[Result]:
    """Every plan and indicator a link names is in the checked set."""
    found = _set(index)
    for plan_id, indicator_id in _links(node):
        count = found.set.count(plan_id)
        if count > 1:
            yield NotApplicable(f"two plans of the set have the id {plan_id} (see PC806)")
            continue
        upper = found.set.get(plan_id)
        if upper is not None and len(upper.indicators.get(indicator_id, [])) == 1:
            continue
        missing_plan = upper is None
        reason = _NOT_IN_SET if missing_plan else _NO_UPPER_INDICATOR
        if not params.require_links:
            yield NotApplicable(reason)
            continue
        yield Fail(
            args={
                "plan_id": plan_id,
                "indicator_id": indicator_id,
                "upper_plan": plan_id if upper is None else upper.plan.title,
            },
            evidence={"upper": f"{plan_id}/{indicator_id}"},
            field="cite" if isinstance(node, Claim) else "aligns_with",
            variant="plan" if missing_plan else None,
        )


# -- PC803 ---------------------------------------------------------------------------


@check("link-unit-mismatch", given="set-links")
def link_unit_mismatch(node: Node, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """The two ends of a link measure the same kind of thing (units that convert)."""
    found = _set(index)
    for plan_id, indicator_id in _links(node):
        upper = _upper(found, plan_id, indicator_id)
        if isinstance(upper, NotApplicable):
            yield upper
            continue
        upper_unit = _unit(upper)
        if isinstance(node, Claim):
            mine = node.value.unit if node.value.is_given else None
            name = node.quote
        else:
            assert isinstance(node, Indicator)
            mine = _unit(node)
            name = node.name
        if mine is None or upper_unit is None:
            yield NotApplicable("a unit is not known at one end of the link")
            continue
        if b.compatible(mine, upper_unit):
            continue
        yield Fail(
            args={
                "name": name,
                "unit": mine,
                "upper_unit": upper_unit,
                "upper_indicator": upper.name,
                "upper_plan": _upper_plan(found, plan_id).title,
            },
            evidence={"upper": f"{plan_id}/{indicator_id}", "units": f"{mine} / {upper_unit}"},
            field="cite" if isinstance(node, Claim) else "unit",
        )


# -- PC804 ---------------------------------------------------------------------------


def _same_figure(quoted: Value, upper: Value) -> bool | str:
    """Whether a quotation gives the upper figure (at the quotation's precision)."""
    compared = _comparable(quoted, upper)
    if isinstance(compared, str):
        return compared
    mine, theirs, unit = compared
    exponent = b.significant_exponent(quoted, unit)
    if upper.comparator is Comparator.ABOUT:
        exponent = max(exponent, b.significant_exponent(upper, unit))
    if b.quantize(theirs, exponent) != b.quantize(mine, exponent):
        return False
    # "超过2亿" quotes a target of 2.0亿 (the same threshold); "2亿以下" does not.
    return b.sense(quoted.comparator) * b.sense(upper.comparator) >= 0


def _quotations(
    node: Node, index: SetIndex
) -> Iterator[tuple[Value, IndicatorValue | None, int | None, str, str] | NotApplicable]:
    """(quoted value, upper entry, year, plan id, indicator id) for each quotation."""
    if isinstance(node, Claim) and node.cite is not None:
        upper = _upper(index, node.cite.plan, node.cite.indicator)
        if isinstance(upper, NotApplicable):
            yield upper
            return
        year = citation_year(node)
        entry = b.value_in_year(upper, year) if year is not None else None
        yield node.value, entry, year, node.cite.plan, node.cite.indicator
        return
    assert isinstance(node, Indicator)
    for link in node.aligns_with:
        if link.relation is not Relation.RESTATES:
            continue
        upper = _upper(index, link.plan, link.indicator)
        if isinstance(upper, NotApplicable):
            yield upper
            continue
        for item in b.table_values(node):
            if item.value is None or item.year is None:
                continue
            entry = b.value_in_year(upper, item.year)
            if entry is not None:
                yield item.value, entry, item.year, link.plan, link.indicator


@check("misquoted-upper-figure", given="set-links")
def misquoted_upper_figure(node: Node, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A figure quoted from an upper plan is the figure that plan gives."""
    found = _set(index)
    quoted_any = False
    for item in _quotations(node, found):
        if isinstance(item, NotApplicable):
            yield item
            continue
        quoted_any = True
        value, entry, year, plan_id, indicator_id = item
        if entry is None or entry.value is None:
            yield NotApplicable("the upper plan gives no figure for the quoted year")
            continue
        same = _same_figure(value, entry.value)
        if isinstance(same, str):
            yield NotApplicable(same)
            continue
        if same:
            continue
        upper = _upper(found, plan_id, indicator_id)
        assert isinstance(upper, Indicator)
        yield Fail(
            args={
                "quoted": b.shown(value),
                "year": year,
                "upper": b.shown(entry.value),
                "upper_indicator": upper.name,
                "upper_plan": _upper_plan(found, plan_id).title,
            },
            evidence={
                "upper": f"{plan_id}/{indicator_id}",
                "quoted": f"{b.shown(value)} ({year})",
                "upper_figure": b.shown(entry.value),
            },
            node=node if isinstance(node, Claim) else _value_node(node, year),
            field="value",
        )
    if not quoted_any and isinstance(node, Indicator):
        yield NotApplicable("the indicator restates no upper figure")


def _value_node(indicator: Node, year: int | None) -> Node:
    assert isinstance(indicator, Indicator)
    for item in b.table_values(indicator):
        if item.year == year:
            return item
    return indicator


# -- PC805 ---------------------------------------------------------------------------


@check("period-differs-from-basis", given="set-plans")
def period_differs_from_basis(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A plan's period follows the plans it is based on (794号 art. 4)."""
    found = _set(index)
    resolved = False
    for entry in plan.based_on:
        upper = found.set.resolve(entry)
        if upper is None or upper.plan is plan:
            continue
        resolved = True
        basis = upper.plan
        if (basis.period.start, basis.period.end) == (plan.period.start, plan.period.end):
            continue
        yield Fail(
            args={
                "period": str(plan.period),
                "upper_period": str(basis.period),
                "upper_plan": basis.title,
            },
            evidence={"upper": basis.id, "periods": f"{plan.period} / {basis.period}"},
            field="period",
        )
    if not resolved:
        yield NotApplicable("no plan it is based on is in the checked set")


# -- PC806 ---------------------------------------------------------------------------

# How many of the other plans with the same id a PC806 message names.
_NAMED: Final = 3


@check("duplicate-plan-id", given="set-member")
def duplicate_plan_id(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """No other plan of the run has this plan's id."""
    found = _set(index)
    own = found.report
    if own is None:
        yield NotApplicable("the plan was not checked as part of a run")
        return
    same = found.set.reports_with(plan.id)
    if len(same) < 2:
        return
    # A few of the others by name, the rest by number: a folder of 10,000 copies must
    # not give 10,000 messages naming 9,999 files each.
    shown = list(islice((r for r in same if r is not own), _NAMED))
    named = [_relative(_plan_file(report), _plan_file(own)) for report in shown]
    more = len(same) - 1 - len(shown)
    args = {
        "id": plan.id,
        "others_zh": "、".join(named) + (f" 等 {len(same) - 1} 个规划" if more else ""),
        "others_en": ", ".join(named) + (f" and {more} more" if more else ""),
    }
    yield Fail(args=args, field="id")


def _plan_file(report: PlanReport) -> str:
    # A plan folder's report names the folder; its first file is the plan file itself.
    return report.files[0] if report.files else report.path


def _relative(path: str, start: str) -> str:
    """The plan file ``path`` as seen from the plan file ``start`` (as a link would be)."""
    if not path or not start:
        return path or "?"
    try:
        return Path(
            os.path.relpath(Path(path).absolute(), Path(start).absolute().parent)
        ).as_posix()
    except ValueError:  # another drive: no relative path
        return Path(path).as_posix()
