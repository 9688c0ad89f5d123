"""The unit registry plancheck measures with, public so that amounts mix with yours.

Units are named as plans write them (``亿元``, ``万户``, ``Mbps``; ``percent`` for ``%``)
and magnitudes are exact ``Decimal``\\ s, so sums of 万元 amounts have no float error::

    from plancheck.units import convert, quantity

    total = quantity("272340", "万元")
    print(convert(total, "亿元"))  # 27.234 亿元

``Value.to(unit)`` and ``Value.quantity`` return quantities of this registry; build
your own from it (``registry.Quantity``) to add or compare them. pint refuses to mix
quantities of different registries, so use this one rather than a new
``pint.UnitRegistry()``.
"""

from __future__ import annotations

from decimal import Decimal

import pint

from plancheck.quantities import (
    UREG,
    Quantity,
    align,
    canonical_unit,
    exact_amount,
    known_units,
    parse_unit,
)

registry: pint.UnitRegistry[Decimal] = UREG
"""plancheck's pint registry: readable unit names, Decimal magnitudes."""


def quantity(amount: Decimal | int | str, unit: str) -> Quantity:
    """``amount`` (exact) in ``unit``, spelled as plans write it (``万元``, ``台/百户``, ``％``).

    An amount that is no finite number (``"abc"``, ``NaN``, ``True``) raises
    ``QuantityError``, as ``parse_value`` does.
    """
    return registry.Quantity(exact_amount(amount), parse_unit(unit))


def convert(amount: Quantity, unit: str) -> Quantity:
    """``amount`` in ``unit`` (plan spellings), exact and without trailing zeros.

    Unlike pint's ``.to()``, a bare number converts to a counter (``350万`` -> ``万户``),
    as plans leave the counter out; incompatible units raise ``QuantityError``.
    """
    return align(amount, unit)


__all__ = [
    "Quantity",
    "canonical_unit",
    "convert",
    "known_units",
    "parse_unit",
    "quantity",
    "registry",
]
