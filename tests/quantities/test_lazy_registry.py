"""The unit table answers dimension questions exactly as pint would, without loading pint."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from plancheck.quantities import (
    QuantityError,
    Value,
    ValueStatus,
    align,
    compatible,
    conversion_factor,
    is_currency,
    is_dimensionless,
    parse_unit,
)
from plancheck.quantities._registry import SPECS, UnitKind
from plancheck.quantities._units import resolve_unit

SIMPLE = [spec.canonical for spec in SPECS if spec.kind is not UnitKind.TIME]
DENOMINATORS = ["年", "户", "百人", "万元", "%", "平方公里"]


@pytest.mark.parametrize("unit", SIMPLE + [f"{a}/{b}" for a in SIMPLE for b in DENOMINATORS])
def test_table_dimensions_equal_pints(unit: str) -> None:
    assert dict(resolve_unit(unit).dimensions) == dict(parse_unit(unit).dimensionality)
    assert is_dimensionless(unit) == parse_unit(unit).dimensionless


@pytest.mark.parametrize(("a", "b"), [("万元", "亿元"), ("户", "人"), ("%", "倍"), ("人/年", "人")])
def test_compatibility_matches_pint(a: str, b: str) -> None:
    assert compatible(a, b) == (parse_unit(a).dimensionality == parse_unit(b).dimensionality)


def test_reading_values_does_not_load_pint() -> None:
    code = (
        "import sys\n"
        "from plancheck.quantities import parse_value, is_currency, canonical_unit\n"
        "parse_value('14.24亿元'); is_currency('万元'); canonical_unit('台/百户')\n"
        "print('pint' in sys.modules)\n"
        "parse_value('3万户').to('户')\n"
        "print('pint' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == ["False", "True"]


def test_currency_from_the_table() -> None:
    assert is_currency("亿元") and not is_currency("万元/年")


_UNITS: list[str | None] = [
    *SIMPLE,
    *(f"{a}/{b}" for a in SIMPLE[::3] for b in ("年", "户", "百人", "万元")),
    "百人/百人",
    "万/百",
    None,
]


def _pint_factor(unit: str | None, target: str | None) -> Decimal | None:
    one = Value(None, ValueStatus.GIVEN, amount=Decimal(1), unit=unit or "百").quantity
    if unit is None:
        one = one / 100
    try:
        if target is None:
            return Decimal(one.m_as("")) if is_dimensionless(unit or "%") else None
        return Decimal(align(one, target).magnitude)
    except QuantityError:
        return None


@pytest.mark.parametrize("unit", _UNITS)
def test_conversion_factor_equals_pints_alignment(unit: str | None) -> None:
    for target in _UNITS:
        if unit is None and target is None:
            continue
        expected = _pint_factor(unit, target)
        try:
            found: Decimal | None = conversion_factor(unit, target)
        except QuantityError:
            found = None
        # Both are exact Decimals: equal as numbers, not merely close.
        assert found == expected, (unit, target)
