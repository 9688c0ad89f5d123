r"""Conversion factors from the unit table alone, so that checks need not load pint.

Every unit plancheck knows is a multiple of a base unit, so converting is multiplying
by a ratio of root factors. The factors are exact ``Decimal``\ s computed as pint's
Decimal registry computes them (definitions evaluated left to right, source root factor
divided by the target's); a test compares every pair with pint.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from ._errors import QuantityError, quote
from ._registry import COUNTER_BASES, SPECS, UnitKind, UnitSpec
from ._units import ResolvedUnit, resolve_unit

_OPERATORS: Final = {"*": operator.mul, "/": operator.truediv}


def _root_factors(specs: tuple[UnitSpec, ...]) -> Mapping[str, Decimal]:
    """Each unit's size in its base unit: ``1000 * metre`` -> 1000."""
    roots: dict[str, Decimal] = {}
    for spec in specs:
        if spec.is_base:
            roots[spec.name] = Decimal(1)
            continue
        tokens = spec.definition.split()
        value = Decimal(tokens[0])
        for symbol, operand in zip(tokens[1::2], tokens[2::2], strict=True):
            number = roots[operand] if operand in roots else Decimal(operand)
            value = _OPERATORS[symbol](value, number)
        roots[spec.name] = value
    return MappingProxyType(roots)


ROOTS: Final = _root_factors(SPECS)


def _root(resolved: ResolvedUnit) -> Decimal:
    own = ROOTS[resolved.numerator.name]
    if resolved.denominator is None:
        return own
    return own / ROOTS[resolved.denominator.name]


def _pure_counter_base(target: ResolvedUnit) -> str | None:
    """The base counter an elided counter stands for when ``target`` is a pure counter."""
    if target.denominator is not None or target.numerator.kind is not UnitKind.COUNTER:
        return None
    dimensions = dict(target.dimensions)
    if len(dimensions) != 1:
        return None
    ((dimension, exponent),) = dimensions.items()
    return COUNTER_BASES.get(dimension) if exponent == 1 else None


def _is_bare_number(unit: ResolvedUnit) -> bool:
    """Whether every unit left after cancelling is a multiplier (万, 百; 户/户 leaves none)."""
    remaining = [unit.numerator]
    if unit.denominator is not None:
        same = unit.denominator.name == unit.numerator.name
        remaining = [] if same else [unit.numerator, unit.denominator]
    return all(spec.kind is UnitKind.MULTIPLIER for spec in remaining)


def _incompatible(unit: str | None, target: str) -> QuantityError:
    return QuantityError(
        f"单位不兼容 / incompatible units: cannot convert {quote(unit or '1')} to {quote(target)}"
    )


@functools.lru_cache(maxsize=1024)
def conversion_factor(unit: str | None, target: str | None) -> Decimal:
    """The magnitude of ``align(1 unit, target)``; ``None`` is a pure number.

    As in ``align``, a bare number or multiplier (万, 百) converts to a pure counter
    (万户) by taking the counter as elided. Raises ``QuantityError`` when ``align`` would.
    """
    # A pure number is 1 百 scaled by 1/100, as pint represents it.
    source = resolve_unit(unit) if unit is not None else None
    size = _root(source) if source is not None else ROOTS["x_bai"] / 100
    dimensions = dict(source.dimensions) if source is not None else {}
    if target is None:
        if dimensions:
            raise _incompatible(unit, "1")
        return size
    goal = resolve_unit(target)
    if dimensions == dict(goal.dimensions):
        return size / _root(goal)
    base = _pure_counter_base(goal)
    if base is not None and (source is None or _is_bare_number(source)):
        return size * ROOTS[base] / _root(goal)
    raise _incompatible(unit, target)
