"""Indicators and targets: direction (PC301), units (PC302), percentages (PC303),
text against table (PC304), targets outside the table (PC305), parts and wholes
(PC306) and indicator type (PC307).

Every comparison converts both amounts to one unit exactly (``_bounds``) and reads
comparators as the ends of the set of values an amount allows: a target "> 98"
allows only values above 98, so it improves on a baseline of 98; "<= 5" allows
nothing above 5, so it cannot improve on a baseline of 5.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final
from weakref import WeakKeyDictionary

from pydantic import Field

from plancheck._patterns import lazy_pattern
from plancheck.checks import _bounds as b
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, DistinctTexts, NoParams
from plancheck.engine.registry import check
from plancheck.model import (
    Claim,
    ClaimKind,
    Direction,
    Indicator,
    IndicatorType,
    IndicatorValue,
    Plan,
)
from plancheck.quantities import (
    ChangeDirection,
    Comparator,
    QuantityError,
    Value,
    ValueStatus,
    is_percent,
)
from plancheck.records import Severity

INCOMPATIBLE_UNITS: Final = "the values are in incompatible units (see PC302)"
UNDEFINED_INDICATOR: Final = (
    "the claim names an undefined or duplicated indicator (see PC005/PC006)"
)

_DIRECTION_ZH: Final = {
    Direction.INCREASE: "提高",
    Direction.DECREASE: "降低",
    Direction.MAINTAIN: "保持",
}
_DIRECTION_EN: Final = {
    Direction.INCREASE: "increase",
    Direction.DECREASE: "decrease",
    Direction.MAINTAIN: "stay the same",
}


def _year(item: IndicatorValue | Claim) -> str:
    return str(item.year) if item.year is not None else "?"


def _role(indicator: Indicator, item: IndicatorValue) -> tuple[str, str]:
    """What a table value is, in both languages: baseline, target or another value."""
    if item is indicator.baseline:
        return "基期值", "baseline"
    if any(item is target for target in indicator.targets):
        return "目标值", "target"
    return "数值", "value"


# -- PC301 ---------------------------------------------------------------------------


def _improvement(
    direction: Direction,
    baseline: Value,
    target: Value,
    unit: str | None,
    amounts: tuple[Decimal, Decimal],
) -> str | None:
    """None when the target improves; else the message variant that says how it fails.

    ``amounts`` are those of ``baseline`` and ``target`` expressed in ``unit``.
    """
    base, goal = amounts
    reference = b.point(baseline.comparator, base)
    low = b.lower_end(target.comparator, goal)
    high = b.upper_end(target.comparator, goal)
    if direction is Direction.MAINTAIN:
        if target.comparator is Comparator.ABOUT or baseline.comparator is Comparator.ABOUT:
            exponent = max(
                b.significant_exponent(target, unit), b.significant_exponent(baseline, unit)
            )
            held = b.quantize(goal, exponent) == b.quantize(base, exponent)
        else:
            held = (low is None or low <= reference) and (high is None or reference <= high)
        return None if held else "maintain"
    # ``committed``: the least progress every allowed value makes (the lower end for an
    # increase); ``best``: the most progress any allowed value makes (the upper end).
    committed, best = (low, high) if direction is Direction.INCREASE else (high, low)
    sign = 1 if direction is Direction.INCREASE else -1
    if committed is not None and sign * _order(committed, reference) > 0:
        return None
    if best is not None and sign * _order(best, reference) < 0:
        return "worse"
    if b.sense(target.comparator) == 0 and goal == base:
        return "equal"
    return "unrequired"


def _order(x: b.Bound, y: b.Bound) -> int:
    return (x > y) - (x < y)


@check("unimproved-target", given="indicators")
def unimproved_target(indicator: Indicator, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Each target must improve on the baseline in the indicator's direction."""
    direction = indicator.direction
    if direction is None:
        yield NotApplicable("the indicator's direction cannot be told")
        return
    baseline = indicator.baseline
    if baseline is None or baseline.value is None:
        yield NotApplicable("the indicator has no baseline")
        return
    if baseline.value.status is ValueStatus.NONE:
        yield NotApplicable("the baseline is explicitly none (——)")
        return
    if not baseline.value.is_level:
        yield NotApplicable(b.why_not_level(baseline.value, "baseline"))
        return
    targets = [(t, t.value) for t in indicator.targets if t.value is not None and t.value.is_level]
    if not targets:
        written = [t.value for t in indicator.targets if t.value is not None]
        yield NotApplicable(
            b.why_not_level(written[0], "target") if written else "the indicator gives no target"
        )
        return
    judged = False
    base_value = baseline.value
    reasons: list[str] = []
    for target, goal_value in targets:
        if not b.same_qualifier(base_value, goal_value):
            reasons.append("the baseline and the target qualify different populations")
            continue
        try:
            base, goal, unit = b.in_common_unit(base_value, goal_value)
        except QuantityError:
            reasons.append(INCOMPATIBLE_UNITS)
            continue
        judged = True
        variant = _improvement(direction, base_value, goal_value, unit, (base, goal))
        if variant is None:
            continue
        target_text = b.shown(goal_value)
        baseline_text = b.shown(base_value)
        yield Fail(
            args={
                "indicator": indicator.name,
                "year": _year(target),
                "target": target_text,
                "baseline_year": _year(baseline),
                "baseline": baseline_text,
                "direction_zh": _DIRECTION_ZH[direction],
                "direction_en": _DIRECTION_EN[direction],
            },
            evidence={
                "target": f"{target_text} ({_year(target)})",
                "baseline": f"{baseline_text} ({_year(baseline)})",
                "direction": direction.value,
            },
            severity=Severity.WARNING if variant in ("equal", "unrequired") else None,
            node=target,
            field="value",
            variant=None if variant == "worse" else variant,
        )
    if not judged:
        yield NotApplicable(reasons[0])


