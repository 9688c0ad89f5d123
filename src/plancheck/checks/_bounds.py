"""Shared arithmetic of the targets (PC3xx) and arithmetic (PC6xx) checks.

A written amount is a number, a unit and a comparator ("突破350万" is ``> 350 万``).
This module converts amounts between units *exactly* (every unit plancheck knows
is a power of ten of its base, so the factor the unit table gives is an exact
``Decimal``) and reads a comparator as the ends of the set of values it
allows, so that rules can ask "is every value this target allows above the
baseline?" without comparing floats or bare numbers across units.

An amount written with no unit at all (an index such as 0.812) is a pure number:
it converts to and from dimensionless units (%, ‰, 倍) and, like a bare "350万",
to a counter unit (户, 万户) by the elided-counter rule of ``align``.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, TypeVar

from plancheck.engine.index import PlanIndex
from plancheck.model import Indicator, IndicatorValue
from plancheck.quantities import (
    Comparator,
    QuantityError,
    Value,
    ValueStatus,
    canonical_unit,
    conversion_factor,
    dimensions_of,
    is_dimensionless,
)

T = TypeVar("T")

# Amounts have at most 50 integer digits and 50 decimals and factors are powers of
# ten up to 10**12, so this precision keeps every product, sum and rounding exact
# (the default context would round to 28 digits).
EXACT: Final = decimal.Context(
    prec=400, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[decimal.InvalidOperation]
)

# -- exact unit conversion -----------------------------------------------------------


def _exact(magnitude: Decimal) -> Decimal:
    # The unit table's factors are exact Decimals (powers of ten); normalising under
    # the wide context drops the precision digits without rounding.
    return magnitude.normalize(EXACT)


def unit_of(text: str | None) -> str | None:
    """The canonical spelling of a unit as written (``M`` -> ``Mbps``); None stays None."""
    return None if text is None else canonical_unit(text)


@functools.lru_cache(maxsize=256)
def factor(unit: str | None, target: str | None) -> Decimal:
    """How many ``target`` one ``unit`` is (亿元 -> 万元: 10000; 万 -> 万户: 1).

    Raises ``QuantityError`` when the units measure different things.
    """
    unit, target = unit_of(unit), unit_of(target)
    if unit == target:
        return Decimal(1)
    if target is None and (unit is None or not is_dimensionless(unit)):
        raise QuantityError(f"单位不兼容 / incompatible units: {unit!r} is not a pure number")
    # The table's factor is pint's to the snapping below, without loading pint.
    return _exact(conversion_factor(unit, target))


def convertible(unit: str | None, target: str | None) -> bool:
    """Whether an amount in ``unit`` can be expressed in ``target``."""
    try:
        factor(unit, target)
    except QuantityError:
        return False
    return True


def compatible(unit_a: str | None, unit_b: str | None) -> bool:
    """Whether two units can be compared, in one direction or the other.

    The elided counter makes conversion one-way ("350万" becomes 350万户, but 万户
    is not a bare 万), so both directions are tried.
    """
    return convertible(unit_a, unit_b) or convertible(unit_b, unit_a)


def common_unit(a: str | None, b: str | None) -> str | None:
    """The unit to compare two amounts in: one both convert to, ``a``'s when possible.

    Raises ``QuantityError`` when there is none.
    """
    if convertible(b, a):
        return a
    if convertible(a, b):
        return b
    raise QuantityError(f"单位不兼容 / incompatible units: {a!r} and {b!r}")


def amount_in(value: Value, unit: str | None) -> Decimal:
    """The exact amount of a given ``value`` expressed in ``unit``."""
    if value.amount is None:
        raise QuantityError(f"数量没有数值 / value {value} has no amount")
    return EXACT.multiply(value.amount, factor(value.unit, unit))


def in_common_unit(first: Value, second: Value) -> tuple[Decimal, Decimal, str | None]:
    """Both amounts in the unit to compare them in (``first``'s when possible), and that
    unit. Raises ``QuantityError`` when the units do not convert or an amount is missing."""
    unit = common_unit(first.unit, second.unit)
    return amount_in(first, unit), amount_in(second, unit), unit


def exact_sum(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of ``amounts``."""
    total = Decimal(0)
    for amount in amounts:
        total = EXACT.add(total, amount)
    return total


def quantize(amount: Decimal, exponent: int) -> Decimal:
    """``amount`` rounded half-up to a multiple of 10**exponent."""
    return amount.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=EXACT)


def significant_exponent(value: Value, unit: str | None = None) -> int:
    """The power of ten of a value's last significant digit, once expressed in ``unit``.

    For exact amounts this is the last written digit (``303.99`` -> -2, ``350`` -> 0);
    for an approximate one (约, 左右) trailing zeros are not significant
    (``约300`` -> 2), because "about 300" is rounded to the hundred. Converting the
    value shifts it by the factor's power of ten (``约3亿元`` in 万元 -> 4).
    """
    amount = value.amount if value.amount is not None else Decimal(0)
    if value.comparator is Comparator.ABOUT and amount != 0:
        exponent = amount.normalize(EXACT).as_tuple().exponent
        own = exponent if isinstance(exponent, int) else 0
    else:
        own = -value.decimals
    if value.unit is None or unit_of(value.unit) == unit_of(unit):
        return own
    return own + factor(value.unit, unit).adjusted()


