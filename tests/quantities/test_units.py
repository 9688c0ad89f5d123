"""Unit parsing, canonical spellings, predicates and alignment."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from plancheck.quantities import (
    QuantityError,
    align,
    canonical_unit,
    compatible,
    is_currency,
    is_dimensionless,
    is_percent,
    parse_unit,
    parse_value,
)
from plancheck.quantities._registry import UREG, make_quantity


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("万元", "万元"),
        (" 亿元 ", "亿元"),
        ("％", "%"),
        ("%", "%"),
        ("M", "Mbps"),
        ("兆", "Mbps"),
        ("Mbit/s", "Mbps"),
        ("Mbps", "Mbps"),
        ("G", "Gbps"),
        ("Gbit/s", "Gbps"),
        ("Kbps", "kbps"),
        ("bit/s", "bps"),
        ("千分之", "‰"),
        ("个百分点", "百分点"),
        ("部/百人", "部/百人"),
        ("台／百户", "台/百户"),
        ("部 / 百人", "部/百人"),
        ("万元/年", "万元/年"),
        ("人/年", "人/年"),
        ("M/人", "Mbps/人"),
        ("Mbit/s/户", "Mbps/户"),
        ("户/bit/s", "户/bps"),
        ("ｋｍ", "公里"),
    ],
)
def test_canonical_unit(text: str, canonical: str) -> None:
    assert canonical_unit(text) == canonical
    assert canonical_unit(canonical) == canonical
    assert parse_unit(canonical) == parse_unit(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("斤", "unknown unit '斤'"),
        ("部/斤", "unknown unit '斤'"),
        ("", "empty unit"),
        ("   ", "empty unit"),
        ("部/百人/年", "only one '/'"),
        ("/年", "each side"),
        ("部/", "each side"),
        ("年", "denominator"),
        ("meter", "unknown unit 'meter'"),
        ("x" * 41, "longer than 40"),
    ],
)
def test_parse_unit_rejects(text: str, reason: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_unit(text)
    message = str(info.value)
    assert message.startswith("无法解析单位 / cannot parse unit ")
    assert reason in message
    assert "\n" not in message
    with pytest.raises(QuantityError):
        canonical_unit(text)


def test_parse_unit_rejects_non_string() -> None:
    with pytest.raises(QuantityError, match="expected a string"):
        parse_unit(5)  # type: ignore[arg-type]


def test_quantity_error_is_a_value_error() -> None:
    assert issubclass(QuantityError, ValueError)


@pytest.mark.parametrize(
    ("unit", "currency", "percent", "dimensionless"),
    [
        ("元", True, False, False),
        ("万元", True, False, False),
        ("万亿元", True, False, False),
        ("万元/年", False, False, False),
        ("%", False, True, True),
        ("％", False, True, True),
        ("‰", False, False, True),
        ("倍", False, False, True),
        ("万", False, False, True),
        ("万户", False, False, False),
        ("部/百人", False, False, False),
        ("户/户", False, False, True),
        ("Mbps", False, False, False),
    ],
)
def test_predicates(unit: str, currency: bool, percent: bool, dimensionless: bool) -> None:
    assert is_currency(unit) is currency
    assert is_percent(unit) is percent
    assert is_dimensionless(unit) is dimensionless


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("万户", "户", True),
        ("百户", "亿户", True),
        ("部", "台", True),
        ("万部", "台", True),
        ("个", "项", True),
        ("家", "万条", True),
        ("人次", "万人", True),
        ("亿元", "元", True),
        ("公里", "米", True),
        ("万公里", "千米", True),
        ("M", "kbps", True),
        ("%", "‰", True),
        ("%", "万", True),
        ("部/百人", "台/百户", False),
        ("部/百人", "部/人", True),
        ("万元/年", "亿元/年", True),
        ("万", "万户", False),
        ("户", "人", False),
        ("部", "个", False),
        ("元", "户", False),
        ("元", "万元/年", False),
    ],
)
def test_compatible(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_compatible_rejects_unknown_units() -> None:
    with pytest.raises(QuantityError, match="斤"):
        compatible("斤", "元")


@pytest.mark.parametrize(
    ("text", "target", "magnitude"),
    [
        ("14.24亿元", "万元", 142400),
        ("14.24亿元", "元", 1_424_000_000),
        ("150亿元", "万亿元", 0.015),
        ("3.2万公里", "公里", 32000),
        ("3.2万公里", "米", 32_000_000),
        ("1公里", "千米", 1),
        ("16M", "kbps", 16000),
        ("16M", "Gbps", 0.016),
        ("2G", "Mbps", 2000),
        ("303.99万户", "户", 3_039_900),
        ("80.8部/百人", "部/人", 0.808),
        ("45台/百户", "部/户", 0.45),
        ("80%", "‰", 800),
        ("350万", "万", 350),
        ("350万", "亿", 0.035),
        # elided counter: "突破350万" under an indicator counted in 万户
        ("350万", "万户", 350),
        ("350万", "户", 3_500_000),
        ("3亿", "万人", 30000),
        ("2万", "万台", 2),
        ("14万", "万条", 14),
    ],
)
def test_value_to(text: str, target: str, magnitude: float) -> None:
    q = parse_value(text).to(target)
    # Exact, not approximately: Decimal magnitudes, power-of-ten factors.
    assert q.magnitude == Decimal(str(magnitude))
    assert q.units == parse_unit(target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("80%", "万户"),  # a ratio is not an elided count
        ("2倍", "户"),
        ("350万", "万元"),  # only counters are elided
        ("350万", "公里"),
        ("350万", "部/百人"),  # compound targets are never elided
        ("80.8部/百人", "万户"),
        ("14.24亿元", "万户"),
        ("35万户", "万人"),
        ("16M", "公里"),
        ("5万元/年", "万元"),
    ],
)
def test_align_incompatible_raises(text: str, target: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_value(text).to(target)
    message = str(info.value)
    assert message.startswith("单位不兼容 / incompatible units")
    assert repr(target) in message


def test_align_plain_quantity_and_errors() -> None:
    q = make_quantity(2.5, parse_unit("万户"))
    assert align(q, "户").magnitude == pytest.approx(25000)
    with pytest.raises(QuantityError, match="not a quantity of plancheck's unit registry"):
        align(2.5, "户")  # type: ignore[arg-type]
    with pytest.raises(QuantityError, match="斤"):
        align(q, "斤")


def test_align_rejects_quantity_from_foreign_registry() -> None:
    import pint

    other: pint.UnitRegistry[float] = pint.UnitRegistry(None)
    other.define("household = [household]")
    foreign = other.Quantity(1.0, "household")
    assert foreign._REGISTRY is not UREG
    with pytest.raises(QuantityError, match="not a quantity of plancheck's unit registry"):
        align(foreign, "户")


def test_align_describes_quantity_in_surface_units() -> None:
    with pytest.raises(QuantityError, match=re.escape("'80.8 部/百人'")):
        parse_value("80.8部/百人").to("万户")


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("2.5万吨", "吨", 25000),
        ("300公斤", "吨", 0.3),
        ("1.2亿吨", "万吨", 12000),
        ("3万亩", "亩", 30000),
        ("15亩", "公顷", 1),
        ("5平方公里", "公顷", 500),
    ],
)
def test_mass_and_area_units_convert(text: str, target: str, expected: float) -> None:
    from plancheck.quantities import parse_value

    magnitude = parse_value(text).to(target).magnitude
    if "亩" in text:
        # 1亩 = 10000/15 m², not a terminating decimal: equal to 28 digits.
        assert float(magnitude) == pytest.approx(expected)
    else:
        assert magnitude == Decimal(str(expected))


def test_mass_and_area_are_not_interchangeable() -> None:
    from plancheck.quantities import compatible

    assert not compatible("吨", "亩")
    assert not compatible("吨", "万元")
