"""Numbers as the report prints them: grouped digits, shares to one decimal."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal


def amount(value: Decimal) -> str:
    """``272340`` as ``272,340``; decimals kept only where the value has them."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return format(normal, ",f")


def share(part: Decimal, whole: Decimal) -> str:
    if whole == 0:
        return "—"
    percent = (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    return f"{percent}%"