# -- comparators as the ends of a set ------------------------------------------------

# A bound is (amount, side): side -1 is "just below", 0 "exactly", +1 "just above";
# tuples order as the values they stand for.  None stands for an unbounded end.
Bound = tuple[Decimal, int]

_UPWARD: Final = frozenset({Comparator.GT, Comparator.GE})
_DOWNWARD: Final = frozenset({Comparator.LT, Comparator.LE})


def lower_end(comparator: Comparator, amount: Decimal) -> Bound | None:
    """Smallest value the written amount allows (None: unbounded below)."""
    if comparator in _DOWNWARD:
        return None
    return (amount, 1 if comparator is Comparator.GT else 0)


def upper_end(comparator: Comparator, amount: Decimal) -> Bound | None:
    """Largest value the written amount allows (None: unbounded above)."""
    if comparator in _UPWARD:
        return None
    return (amount, -1 if comparator is Comparator.LT else 0)


def point(comparator: Comparator, amount: Decimal) -> Bound:
    """A stated figure read as one value: "99%以上" is 99, "突破350" just above 350."""
    side = {Comparator.GT: 1, Comparator.LT: -1}.get(comparator, 0)
    return (amount, side)


def sense(comparator: Comparator) -> int:
    """Which way a comparator points: +1 (以上, 突破), -1 (以下, 不超过), 0 (=, 约)."""
    if comparator in _UPWARD:
        return 1
    if comparator in _DOWNWARD:
        return -1
    return 0


# -- messages ------------------------------------------------------------------------


def number(amount: Decimal) -> str:
    """An exact amount with thousands separators, no exponent and no trailing zeros.

    ``Decimal("3.50E+2")`` -> ``"350"``; ``Decimal("3100000")`` -> ``"3,100,000"``.
    """
    return f"{amount.normalize(EXACT):,f}"


def quantity_text(amount: Decimal, unit: str | None) -> str:
    """``350万户``: the amount as a plain number followed by its unit."""
    return f"{number(amount)}{unit or ''}"


def shown(value: Value) -> str:
    """A value for messages and evidence, always with its unit.

    The document's own words are kept when they carry a unit or comparator
    ("突破350万", "90%以上"); a bare number gets the unit its context implies.
    """
    if value.amount is None:
        return str(value)
    text = (value.text or "").strip()
    if text and not text[-1].isdigit():
        return text
    qualifier = f"({value.qualifier})" if value.qualifier else ""
    return value.comparator.symbol + quantity_text(value.amount, value.unit) + qualifier


# -- plan lookups --------------------------------------------------------------------


def only(found: Mapping[str, list[T]], key: str | None) -> T | None:
    """The single entity with id ``key``; None when it is undefined or duplicated."""
    if key is None:
        return None
    items = found.get(key, [])
    return items[0] if len(items) == 1 else None


def indicator(index: PlanIndex, indicator_id: str | None) -> Indicator | None:
    return only(index.indicators, indicator_id)


def table_values(indicator: Indicator) -> Iterable[IndicatorValue]:
    """Baseline, targets and observations, in that order."""
    if indicator.baseline is not None:
        yield indicator.baseline
    yield from indicator.targets
    yield from indicator.observations


def value_in_year(indicator: Indicator, year: int) -> IndicatorValue | None:
    """The indicator's value for ``year``: baseline, else a target, else an observation."""
    for item in table_values(indicator):
        if item.year == year:
            return item
    return None


def reported_in_year(indicator: Indicator, year: int) -> IndicatorValue | None:
    """A baseline or observation (not a target) for ``year``."""
    if indicator.baseline is not None and indicator.baseline.year == year:
        return indicator.baseline
    return next((item for item in indicator.observations if item.year == year), None)


def same_qualifier(a: Value, b: Value) -> bool:
    """Whether two values measure the same population ("80%用户" vs none are not)."""
    return (a.qualifier or "") == (b.qualifier or "")


# Dimensions whose amounts add up over parts and years: money, counted things, mass,
# area, length, stored data.  Bit rates (speeds), %, indices and ratios do not.
ADDITIVE: Final = frozenset(
    {"[currency]", "[household]", "[person]", "[device]", "[item]", "[occurrence]"}
    | {"[mass]", "[area]", "[length]", "[data]"}
)


def is_additive(unit: str | None) -> bool:
    """Whether amounts in ``unit`` add up (户, 亿元, 吨): not %, Mbps, 倍, 台/百户 or none."""
    if unit is None:
        return False
    try:
        dimensions = dict(dimensions_of(unit))
    except QuantityError:
        return False
    return len(dimensions) == 1 and all(
        dimension in ADDITIVE and exponent == 1 for dimension, exponent in dimensions.items()
    )


def why_not_level(value: Value, role: str) -> str:
    """Why a written ``value`` (the ``role``: baseline, target, claim …) is not a level."""
    if value.status is ValueStatus.UNREADABLE:
        return f"the {role} could not be read (see PC004): {value.problem}"
    if value.status is ValueStatus.NONE:
        return f"the {role} is explicitly none (——)"
    if value.status is ValueStatus.MISSING:
        return f"the {role} is not given"
    if value.cumulative:
        return f"the {role} is a sum over years (累计), not a level"
    return f"the {role} is a change (下降, 提高 …), not a level"
