"""Values as plans write them: hedges, changes from a year, cumulative sums, data sizes
and the other units of real plans (docs/format.md, "How plans write values")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plancheck.quantities import (
    ChangeDirection,
    Comparator,
    QuantityError,
    ValueStatus,
    compatible,
    parse_value,
)

ABOUT, EQ, GE, GT = Comparator.ABOUT, Comparator.EQ, Comparator.GE, Comparator.GT
UP, DOWN = ChangeDirection.INCREASE, ChangeDirection.DECREASE


@pytest.mark.parametrize(
    ("text", "comparator", "amount", "unit", "hedge"),
    [
        ("基本达到20Mbps", ABOUT, "20", "Mbps", "基本"),
        ("基本实现100%", ABOUT, "100", "%", "基本"),
        ("可达1Gbps", EQ, "1", "Gbps", "可"),
        ("力争达到90%以上", GE, "90", "%", "力争"),
        ("争取超过3万亿元", GT, "3", "万亿元", "争取"),
        ("预计达到0.707", EQ, "0.707", None, "预计"),
        ("约3亿元", ABOUT, "3", "亿元", None),
        ("14万条左右", ABOUT, "14", "万条", None),
        ("5%以内", Comparator.LE, "5", "%", None),
        ("不低于90%", GE, "90", "%", None),
        ("不超过5%", Comparator.LE, "5", "%", None),
        ("提高到47%", EQ, "47", "%", None),
        ("下降到12%", EQ, "12", "%", None),
        ("稳定在52万亩", EQ, "52", "万亩", None),
        ("维持在100%", EQ, "100", "%", None),
        ("保持在95%以上", GE, "95", "%", None),
    ],
)
def test_levels_with_hedges_and_comparators(
    text: str, comparator: Comparator, amount: str, unit: str | None, hedge: str | None
) -> None:
    value = parse_value(text)
    assert (value.comparator, value.amount, value.unit, value.hedge) == (
        comparator,
        Decimal(amount),
        unit,
        hedge,
    )
    assert value.is_level and not value.is_change
    assert str(value) == text


@pytest.mark.parametrize(
    ("text", "change", "amount", "unit", "since", "cumulative"),
    [
        ("下降16%", DOWN, "16", "%", None, False),
        ("比2015年下降16%", DOWN, "16", "%", 2015, False),
        ("较2010年提高4个百分点", UP, "4", "百分点", 2010, False),
        ("与2015年相比增长20%", UP, "20", "%", 2015, False),
        ("降低2个百分点", DOWN, "2", "百分点", None, False),
        ("减少300万吨", DOWN, "300", "万吨", None, False),
        ("增加5000亿元", UP, "5000", "亿元", None, False),
        ("新增4500万人", UP, "4500", "万人", None, False),
        ("累计新增5500万人以上", UP, "5500", "万人", None, True),
        ("累计减少1.5亿吨", DOWN, "1.5", "亿吨", None, True),
    ],
)
def test_changes_keep_their_direction_and_year(
    text: str,
    change: ChangeDirection,
    amount: str,
    unit: str,
    since: int | None,
    cumulative: bool,
) -> None:
    value = parse_value(text)
    assert (value.change, value.amount, value.unit, value.since, value.cumulative) == (
        change,
        Decimal(amount),
        unit,
        since,
        cumulative,
    )
    assert value.is_change and not value.is_level


def test_cumulative_sum_without_a_change_word_is_not_a_level() -> None:
    value = parse_value("累计投资3000亿元")
    assert value.cumulative and value.change is None
    assert not value.is_level
    assert value.amount == Decimal(3000)


@pytest.mark.parametrize(
    ("text", "unit", "other", "same"),
    [
        ("650GB", "GB", "TB", True),
        ("2太字节", "TB", "B", True),
        ("512字节", "B", "PB", True),
        ("3Tbps", "Tbps", "Mbps", True),
        ("2亿亩", "亿亩", "亩", True),
        ("1.2亿公顷", "亿公顷", "平方公里", True),
        ("10万亿次", "万亿次", "次", True),
        ("165亿立方米", "亿立方米", "万立方米", True),
        ("120m³", "立方米", "亿立方米", True),
        ("350万平方米", "万平方米", "平方公里", True),
        ("165亿立方米", "亿立方米", "亿吨", False),  # a volume is not a mass
        ("650GB", "GB", "Gbps", False),  # a data size is not a bit rate
        ("100M", "Mbps", "MB", False),
    ],
)
def test_new_units(text: str, unit: str, other: str, same: bool) -> None:
    value = parse_value(text)
    assert value.unit == unit
    assert compatible(unit, other) is same


def test_data_sizes_convert_decimally() -> None:
    assert parse_value("1.5TB").to("GB").magnitude == pytest.approx(1500)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("基本到达20Mbps", "'基本到达' is not a unit or comparator"),
        ("大约是20", "'大约是' is not a unit or comparator"),
        ("650斤", "unknown unit '斤' (expected a unit such as"),
        ("比2015年20%", "'比2015年' needs a change such as 下降, 提高 or 增加"),
    ],
)
def test_unreadable_words_are_named(text: str, reason: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_value(text)
    assert reason in str(info.value)


def test_unreadable_value_keeps_its_text_and_problem() -> None:
    from plancheck.quantities import Value

    value = Value.unreadable("基本到达20Mbps", "why")
    assert value.status is ValueStatus.UNREADABLE
    assert not value.is_given and not value.is_level
    assert str(value) == "基本到达20Mbps"
    with pytest.raises(QuantityError):
        Value("x", ValueStatus.UNREADABLE)
    with pytest.raises(QuantityError):
        Value("5", ValueStatus.GIVEN, amount=Decimal(5), problem="not unreadable")
