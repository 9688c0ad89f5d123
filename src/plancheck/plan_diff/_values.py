"""Comparing and showing field values: amounts by what they mean, not how they are written."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from plancheck.model import Direction
from plancheck.model.period import YearRange
from plancheck.model.project import Implementer
from plancheck.quantities import QuantityError, Value, ValueStatus

from ._records import Trend

# Enough digits for any amount a plan may write (50 + 50), converted by powers of ten.
EXACT = decimal.Context(prec=400, traps=[decimal.InvalidOperation])


def factor(unit: str | None, target: str | None) -> Decimal:
    """How many ``target`` one ``unit`` is, exactly (亿元 -> 万元: 10000).

    Raises ``QuantityError`` when the units measure different things.
    """
    if unit == target:
        return Decimal(1)
    if unit is None or target is None:
        raise QuantityError(f"单位不兼容 / incompatible units: {unit!r} and {target!r}")
    # Magnitudes are Decimal and the factors between units exact powers of ten.
    return Decimal(
        Value(None, ValueStatus.GIVEN, amount=Decimal(1), unit=unit).to(target).magnitude
    )


def amount(value: Decimal) -> str:
    """Exact, with thousands separators and no exponent: ``272,340``, ``-1,000.5``."""
    return f"{value.normalize():,f}" if value != 0 else "0"


def in_unit(value: Value, unit: str | None) -> Decimal | None:
    """The exact amount of ``value`` in ``unit``, or ``None`` when it cannot be said."""
    if value.amount is None:
        return None
    try:
        return EXACT.multiply(value.amount, factor(value.unit, unit))
    except QuantityError:
        return None


def same_value(a: Value, b: Value) -> bool:
    """30,000 and 3亿元 (in a 万元 plan) are the same amount; 80%以上 and 80% are not."""
    if (a.status, a.comparator, a.qualifier) != (b.status, b.comparator, b.qualifier):
        return False
    if a.amount is None or b.amount is None:
        return a.amount is None and b.amount is None
    converted = in_unit(a, b.unit)
    if converted is None:
        return False
    back = in_unit(b, a.unit)
    return converted == b.amount and back == a.amount


def same(a: object, b: object) -> bool:
    if isinstance(a, Value) and isinstance(b, Value):
        return same_value(a, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, BaseModel) and isinstance(b, BaseModel) and type(a) is type(b):
        # Where a part is written and its revision note say nothing about what it is.
        fields = [f for f in type(a).model_fields if f not in ("source", "revised")]
        return all(same(getattr(a, f), getattr(b, f)) for f in fields)
    return a == b


def show(value: object) -> str | None:
    """A field value as a plan file writes it (``None`` when absent)."""
    if value is None:
        return None
    if isinstance(value, Value):
        return _with_unit(value)
    if isinstance(value, YearRange):
        return str(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list) and all(isinstance(v, Implementer) for v in value):
        return "、".join(v.text for v in value) if value else None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "、".join(value) if value else None
    if isinstance(value, BaseModel):
        return _compact(value.model_dump(mode="json", exclude_defaults=True, warnings=False))
    if isinstance(value, list):
        if not value:
            return None
        dumped = [
            v.model_dump(mode="json", exclude_defaults=True, warnings=False)
            if isinstance(v, BaseModel)
            else v
            for v in value
        ]
        return _compact(dumped)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _with_unit(value: Value) -> str | None:
    """As written, with an implied unit said (``30,000万元`` for ``30,000``)."""
    written = value.written()
    if written is None or not value.unit_implied or value.unit is None:
        return written
    if value.comparator.value == "=" and value.qualifier is None:
        return f"{written}{value.unit}"
    return f"{written}（{value.unit}）"


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def trend(old: Value | None, new: Value | None) -> Trend | None:
    """Whether an amount went up or down (``None``: not comparable or unchanged)."""
    if old is None or new is None or old.amount is None or new.amount is None:
        return None
    converted = in_unit(old, new.unit)
    if converted is None or converted == new.amount:
        return None
    return Trend.RAISED if new.amount > converted else Trend.LOWERED


def target_trend(old: Value | None, new: Value | None, direction: Direction | None) -> Trend | None:
    """A target moved against the indicator's direction is weakened, with it strengthened."""
    moved = trend(old, new)
    if moved is None or direction not in (Direction.INCREASE, Direction.DECREASE):
        return moved
    up = moved is Trend.RAISED
    better = up if direction is Direction.INCREASE else not up
    return Trend.STRENGTHENED if better else Trend.WEAKENED


def money(value: Value | None, currency: str) -> Decimal | None:
    """Project funding in the plan's currency (``None``: missing or not money)."""
    if value is None or value.status is not ValueStatus.GIVEN:
        return None
    return in_unit(value, currency)
