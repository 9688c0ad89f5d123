"""Targets written as changes ("下降16%", "提高4个百分点", "新增4500万人"): against the
indicator's direction (PC313) and against the levels the plan states (PC314); and
implausible growth between two levels, the trace of a 万/亿 slip (PC604).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Final

from pydantic import Field

from plancheck.checks import _bounds as b
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, NoParams
from plancheck.engine.registry import check
from plancheck.model import ClaimKind, Direction, Indicator, Node
from plancheck.quantities import ChangeDirection, Comparator, QuantityError, Value, is_percent

_WORDS: Final = {
    ChangeDirection.INCREASE: ("提高", "increase"),
    ChangeDirection.DECREASE: ("降低", "decrease"),
}


@dataclass(frozen=True, slots=True)
class _Stated:
    """A value stated for an indicator in some year: a table cell or a claim."""

    node: Node
    year: int | None
    value: Value
    since: int | None


def _stated(indicator: Indicator, index: PlanIndex) -> list[_Stated]:
    found = [
        _Stated(item, item.year, item.value, item.value.since)
        for item in b.table_values(indicator)
        if item.value is not None and item.value.is_given
    ]
    for claim in index.claims_by_indicator.get(indicator.id, []):
        if claim.kind is ClaimKind.GROWTH or not claim.value.is_given:
            continue
        found.append(_Stated(claim, claim.year, claim.value, claim.value.since or claim.base_year))
    return found


# -- PC313 -----------------------------------------------------------------------------


@check("change-against-direction", given="indicators")
def change_against_direction(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A target written as a change must go the way the indicator should go."""
    if indicator.direction not in (Direction.INCREASE, Direction.DECREASE):
        yield NotApplicable("the indicator should neither increase nor decrease")
        return
    changes = [s for s in _stated(indicator, index) if s.value.change is not None]
    if not changes:
        yield NotApplicable("no value of the indicator is written as a change")
        return
    wanted = (
        ChangeDirection.INCREASE
        if indicator.direction is Direction.INCREASE
        else ChangeDirection.DECREASE
    )
    for stated in changes:
        change = stated.value.change
        if change is None or change is wanted or stated.value.amount == 0:
            continue
        yield Fail(
            args={
                "indicator": indicator.name,
                "value": b.shown(stated.value),
                "year": stated.year if stated.year is not None else "?",
                "direction_zh": _WORDS[wanted][0],
                "direction_en": _WORDS[wanted][1],
            },
            evidence={"value": b.shown(stated.value), "direction": indicator.direction.value},
            node=stated.node,
            field="value",
        )


# -- PC314 -----------------------------------------------------------------------------


def _level(indicator: Indicator, index: PlanIndex, year: int) -> Value | None:
    for stated in _stated(indicator, index):
        if stated.year == year and stated.value.is_level:
            return stated.value
    return None


def _actual_change(change: Value, start: Value, end: Value) -> tuple[Decimal, str] | str:
    """The change the two levels make, in the change's own unit; or why it cannot be told."""
    unit = change.unit
    try:
        first, last, common = b.in_common_unit(start, end)
    except QuantityError:
        return "the levels are in incompatible units (see PC302)"
    if unit == "百分点":
        if common is None or not is_percent(common):
            return "a change in percentage points needs levels in %"
        return b.EXACT.subtract(last, first), unit
    if unit is not None and is_percent(unit):
        if common is not None and is_percent(common):
            return "a change in % of a level in % may be relative or in points"
        if first <= 0:
            return "a relative change needs a positive starting level"
        ratio = b.EXACT.divide(last, first)
        return b.EXACT.multiply(b.EXACT.subtract(ratio, Decimal(1)), Decimal(100)), unit
    try:
        return b.EXACT.subtract(last, first) * b.factor(common, unit), unit or ""
    except QuantityError:
        return "the change and the levels are in incompatible units"


def _agrees(change: Value, actual: Decimal) -> bool:
    amount = change.amount or Decimal(0)
    signed = amount if change.change is ChangeDirection.INCREASE else -amount
    if change.comparator in (Comparator.EQ, Comparator.ABOUT):
        exponent = b.significant_exponent(change, change.unit)
        return b.quantize(actual, exponent) == b.quantize(signed, exponent)
    up = change.comparator in (Comparator.GT, Comparator.GE)
    more = up == (change.change is ChangeDirection.INCREASE)
    # "提高4个百分点以上": at least +4; "下降16%以上": at most -16.
    return actual >= signed if more else actual <= signed


