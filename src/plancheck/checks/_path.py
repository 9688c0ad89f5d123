"""The 序时进度 path: where an indicator should be in a year between baseline and target.

A plan sets a baseline (the year before the period, usually) and a target for its
final year; the path between them is drawn in equal steps (``linear``, the default)
or at an equal growth rate (``compound``), through the targets the plan sets for the
years between (a 2013 milestone of a 2012-2015 plan is where it should be in 2013).
An evaluation compares an actual with the path in its data year. The path value is
rounded to the precision the actual is written at, so rounding alone never puts an
actual behind.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from plancheck.checks import _bounds as b
from plancheck.model import Direction, Indicator, IndicatorValue, PathKind, Plan
from plancheck.quantities import Comparator, QuantityError, Value

# Enough digits for a growth factor raised to a fractional power.
_POWER = decimal.Context(prec=34, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class ProgressPath:
    """The line from an indicator's baseline to its final target."""

    indicator: Indicator
    unit: str | None
    start_year: int
    start: Decimal
    end_year: int
    end: Decimal
    target: Value
    kind: PathKind
    sense: int  # +1: higher is better; -1: lower is better
    milestones: tuple[tuple[int, Decimal], ...] = ()  # targets between, in year order

    def at(self, year: int) -> Decimal:
        """The exact path value in ``year`` (start_year < year <= end_year)."""
        points = ((self.start_year, self.start), *self.milestones, (self.end_year, self.end))
        # The segment that ends at or after ``year`` (the last one for any later year).
        (year0, value0), (year1, value1) = next(
            (pair for pair in pairwise(points) if year <= pair[1][0]), (points[-2], points[-1])
        )
        share = Decimal(year - year0) / Decimal(year1 - year0)
        if self.kind is PathKind.COMPOUND:
            ratio = _POWER.divide(value1, value0)
            return _POWER.multiply(value0, _POWER.power(ratio, share))
        return _POWER.add(value0, _POWER.multiply(value1 - value0, share))

    @property
    def change(self) -> Decimal:
        """The planned change from baseline to target (its size)."""
        return abs(self.end - self.start)


def final_target(indicator: Indicator, plan: Plan) -> IndicatorValue | None:
    """The target for the period's last year, else the latest target with a year."""
    dated = [t for t in indicator.targets if t.year is not None]
    for target in dated:
        if target.year == plan.period.end:
            return target
    return max(dated, key=lambda t: t.year or 0) if dated else None


def path_of(indicator: Indicator, plan: Plan) -> ProgressPath | str:
    """The indicator's path, or why it has none (a sentence)."""
    baseline = indicator.baseline
    if baseline is None or baseline.year is None or baseline.value is None:
        return "the indicator has no baseline with a year"
    if not baseline.value.is_level:
        return b.why_not_level(baseline.value, "baseline")
    target = final_target(indicator, plan)
    if target is None or target.value is None or target.year is None:
        return "the indicator has no target with a year"
    if not target.value.is_level:
        return b.why_not_level(target.value, "target")
    if target.year <= baseline.year:
        return "the target year is not after the baseline year"
    try:
        end, start, unit = b.in_common_unit(target.value, baseline.value)
    except QuantityError:
        return "the baseline and target units do not convert (PC302)"
    sense = _sense(indicator, start, end)
    if sense == 0:
        return "the indicator is to be maintained: there is no path to be behind"
    kind = indicator.path or PathKind.LINEAR
    if kind is PathKind.COMPOUND and (start <= 0 or end <= 0):
        return "a compound path needs a positive baseline and target"
    milestones = _milestones(indicator, baseline.year, target.year, unit, kind)
    return ProgressPath(
        indicator,
        unit,
        baseline.year,
        start,
        target.year,
        end,
        target.value,
        kind,
        sense,
        milestones,
    )


def _milestones(
    indicator: Indicator, start_year: int, end_year: int, unit: str | None, kind: PathKind
) -> tuple[tuple[int, Decimal], ...]:
    """The level targets strictly between baseline and final year, in the path's unit."""
    found: dict[int, Decimal] = {}
    for target in indicator.targets:
        value, year = target.value, target.year
        if value is None or year is None or not start_year < year < end_year:
            continue
        if not value.is_level or value.amount is None:
            continue
        try:
            amount = b.amount_in(value, unit)
        except QuantityError:
            continue  # PC302 reports the unit; the path goes around it
        if kind is PathKind.COMPOUND and amount <= 0:
            continue
        found.setdefault(year, amount)
    return tuple(sorted(found.items()))


def _sense(indicator: Indicator, start: Decimal, end: Decimal) -> int:
    if end != start:
        return 1 if end > start else -1
    return {Direction.INCREASE: 1, Direction.DECREASE: -1}.get(
        indicator.direction or Direction.MAINTAIN, 0
    )


@dataclass(frozen=True, slots=True)
class Standing:
    """An actual against the path in one year."""

    path_value: Decimal  # rounded to the actual's precision
    actual: Decimal  # in the path's unit
    gap: Decimal  # actual - path, signed so that negative is behind
    behind: bool  # more than the tolerance behind
    reached: bool  # the final target is already reached


def standing(path: ProgressPath, year: int, actual: Value, tolerance: Decimal) -> Standing:
    """Where ``actual`` (a level) stands in ``year``; raises QuantityError on bad units.

    ``tolerance`` is the lag allowed, as a share of the planned change (0.05: five per
    cent of the way from baseline to target).
    """
    amount = b.amount_in(actual, path.unit)
    exponent = -actual.decimals + (
        0 if actual.unit is None else b.factor(actual.unit, path.unit).adjusted()
    )
    exponent = min(exponent, 0)
    path_value = b.quantize(path.at(year), exponent)
    gap = (amount - path_value) * path.sense
    behind = gap < -(tolerance * path.change)
    strict = Comparator.GT if path.sense > 0 else Comparator.LT
    target_gap = (amount - path.end) * path.sense
    reached = target_gap > 0 or (
        target_gap == 0 and (actual.comparator is strict or _reaches(path.target))
    )
    return Standing(path_value, amount, gap, behind, reached)


def _reaches(target: Value) -> bool:
    # A target written "超过 X" (strictly more) is not reached by exactly X.
    return target.comparator not in (Comparator.GT, Comparator.LT)
