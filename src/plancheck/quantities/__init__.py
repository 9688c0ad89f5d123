"""Amounts and units as Chinese development plans (规划) write them.

``parse_value("14.24亿元")`` reads an amount with its comparator, unit and
qualifier; ``Value`` is the frozen result (usable as a pydantic field type);
``parse_unit``/``canonical_unit``/``align`` map unit spellings onto a small
private pint registry and convert between them.
"""

from ._enums import ChangeDirection, Comparator, ValueStatus
from ._errors import QuantityError
from ._registry import UREG, Quantity
from ._units import (
    align,
    canonical_unit,
    compatible,
    is_currency,
    is_dimensionless,
    is_percent,
    known_units,
    parse_unit,
)
from ._value import Value, parse_value

__all__ = [
    "UREG",
    "ChangeDirection",
    "Comparator",
    "Quantity",
    "QuantityError",
    "Value",
    "ValueStatus",
    "align",
    "canonical_unit",
    "compatible",
    "is_currency",
    "is_dimensionless",
    "is_percent",
    "known_units",
    "parse_unit",
    "parse_value",
]