@check("change-contradicting-levels", given="indicators")
def change_contradicting_levels(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A change must be the difference of the levels the plan states for its two years."""
    changes = [s for s in _stated(indicator, index) if s.value.change is not None]
    if not changes:
        yield NotApplicable("no value of the indicator is written as a change")
        return
    judged = False
    reason = "the plan states no level for a change's two years"
    for stated in changes:
        since = stated.since
        if since is None and indicator.baseline is not None:
            since = indicator.baseline.year
        if since is None or stated.year is None:
            continue
        start = _level(indicator, index, since)
        end = _level(indicator, index, stated.year)
        if start is None or end is None:
            continue
        actual = _actual_change(stated.value, start, end)
        if isinstance(actual, str):
            reason = actual
            continue
        judged = True
        amount, unit = actual
        if _agrees(stated.value, amount):
            continue
        sign = "+" if amount >= 0 else "−"
        computed = f"{sign}{b.number(abs(amount).quantize(Decimal('0.01')))}{unit}"
        yield Fail(
            args={
                "indicator": indicator.name,
                "value": b.shown(stated.value),
                "since": since,
                "year": stated.year,
                "start": b.shown(start),
                "end": b.shown(end),
                "computed": computed,
            },
            evidence={
                "change": f"{b.shown(stated.value)} ({since}–{stated.year})",
                "levels": f"{b.shown(start)} → {b.shown(end)}",
            },
            node=stated.node,
            field="value",
        )
    if not judged:
        yield NotApplicable(reason)


# -- PC604 -----------------------------------------------------------------------------


class ImplausibleGrowthParams(CheckParams):
    max_annual_growth: float = Field(
        default=250,
        gt=0,
        description="Largest plausible growth in % a year between two stated levels "
        "(250 allows 3.5 times the amount every year).",
    )


@check(
    "implausible-growth",
    given="indicators",
    params=ImplausibleGrowthParams,
)
def implausible_growth(
    indicator: Indicator, index: PlanIndex, params: ImplausibleGrowthParams
) -> Iterator[Result]:
    """Two levels of one amount must not imply a growth or fall beyond the plausible bound."""
    bound = 1 + params.max_annual_growth / 100
    points = sorted(
        (s for s in _stated(indicator, index) if s.year is not None and s.value.is_level),
        key=lambda s: s.year or 0,
    )
    points = [s for s in points if b.is_additive(s.value.unit)]
    if len(points) < 2:
        yield NotApplicable("fewer than two levels of an additive amount (money, counts …)")
        return
    for earlier, later in pairwise(points):
        years = (later.year or 0) - (earlier.year or 0)
        if years <= 0:
            continue
        try:
            first, second, _ = b.in_common_unit(earlier.value, later.value)
        except QuantityError:
            continue
        low_first = b.lower_end(earlier.value.comparator, first)
        high_first = b.upper_end(earlier.value.comparator, first)
        low_second = b.lower_end(later.value.comparator, second)
        high_second = b.upper_end(later.value.comparator, second)
        least = (
            float(low_second[0]) / float(high_first[0])
            if low_second is not None and high_first is not None and high_first[0] > 0
            else None
        )
        most = (
            float(high_second[0]) / float(low_first[0])
            if high_second is not None and low_first is not None and low_first[0] > 0
            else None
        )
        rising = least is not None and least > 0 and least ** (1 / years) > bound
        falling = most is not None and most > 0 and most ** (1 / years) < 1 / bound
        if not (rising or falling):
            continue
        ratio = least if rising else most
        assert ratio is not None
        rate = (ratio ** (1 / years) - 1) * 100
        yield Fail(
            args={
                "indicator": indicator.name,
                "first": b.shown(earlier.value),
                "first_year": earlier.year,
                "second": b.shown(later.value),
                "second_year": later.year,
                "rate": _annual_rate(rate),
                "times": f"{ratio:.3g}" if not math.isinf(ratio) else "∞",
                "bound": f"{params.max_annual_growth:g}%",
            },
            evidence={
                "first": f"{b.shown(earlier.value)} ({earlier.year})",
                "second": f"{b.shown(later.value)} ({later.year})",
            },
            node=later.node,
            field="value",
            variant=None if rising else "fall",
        )


def _annual_rate(rate: float) -> str:
    """``+640%``; a rate of a million per cent or more in three figures (``+1e+14%``):
    written out in full, a float shows digits it never had (+10000000000000022528%)."""
    if math.isinf(rate):
        return "+∞%"
    return f"{rate:+.0f}%" if abs(rate) < 1e6 else f"{rate:+.3g}%"