# -- PC302 ---------------------------------------------------------------------------


def _reference_unit(indicator: Indicator) -> str | NotApplicable | None:
    """The unit every value of ``indicator`` must convert to: its own, else its first value's."""
    if indicator.unit is not None:
        try:
            return b.unit_of(indicator.unit)
        except QuantityError:
            return NotApplicable("the indicator's unit is not a known unit")
    for item in b.table_values(indicator):
        if item.value is not None and item.value.is_given:
            return item.value.unit
    return NotApplicable("the indicator has no unit and no value")


def _relative_change(value: Value) -> bool:
    """A change in % ("比2005年下降10%") is relative, so it fits a level in any unit."""
    return value.change is not None and value.unit is not None and is_percent(value.unit)


@check("incompatible-unit", given="indicators")
def incompatible_unit(indicator: Indicator, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Table values and the text's claims about an indicator must be in convertible units."""
    unit = _reference_unit(indicator)
    if isinstance(unit, NotApplicable):
        yield unit
        return
    shown_unit = unit if unit is not None else "none"
    names = {
        "indicator": indicator.name,
        "indicator_unit_zh": f"“{unit}”" if unit is not None else "（无单位，即纯数值）",
        "indicator_unit_en": f"“{unit}”" if unit is not None else "(none: a pure number)",
    }
    judged = False
    for item in b.table_values(indicator):
        value = item.value
        if value is None or not value.is_given:
            continue
        judged = True
        if b.compatible(unit, value.unit) or _relative_change(value):
            continue
        role_zh, role_en = _role(indicator, item)
        yield Fail(
            args={
                **names,
                "value": b.shown(value),
                "unit": value.unit or "",
                "year": _year(item),
                "role_zh": role_zh,
                "role_en": role_en,
            },
            evidence={"indicator_unit": shown_unit, "value": f"{b.shown(value)} ({_year(item)})"},
            node=item,
            field="value",
        )
    for claim in index.claims_by_indicator.get(indicator.id, []):
        value = claim.value
        if claim.kind is ClaimKind.GROWTH or not value.is_given:
            continue  # a growth rate is a rate of the indicator, not an amount of it
        judged = True
        if b.compatible(unit, value.unit) or _relative_change(value):
            continue
        yield Fail(
            args={
                **names,
                "value": b.shown(value),
                "unit": value.unit or "",
                "quote": claim.quote,
            },
            evidence={"indicator_unit": shown_unit, "claim": b.shown(value)},
            node=claim,
            field="value",
            variant="claim",
        )
    if not judged:
        yield NotApplicable("the indicator has no value")


# -- PC303 ---------------------------------------------------------------------------

_ZERO: Final = (Decimal(0), 0)
_HUNDRED: Final = (Decimal(100), 0)


def _out_of_range(value: Value, may_exceed: bool) -> bool:
    if value.amount is None or value.unit is None or not is_percent(value.unit):
        return False
    if value.change is not None:
        # A change may exceed 100% upward; a fall by more than 100% is impossible.
        return value.change is ChangeDirection.DECREASE and value.amount > 100
    low = b.lower_end(value.comparator, value.amount)
    high = b.upper_end(value.comparator, value.amount)
    if high is not None and high < _ZERO:
        return True
    return not may_exceed and low is not None and low > _HUNDRED


class PercentageRangeParams(CheckParams):
    allow_over_100: DistinctTexts = Field(
        default=(), description="Ids of indicators whose percentages may exceed 100%."
    )


@check(
    "percentage-out-of-range",
    given="plan",
    reports_on=("indicator-values", "claims"),
    params=PercentageRangeParams,
)
def percentage_out_of_range(
    plan: Plan, index: PlanIndex, params: PercentageRangeParams
) -> Iterator[Result]:
    """Every amount written in % must lie between 0 and 100%."""
    exempt = set(params.allow_over_100)
    for indicator in plan.indicators:
        for item in b.table_values(indicator):
            value = item.value
            if value is None or not _out_of_range(value, indicator.id in exempt):
                continue
            role_zh, role_en = _role(indicator, item)
            yield Fail(
                args={
                    "indicator": indicator.name,
                    "year": _year(item),
                    "value": b.shown(value),
                    "role_zh": role_zh,
                    "role_en": role_en,
                },
                evidence={"value": f"{b.shown(value)} ({_year(item)})"},
                node=item,
                field="value",
            )
    for claim in plan.claims:
        if claim.kind is ClaimKind.GROWTH:
            continue  # growth rates may be negative or exceed 100%
        if not _out_of_range(claim.value, claim.indicator in exempt):
            continue
        yield Fail(
            args={"value": b.shown(claim.value), "quote": claim.quote},
            evidence={"value": b.shown(claim.value)},
            node=claim,
            field="value",
            variant="claim",
        )


# -- PC304 ---------------------------------------------------------------------------


def _target_sense(comparator: Comparator, direction: Direction | None) -> int:
    """Which way a target points: a bare "350" for an increase indicator means "reach 350"."""
    sense = b.sense(comparator)
    if sense != 0 or comparator is not Comparator.EQ:
        return sense
    if direction is Direction.INCREASE:
        return 1
    if direction is Direction.DECREASE:
        return -1
    return 0


def _table_entry(claim: Claim, indicator: Indicator, year: int) -> IndicatorValue | Result:
    """The table value a claim restates; a Fail (year variant) or N/A when there is none.

    A target claim for a year the table sets no target for is compared with the table's
    target for the nearest other year, which the finding names.
    """
    if claim.kind is ClaimKind.TARGET:
        found = next((t for t in indicator.targets if t.year == year), None)
        if found is not None:
            return found
        others = [
            (abs(t.year - year), t.year, t.value)
            for t in indicator.targets
            if t.year is not None and t.value is not None and t.value.is_level
        ]
        if not others:
            return NotApplicable("the indicator has no target to compare with")
        _distance, other_year, other_value = min(others, key=lambda item: item[:2])
        table_text = b.shown(other_value)
        return Fail(
            args={
                "indicator": indicator.name,
                "claim": b.shown(claim.value),
                "year": year,
                "table": table_text,
                "table_year": other_year,
            },
            evidence={
                "claim": f"{b.shown(claim.value)} ({year})",
                "table": f"{table_text} ({other_year})",
            },
            field="year",
            variant="year",
        )
    found = b.reported_in_year(indicator, year)
    if found is None:
        return NotApplicable("the table gives no baseline or observation for the claim's year")
    return found


@check("conflicting-claim", given="claims")
def conflicting_claim(claim: Claim, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A figure in the text must agree with the indicator table for the same year."""
    if claim.kind is ClaimKind.GROWTH:
        yield NotApplicable("a growth claim is checked against the table by PC603")
        return
    if claim.indicator is None:
        yield NotApplicable("the claim names no indicator")
        return
    indicator = b.indicator(index, claim.indicator)
    if indicator is None:
        yield NotApplicable(UNDEFINED_INDICATOR)
        return
    if claim.year is None:
        yield NotApplicable("the claim gives no year")
        return
    if not claim.value.is_level:
        yield NotApplicable(b.why_not_level(claim.value, "claim"))
        return
    entry = _table_entry(claim, indicator, claim.year)
    if not isinstance(entry, IndicatorValue):
        yield entry
        return
    table = entry.value
    if table is None or not table.is_given:
        yield NotApplicable("the table value for the claim's year is not given")
        return
    if not table.is_level:
        yield NotApplicable(b.why_not_level(table, "table value"))
        return
    stated = claim.value
    if not b.same_qualifier(table, stated):
        yield NotApplicable("the claim and the table qualify different populations")
        return
    try:
        table_amount, stated_amount, unit = b.in_common_unit(table, stated)
    except QuantityError:
        yield NotApplicable(INCOMPATIBLE_UNITS)
        return
    if Comparator.ABOUT in (table.comparator, stated.comparator):
        exponent = max(b.significant_exponent(table, unit), b.significant_exponent(stated, unit))
        same = b.quantize(table_amount, exponent) == b.quantize(stated_amount, exponent)
    else:
        same = table_amount == stated_amount
    variant: str | None = None
    if not same:
        variant = "threshold"
    else:
        direction = indicator.direction if claim.kind is ClaimKind.TARGET else None
        table_sense = _target_sense(table.comparator, direction)
        stated_sense = _target_sense(stated.comparator, direction)
        if table_sense * stated_sense < 0:
            variant = "direction"
    if variant is None:
        return
    table_text = b.shown(table)
    role_zh, role_en = _role(indicator, entry)
    yield Fail(
        args={
            "indicator": indicator.name,
            "claim": b.shown(stated),
            "year": claim.year,
            "table": table_text,
            "table_year": _year(entry),
            "role_zh": role_zh,
            "role_en": role_en,
        },
        evidence={
            "claim": f"{b.shown(stated)} ({claim.year})",
            "table": f"{table_text} ({_year(entry)})",
        },
        field="value",
        variant=None if variant == "threshold" else variant,
    )


# -- PC305 ---------------------------------------------------------------------------


@check("unlisted-target", given="claims")
def unlisted_target(claim: Claim, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A quantitative target in the text should be one of the table's indicators."""
    if claim.kind is not ClaimKind.TARGET:
        yield NotApplicable("only target claims are checked")
        return
    if claim.cite is not None and claim.indicator is None:
        yield NotApplicable("the claim quotes an upper-level plan's target (see PC804)")
        return
    if claim.indicator is not None:
        return
    subject = claim.subject or claim.quote
    yield Fail(
        args={"subject": subject, "value": b.shown(claim.value)},
        evidence={"subject": subject, "value": b.shown(claim.value)},
        field="quote",
    )


# -- PC306 ---------------------------------------------------------------------------


def _is_extensive(unit: str | None) -> bool:
    """Whether amounts in ``unit`` add up (户, 亿元): not %, Mbps, 倍 or 台/百户."""
    return b.is_additive(unit)


# A bracket in a 其中 row's name that restricts it to some of the whole: "（部分城市）",
# "（重点城市）", "（80%用户）"; not an abbreviation such as "（FTTH）".
_SUBSET_MARK: Final = lazy_pattern(
    r"[(（][^)）]*(?:部分|重点|试点|示范|发达|主要|少数|有条件|具备条件|[0-9]+%|[0-9]+个)[^)）]*[)）]"
)


def _qualified_subset(part: Indicator, part_value: Value, whole_value: Value) -> bool:
    """Whether the 其中 row says it covers only a subset ("（部分城市）", "100(重点城市)")."""
    return not b.same_qualifier(part_value, whole_value) or bool(_SUBSET_MARK().search(part.name))


@check("part-exceeding-whole", given="indicators")
def part_exceeding_whole(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A 其中 row must not exceed the row it is part of, year by year."""
    if indicator.parent is None:
        yield NotApplicable("the indicator is not a part (其中) of another")
        return
    whole = b.indicator(index, indicator.parent)
    if whole is None or whole is indicator:
        yield NotApplicable("the parent indicator is undefined or duplicated (see PC005/PC006)")
        return
    judged = False
    reasons = ["the part and the whole give no value for a common year"]
    for item in b.table_values(indicator):
        part_value = item.value
        if item.year is None or part_value is None or not part_value.is_level:
            continue
        found = b.value_in_year(whole, item.year)
        whole_value = found.value if found is not None else None
        if whole_value is None or not whole_value.is_level:
            continue
        if not (_is_extensive(part_value.unit) and _is_extensive(whole_value.unit)):
            reasons.insert(
                0,
                "a rate, speed, share or index (%, Mbps, 台/百户) of a part may exceed the whole's",
            )
            continue
        if _qualified_subset(indicator, part_value, whole_value):
            reasons.insert(0, "the 其中 row is qualified as a subset of its whole")
            continue
        try:
            total, part, _ = b.in_common_unit(whole_value, part_value)
        except QuantityError:
            reasons.insert(0, INCOMPATIBLE_UNITS)
            continue
        judged = True
        low = b.lower_end(part_value.comparator, part)
        high = b.upper_end(whole_value.comparator, total)
        if low is None or high is None or low <= high:
            continue
        yield Fail(
            args={
                "indicator": indicator.name,
                "whole": whole.name,
                "year": item.year,
                "part": b.shown(part_value),
                "total": b.shown(whole_value),
            },
            evidence={
                "part": f"{b.shown(part_value)} ({item.year})",
                "whole": f"{b.shown(whole_value)} ({item.year})",
            },
            node=item,
            field="value",
        )
    if not judged:
        yield NotApplicable(reasons[0])


# -- PC307 ---------------------------------------------------------------------------


def _table_of(indicator: Indicator, index: PlanIndex) -> list[Indicator]:
    """The rows of the table ``indicator`` sits in: same 专栏 (or, without one, no 专栏)."""
    return index.indicator_tables.get(indicator.box, [indicator])


# id(table) -> whether some row of it states a type: asked once per table, not per row.
_TYPED_TABLES: WeakKeyDictionary[PlanIndex, dict[int, bool]] = WeakKeyDictionary()


def _has_typed_row(table: list[Indicator], index: PlanIndex) -> bool:
    known = _TYPED_TABLES.setdefault(index, {})
    found = known.get(id(table))
    if found is None:
        found = known[id(table)] = any(row.type is not IndicatorType.UNSPECIFIED for row in table)
    return found


@check("untyped-indicator", given="indicators")
def untyped_indicator(indicator: Indicator, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Every indicator should say whether it is 预期性 or 约束性 (a whole table: once)."""
    if indicator.type is not IndicatorType.UNSPECIFIED:
        return
    boxes = index.boxes.get(indicator.box, []) if indicator.box is not None else []
    box = boxes[0] if len(boxes) == 1 else None
    if box is not None and box.type_column is False:
        yield NotApplicable("the plan declares that the document's table has no 属性 column")
        return
    table = _table_of(indicator, index)
    if len(table) < 2 or _has_typed_row(table, index):
        yield Fail(evidence={"type": indicator.type.value}, field="type")
        return
    if table[0] is not indicator:
        yield NotApplicable("reported once for its whole table, which has no 属性 column")
        return
    where_zh = f"专栏{box.number}" if box is not None else "指标表"
    where_en = f"专栏{box.number}" if box is not None else "the indicator table"
    yield Fail(
        args={"table_zh": where_zh, "table_en": where_en, "rows": len(table)},
        evidence={"table": where_en, "rows": str(len(table))},
        node=box,
        field=None if box is not None else "type",
        variant="table",
    )
