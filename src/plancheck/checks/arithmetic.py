"""Arithmetic the text states: declared counts (PC601), identities such as
固定 + 移动 = 总数 (PC602) and growth rates (PC603).

Sums are exact: every term is converted to the total's unit with an exact
power-of-ten factor (``_bounds``) and compared at the precision the document
writes. Growth rates involve a fractional power, so they are computed in floats
and compared with a tolerance of half a unit of the rate's last written digit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from pydantic import Field

from plancheck.checks import _bounds as b
from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import normalise
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, NoParams
from plancheck.engine.registry import check
from plancheck.model import Claim, ClaimKind, DeclaredCount, Identity, Term
from plancheck.quantities import Comparator, QuantityError, Value
from plancheck.records import Severity

# -- PC601 ---------------------------------------------------------------------------


@check("miscounted-list", given="counts")
def miscounted_list(count: DeclaredCount, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A declared count (八大工程) must match the number of items enumerated."""
    items = list(dict.fromkeys(item for item in count.items if normalise(item)))
    distinct = len({normalise(item) for item in items})
    if distinct == 0:
        yield NotApplicable("the text enumerates no items")
        return
    if distinct == count.count:
        return
    fewer = distinct < count.count
    open_short = count.open_ended and fewer
    yield Fail(
        args={"count": count.count, "listed": distinct, "items": "、".join(items)},
        evidence={
            "declared": str(count.count),
            "enumerated": str(distinct),
            "open_ended": str(count.open_ended).lower(),
        },
        severity=Severity.INFO if open_short else None,
        field="items",
        variant="open" if open_short else ("fewer" if fewer else None),
    )


# -- PC602 ---------------------------------------------------------------------------

_EXACT_COMPARATORS: Final = frozenset({Comparator.EQ, Comparator.ABOUT})


def _term_value(term: Term, index: PlanIndex) -> Value | str:
    """The value a term names, or why it cannot be resolved."""
    if term.value is not None:
        return term.value
    if term.claim is not None:
        claim = b.only(index.claims, term.claim)
        if claim is None:
            return "a term names an undefined or duplicated claim (see PC005/PC006)"
        return claim.value
    indicator = b.indicator(index, term.indicator)
    if indicator is None or term.year is None:
        return "a term names an undefined or duplicated indicator (see PC005/PC006)"
    found = b.value_in_year(indicator, term.year)
    if found is None or found.value is None:
        return f"the indicator {indicator.id} has no value for {term.year}"
    return found.value


def _term_values(identity: Identity, index: PlanIndex) -> list[Value] | NotApplicable:
    values: list[Value] = []
    for term in (identity.total, *identity.components):
        value = _term_value(term, index)
        if isinstance(value, str):
            return NotApplicable(value)
        if not value.is_level:
            return NotApplicable(b.why_not_level(value, "term"))
        if value.comparator not in _EXACT_COMPARATORS:
            return NotApplicable("a term is a bound (以上, 以下 …), not an amount")
        values.append(value)
    return values


