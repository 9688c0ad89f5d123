"""Amounts and units as Chinese development plans (规划) write them.

``parse_value("14.24亿元")`` reads an amount with its comparator, unit and
qualifier; ``Value`` is the frozen result (usable as a pydantic field type);
``parse_unit``/``canonical_unit``/``align`` map unit spellings onto a small
private pint registry and convert between them.
"""

from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names

from ._enums import ChangeDirection, Comparator, ValueStatus
from ._errors import QuantityError
from ._factors import conversion_factor
from ._units import (
    align,
    canonical_unit,
    compatible,
    dimensions_of,
    is_currency,
    is_dimensionless,
    is_percent,
    known_units,
    parse_unit,
)
from ._value import Value, exact_amount, parse_value

if TYPE_CHECKING:
    from ._registry import UREG, Quantity

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
    "conversion_factor",
    "dimensions_of",
    "exact_amount",
    "is_currency",
    "is_dimensionless",
    "is_percent",
    "known_units",
    "parse_unit",
    "parse_value",
]


# Both are pint objects: naming one is what loads pint (and builds the registry).
_PINT = {"Quantity": "plancheck.quantities._registry", "UREG": "plancheck.quantities._registry"}
__getattr__, __dir__ = lazy_names(globals(), _PINT)
