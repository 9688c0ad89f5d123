"""plancheck.units.quantity: exact amounts, and QuantityError for what is no amount."""

from __future__ import annotations

import pickle
import subprocess
import sys
from decimal import Decimal

import pytest

from plancheck.quantities import QuantityError, parse_value
from plancheck.units import convert, quantity


@pytest.mark.parametrize("amount", ["abc", "", "NaN", "Infinity", "1e400", True, float("nan")])
def test_quantity_refuses_what_is_no_finite_amount(amount: object) -> None:
    with pytest.raises(QuantityError, match="cannot parse quantity"):
        quantity(amount, "万元")  # type: ignore[arg-type]


def test_quantity_reads_numbers_as_parse_value_does() -> None:
    assert quantity(0.1, "亿元").magnitude == Decimal("0.1")  # type: ignore[arg-type]
    assert quantity(" 272340 ", "万元").magnitude == Decimal(272340)
    assert str(quantity(Decimal("1.50"), "%")) == "1.50 percent"


@pytest.mark.parametrize("unit", ["亿元", "台/百户", "%", "万户", "Mbps"])
def test_a_quantity_survives_pickling_for_another_process(unit: str) -> None:
    # pint pickles for its application registry, which lacks plancheck's units.
    before = convert(quantity("1.50", unit), unit)
    after = pickle.loads(pickle.dumps(before))
    assert after == before and str(after) == str(before)
    assert isinstance(after.magnitude, Decimal)
    assert after + before == before * 2


def test_a_pickled_quantity_is_read_by_a_fresh_process() -> None:
    data = pickle.dumps(quantity(3, "亿元"))
    code = "import pickle, sys; print(pickle.loads(sys.stdin.buffer.read()))"
    done = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
    assert done.stdout.decode("utf-8").strip() == "3 亿元"


def test_quantity_is_the_class_of_the_registrys_quantities() -> None:
    from plancheck.units import Quantity

    assert isinstance(quantity(3, "亿元"), Quantity)
    assert isinstance(parse_value("14.24亿元").quantity, Quantity)
    assert not isinstance(Decimal(3), Quantity)