@check("unbalanced-identity", given="identities")
def unbalanced_identity(identity: Identity, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A stated identity (total = sum of its components) must hold."""
    values = _term_values(identity, index)
    if isinstance(values, NotApplicable):
        yield values
        return
    total, *components = values
    # A term written without a unit takes the unit of the others (the total's first).
    unit = total.unit or next((v.unit for v in components if v.unit is not None), None)
    try:
        total_amount, *parts = [_amount(value, unit) for value in values]
    except QuantityError:
        yield NotApplicable("the terms are in incompatible units")
        return
    exact = b.exact_sum(parts)
    # The precision written: the finest last digit of any exact term, once in the
    # total's unit; an approximate term (约) only counts to its significant digits,
    # so it coarsens the comparison.
    written = [b.significant_exponent(v, unit) for v in values if v.comparator is Comparator.EQ]
    rough = [b.significant_exponent(v, unit) for v in values if v.comparator is Comparator.ABOUT]
    exponent = min(written) if written else max(rough)
    if rough:
        exponent = max(exponent, *rough)
    if b.quantize(exact, exponent) == b.quantize(total_amount, exponent):
        return
    difference = b.EXACT.subtract(total_amount, exact)
    yield Fail(
        args={
            "total": b.quantity_text(total_amount, unit),
            "sum": b.quantity_text(exact, unit),
            "difference": b.quantity_text(abs(difference), unit),
            "terms": " + ".join(b.quantity_text(part, unit) for part in parts),
        },
        evidence={
            "total": b.quantity_text(total_amount, unit),
            "sum": b.quantity_text(exact, unit),
            "difference": b.quantity_text(difference, unit),
        },
        field="total",
    )


def _amount(value: Value, unit: str | None) -> Decimal:
    """``value`` in ``unit``; a value written without a unit is already in it."""
    if value.unit is None and value.amount is not None:
        return value.amount
    return b.amount_in(value, unit)


# -- PC603 ---------------------------------------------------------------------------


def _rate(value: Value) -> tuple[float, float] | None:
    """A stated rate in percentage points and half a unit of its last digit, if in % or ‰."""
    if value.amount is None or value.unit is None or value.unit not in ("%", "‰"):
        return None
    scale = Decimal(1) if value.unit == "%" else Decimal("0.1")
    amount = value.amount * scale
    half_unit = Decimal(5).scaleb(-value.decimals - 1) * scale
    return float(amount), float(half_unit)


class GrowthRateParams(CheckParams):
    tolerance: float | None = Field(
        default=None,
        ge=0,
        description="Allowed difference in percentage points; null: half a unit "
        "of the last digit of the stated rate.",
    )


@check("inconsistent-growth-rate", given="claims", params=GrowthRateParams)
def inconsistent_growth_rate(
    claim: Claim, index: PlanIndex, params: GrowthRateParams
) -> Iterator[Result]:
    """A stated growth rate must agree with the indicator's values for its years."""
    if claim.kind is not ClaimKind.GROWTH:
        yield NotApplicable("only growth claims are checked")
        return
    result = _judge_growth(claim, index, params.tolerance)
    if result is not None:
        yield result


def _level_in_year(indicator_id: str, year: int, index: PlanIndex) -> Value | None:
    """The indicator's level in ``year``: from the table, else from a claim about it."""
    indicator = b.indicator(index, indicator_id)
    if indicator is not None:
        found = b.value_in_year(indicator, year)
        if found is not None and found.value is not None and found.value.is_level:
            return found.value
    for claim in index.claims_by_indicator.get(indicator_id, []):
        if claim.kind is not ClaimKind.GROWTH and claim.year == year and claim.value.is_level:
            return claim.value
    return None


def _growth(ratio: float | None, years: int, annual: bool) -> float:
    """Growth in % for a ratio final/base (None: unbounded above)."""
    if ratio is None:
        return math.inf
    if ratio <= 0:
        return -100.0
    return (ratio ** (1 / years) - 1 if annual else ratio - 1) * 100


def _span(value: Value, amount: Decimal) -> tuple[Decimal, Decimal | None]:
    """The amounts a written value allows, as [low, high] (high None: unbounded)."""
    low = b.lower_end(value.comparator, amount)
    high = b.upper_end(value.comparator, amount)
    return (low[0] if low is not None else Decimal(0)), (high[0] if high is not None else None)


def _percent(amount: float) -> str:
    if math.isinf(amount):
        return "∞"
    return f"{amount:.1f}%"


def _judge_growth(claim: Claim, index: PlanIndex, tolerance: float | None) -> Result | None:
    if claim.indicator is None:
        return NotApplicable("the growth figure names no indicator, so it has no base value")
    indicator = b.indicator(index, claim.indicator)
    if indicator is None:
        return NotApplicable("the claim names an undefined or duplicated indicator (see PC005)")
    if claim.base_year is None or claim.year is None:
        return NotApplicable("the growth figure gives no base year or no final year")
    years = claim.year - claim.base_year
    if years <= 0:
        return NotApplicable("the growth figure's base year is not before its final year")
    rate = _rate(claim.value)
    if rate is None or not claim.value.is_given:
        return NotApplicable("the growth figure is not a rate in % or ‰")
    first = _level_in_year(indicator.id, claim.base_year, index)
    last = _level_in_year(indicator.id, claim.year, index)
    if first is None or last is None:
        return NotApplicable("the indicator has no value for the base year or the final year")
    try:
        base, final, _ = b.in_common_unit(first, last)
    except QuantityError:
        return NotApplicable("the values are in incompatible units (see PC302)")
    if base <= 0 or final < 0:
        return NotApplicable("a growth rate needs a positive base value")
    # Interval arithmetic: a bound (">3900亿元") allows a range of start or end values, and
    # the growth they imply is a range too; the stated rate must meet it somewhere.
    base_low, base_high = _span(first, base)
    final_low, final_high = _span(last, final)
    least = _growth(
        float(b.EXACT.divide(final_low, base_high)) if base_high is not None else 0.0,
        years,
        claim.annual,
    )
    most = _growth(
        float(b.EXACT.divide(final_high, base_low))
        if final_high is not None and base_low > 0
        else None,
        years,
        claim.annual,
    )
    stated, half_unit = rate
    allowed = tolerance if tolerance is not None else half_unit
    comparator = claim.value.comparator
    stated_low = -math.inf if comparator in (Comparator.LT, Comparator.LE) else stated - allowed
    stated_high = math.inf if comparator in (Comparator.GT, Comparator.GE) else stated + allowed
    if stated_low <= most + 1e-9 and least - 1e-9 <= stated_high:
        return None
    exact = least == most
    digits = max(claim.value.decimals, 1) + 1
    computed = f"{least:.{digits}f}%" if exact else f"{_percent(least)}–{_percent(most)}"
    kind_zh = "年均增长" if claim.annual else "增长"
    kind_en = "annual growth" if claim.annual else "growth"
    return Fail(
        args={
            "stated": b.shown(claim.value),
            "computed": computed,
            "base": b.shown(first),
            "final": b.shown(last),
            "base_year": claim.base_year,
            "year": claim.year,
            "kind_zh": kind_zh,
            "kind_en": kind_en,
            "indicator": indicator.name,
        },
        evidence={
            "stated": b.shown(claim.value),
            "computed": computed,
            "base": f"{b.shown(first)} ({claim.base_year})",
            "final": f"{b.shown(last)} ({claim.year})",
            "annual": str(claim.annual).lower(),
        },
        field="value",
        variant=None if exact else "bound",
    )
