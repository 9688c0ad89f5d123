"""plancheck.units.quantity: exact amounts, and QuantityError for what is no amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plancheck.quantities import QuantityError
from plancheck.units import quantity


@pytest.mark.parametrize("amount", ["abc", "", "NaN", "Infinity", "1e400", True, float("nan")])
def test_quantity_refuses_what_is_no_finite_amount(amount: object) -> None:
    with pytest.raises(QuantityError, match="cannot parse quantity"):
        quantity(amount, "万元")  # type: ignore[arg-type]


def test_quantity_reads_numbers_as_parse_value_does() -> None:
    assert quantity(0.1, "亿元").magnitude == Decimal("0.1")  # type: ignore[arg-type]
    assert quantity(" 272340 ", "万元").magnitude == Decimal(272340)
    assert str(quantity(Decimal("1.50"), "%")) == "1.50 percent"
