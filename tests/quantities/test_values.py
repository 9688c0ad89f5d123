"""parse_value: every written form, every bad form, and Value's behaviour."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from plancheck.quantities import (
    Comparator,
    QuantityError,
    Value,
    ValueStatus,
    parse_value,
)

GT, GE, LT, LE, EQ, ABOUT = (
    Comparator.GT,
    Comparator.GE,
    Comparator.LT,
    Comparator.LE,
    Comparator.EQ,
    Comparator.ABOUT,
)


@pytest.mark.parametrize(
    ("text", "comparator", "amount", "unit", "qualifier"),
    [
        ("30,000", EQ, "30000", None, None),
        ("1,234,567.5", EQ, "1234567.5", None, None),
        ("30，000", EQ, "30000", None, None),
        ("14.24亿元", EQ, "14.24", "亿元", None),
        ("80%", EQ, "80", "%", None),
        ("13.9％", EQ, "13.9", "%", None),
        ("４５台/百户", EQ, "45", "台/百户", None),
        ("45台／百户", EQ, "45", "台/百户", None),
        ("80.8部/百人", EQ, "80.8", "部/百人", None),
        ("16M", EQ, "16", "Mbps", None),
        ("4兆", EQ, "4", "Mbps", None),
        ("100 Mbit/s", EQ, "100", "Mbps", None),
        ("3.2万公里", EQ, "3.2", "万公里", None),
        ("303.99万户", EQ, "303.99", "万户", None),
        ("350万", EQ, "350", "万", None),
        ("0.686", EQ, "0.686", None, None),
        ("100万元/年", EQ, "100", "万元/年", None),
        ("5人次", EQ, "5", "人次", None),
        ("5个百分点", EQ, "5", "百分点", None),
        ("3‰", EQ, "3", "‰", None),
        ("2倍", EQ, "2", "倍", None),
        ("-3.5%", EQ, "-3.5", "%", None),
        ("－3.5%", EQ, "-3.5", "%", None),
        ("\u22123.5%", EQ, "-3.5", "%", None),
        ("+2", EQ, "2", None, None),
        # comparator symbols
        ("大于 100", GT, "100", None, None),
        ("> 98", GT, "98", None, None),
        ("＞98", GT, "98", None, None),
        ("≥90%", GE, "90", "%", None),
        (">=90%", GE, "90", "%", None),
        ("≤5%", LE, "5", "%", None),
        ("<5", LT, "5", None, None),
        ("＜5", LT, "5", None, None),
        ("=5", EQ, "5", None, None),
        ("≈5", ABOUT, "5", None, None),
        # comparator words
        ("高于90%", GT, "90", "%", None),
        ("超过60万户", GT, "60", "万户", None),
        ("突破350万", GT, "350", "万", None),
        ("多于3家", GT, "3", "家", None),
        ("不低于90%", GE, "90", "%", None),
        ("不少于20家", GE, "20", "家", None),
        ("至少30个", GE, "30", "个", None),
        ("小于5%", LT, "5", "%", None),
        ("低于5%", LT, "5", "%", None),
        ("少于10项", LT, "10", "项", None),
        ("不超过5%", LE, "5", "%", None),
        ("不高于5%", LE, "5", "%", None),
        ("不多于3所", LE, "3", "所", None),
        ("控制在5%以内", LE, "5", "%", None),
        ("控制在5%", LE, "5", "%", None),
        ("约300万人", ABOUT, "300", "万人", None),
        ("大约300万人", ABOUT, "300", "万人", None),
        ("近300万人", ABOUT, "300", "万人", None),
        ("达到35万户", EQ, "35", "万户", None),
        ("达95.2万人", EQ, "95.2", "万人", None),
        ("达到90%以上", GE, "90", "%", None),
        # suffixes
        ("99%以上", GE, "99", "%", None),
        ("90%及以上", GE, "90", "%", None),
        ("5%以下", LE, "5", "%", None),
        ("5%以内", LE, "5", "%", None),
        ("40%左右", ABOUT, "40", "%", None),
        ("14万条左右", ABOUT, "14", "万条", None),
        ("250亿元以上", GE, "250", "亿元", None),
        ("1600多户", GT, "1600", "户", None),
        ("1600余户", GT, "1600", "户", None),
        ("3万多户", GT, "3", "万户", None),
        ("100多", GT, "100", None, None),
        ("超过50%以上", GT, "50", "%", None),
        ("低于5%以下", LT, "5", "%", None),
        # qualifiers
        ("20(80%用户)", EQ, "20", None, "80%用户"),
        ("20（80%用户）", EQ, "20", None, "80%用户"),
        ("20 （ 80%用户 ）", EQ, "20", None, "80%用户"),
        ("99%以上(城市)", GE, "99", "%", "城市"),
        ("20(80%用户)以上", GE, "20", None, "80%用户"),
        ("16M（城市）", EQ, "16", "Mbps", "城市"),
    ],
)
def test_parse_value_forms(
    text: str, comparator: Comparator, amount: str, unit: str | None, qualifier: str | None
) -> None:
    value = parse_value(text)
    assert value.status is ValueStatus.GIVEN
    assert value.is_given
    assert value.text == text.strip()
    assert value.comparator is comparator
    assert value.amount == Decimal(amount)
    assert value.unit == unit
    assert value.qualifier == qualifier


def test_parse_value_keeps_text_as_written() -> None:
    value = parse_value("  ４５台/百户 ")
    assert value.text == "４５台/百户"
    assert str(value) == "４５台/百户"


@pytest.mark.parametrize("text", ["——", "—", "－", "－－", "-", "--", "/", "―", " —— ", "–"])
def test_parse_value_none_marks(text: str) -> None:
    value = parse_value(text)
    assert value.status is ValueStatus.NONE
    assert not value.is_given
    assert value.amount is None
    assert value.unit is None
    assert value.text == text.strip()


def test_none_mark_with_qualifier() -> None:
    value = parse_value("——（暂无统计）")
    assert value.status is ValueStatus.NONE
    assert value.qualifier == "暂无统计"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("3斤", "unknown unit '斤'"),
        ("abc", "no number found"),
        ("", "empty text"),
        ("   ", "empty text"),
        ("NaN", "no number found"),
        ("nan%", "no number found"),
        ("inf", "no number found"),
        ("1e5", "unknown unit 'e5'"),
        ("3,00", "unknown unit ',00'"),
        ("1,2345", "unknown unit '"),
        (".5", "'.' is not a unit or comparator"),
        ("5.", "unknown unit '.'"),
        ("20()", "empty parentheses"),
        ("20)", "unbalanced parentheses"),
        ("(3)", "no number found"),
        ("20(a(b))", "misplaced parentheses"),
        ("2(a)0(b)", "misplaced parentheses"),
        ("大于<5", "'大于<' is not a unit or comparator"),
        ("以上", "no number found"),
        ("5年", "denominator"),
        ("5部/百人/年", "only one '/'"),
        ("大于5%以下", "conflicting comparators '>' and '<='"),
        ("约5%以上", "conflicting comparators"),
        ("— 5", "'—' is not a unit or comparator"),
        ("基本到达20Mbps", "'基本到达' is not a unit or comparator"),
        ("a" * 201, "longer than 200 characters"),
        ("1" * 51, "more than 50 digits"),
        ("0." + "1" * 50, "more than 50 digits"),
    ],
)
def test_parse_value_rejects_text(raw: str, reason: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_value(raw)
    message = str(info.value)
    assert message.startswith("无法解析数量 / cannot parse quantity ")
    assert reason in message
    assert "\n" not in message


def test_unknown_unit_message_is_exact() -> None:
    with pytest.raises(QuantityError) as info:
        parse_value("3斤")
    assert str(info.value) == (
        "无法解析数量 / cannot parse quantity '3斤': unknown unit '斤' (expected a unit such as "
        "万元, 亿元, 万户, 万人, 个, %, 个百分点, Mbps, GB, 万亩, 吨, 台/百户)"
    )


def test_overlong_text_is_rejected_quickly_and_quoted_short() -> None:
    with pytest.raises(QuantityError) as info:
        parse_value("9" * 100_000)
    assert len(str(info.value)) < 200


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (True, "boolean"),
        (False, "boolean"),
        (float("nan"), "not a finite number"),
        (float("inf"), "not a finite number"),
        (float("-inf"), "not a finite number"),
        (Decimal("NaN"), "not a finite number"),
        (Decimal("sNaN"), "not a finite number"),
        (Decimal("Infinity"), "not a finite number"),
        (10**50, "more than 50 digits"),
        pytest.param(10**5000, "more than 50 digits", id="huge-int"),
        (1e300, "more than 50 digits"),
        (1e-60, "more than 50 digits"),
        (Decimal("1E+60"), "more than 50 digits"),
        (Decimal("1E-51"), "more than 50 digits"),
        (None, "unsupported type NoneType"),
        ([1], "unsupported type list"),
    ],
)
def test_parse_value_rejects_numbers(raw: object, reason: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_value(raw)  # type: ignore[arg-type]
    assert str(info.value).startswith("无法解析数量 / cannot parse quantity ")
    assert reason in str(info.value)


@pytest.mark.parametrize(
    ("raw", "amount", "decimals"),
    [
        (303.99, "303.99", 2),
        (0.1, "0.1", 1),
        (2.0, "2.0", 1),
        (30000, "30000", 0),
        (-7, "-7", 0),
        (10**49, str(10**49), 0),
        (1e20, "100000000000000000000", 0),
        (Decimal("14.240"), "14.240", 3),
        (Decimal("1E+3"), "1000", 0),
    ],
)
def test_parse_value_numbers(raw: float | Decimal, amount: str, decimals: int) -> None:
    value = parse_value(raw)
    assert value.text is None
    assert value.status is ValueStatus.GIVEN
    assert value.comparator is EQ
    assert value.amount is not None
    assert value.amount.as_tuple() == Decimal(amount).as_tuple()
    assert value.decimals == decimals
    assert value.unit is None


def test_parse_value_default_unit() -> None:
    assert parse_value(30000, default_unit="万户").unit == "万户"
    assert parse_value("30,000", default_unit="％").unit == "%"
    assert parse_value("16", default_unit="M").unit == "Mbps"
    # a unit in the text wins over the default
    assert parse_value("350万", default_unit="万户").unit == "万"
    assert parse_value("80%", default_unit="万户").unit == "%"
    # the default does not apply to explicit none
    assert parse_value("——", default_unit="万户").unit is None
    with pytest.raises(QuantityError, match="bad default unit: unknown unit '斤'"):
        parse_value("3", default_unit="斤")


@pytest.mark.parametrize(
    ("text", "decimals"),
    [
        ("14.24", 2),
        ("14.24亿元", 2),
        ("30,000", 0),
        ("3.2万", 1),
        ("3.20万", 2),
        ("80%", 0),
        ("≥99.50%", 2),
        ("0.686", 3),
    ],
)
def test_decimals(text: str, decimals: int) -> None:
    assert parse_value(text).decimals == decimals


def test_quantity_and_magnitude() -> None:
    value = parse_value("303.99万户")
    q = value.quantity
    assert isinstance(q.magnitude, Decimal)
    assert q.magnitude == Decimal("303.99")
    assert value.magnitude == Decimal("303.99")
    assert str(q.units) == "万户"


@pytest.mark.parametrize("text", ["——", "/"])
def test_not_given_has_no_quantity(text: str) -> None:
    value = parse_value(text)
    for attribute in ("quantity", "magnitude", "decimals"):
        with pytest.raises(QuantityError, match="has no amount"):
            getattr(value, attribute)
    with pytest.raises(QuantityError, match="has no amount"):
        value.to("万户")


def test_value_without_unit_has_no_quantity() -> None:
    value = parse_value("350")
    assert value.magnitude == 350.0
    with pytest.raises(QuantityError, match="has no unit"):
        _ = value.quantity
    with pytest.raises(QuantityError, match="has no unit"):
        value.to("万户")


def test_with_unit() -> None:
    value = parse_value("303.99")
    filled = value.with_unit("万户")
    assert filled.unit == "万户"
    assert filled.text == "303.99"
    assert filled.amount == value.amount
    assert value.unit is None  # frozen: the original is unchanged
    assert filled.to("户").magnitude == pytest.approx(3_039_900)
    assert value.with_unit("M").unit == "Mbps"  # canonicalised


@pytest.mark.parametrize(
    "written",
    [
        "303.99",
        "约3,000",
        "≥90",
        "1600多",
        "比2015年下降16",
        "累计新增4500",
        "20（80%用户）",
        12,
        3.5,
    ],
)
def test_with_unit_is_the_copy_a_full_rebuild_would_make(written: str | float) -> None:
    # with_unit copies field by field, skipping the checks a rebuilt value would pass.
    value = parse_value(written)
    filled = value.with_unit("M")
    rebuilt = dataclasses.replace(value, unit="Mbps", unit_implied=True)
    assert filled == rebuilt
    assert [getattr(filled, f.name) for f in dataclasses.fields(Value)] == [
        getattr(rebuilt, f.name) for f in dataclasses.fields(Value)
    ]
    assert hash(filled) == hash(rebuilt)


def test_with_unit_keeps_an_explicit_unit() -> None:
    value = parse_value("350万")
    assert value.with_unit("万户") is value
    none = parse_value("——")
    assert none.with_unit("万户") is none
    with pytest.raises(QuantityError, match="斤"):
        value.with_unit("斤")


def test_str_renders_canonically_without_text() -> None:
    assert str(parse_value(303.99, default_unit="万户")) == "303.99万户"
    assert str(parse_value(Decimal("1E+3"))) == "1000"
    built = Value(None, ValueStatus.GIVEN, GE, Decimal("90"), "%", "城市")
    assert str(built) == ">=90%(城市)"
    assert str(Value(None, ValueStatus.GIVEN, ABOUT, Decimal("3"), "万户")) == "约3万户"
    assert str(Value(None, ValueStatus.NONE)) == "——"
    assert str(Value.missing()) == ""


@pytest.mark.parametrize("comparator", list(Comparator))
def test_canonical_rendering_parses_back(comparator: Comparator) -> None:
    built = Value(None, ValueStatus.GIVEN, comparator, Decimal("-12.50"), "台/百户", "农村")
    parsed = parse_value(str(built))
    assert dataclasses.replace(parsed, text=None) == built
    assert parsed.amount is not None
    assert parsed.amount.as_tuple() == Decimal("-12.50").as_tuple()


def test_missing() -> None:
    value = Value.missing()
    assert value.status is ValueStatus.MISSING
    assert value.text is None
    assert not value.is_given
    with pytest.raises(QuantityError):
        _ = value.quantity


def test_value_is_frozen_and_hashable() -> None:
    value = parse_value("14.24亿元")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.amount = Decimal(1)  # type: ignore[misc]
    assert hash(value) == hash(parse_value("14.24亿元"))
    assert not hasattr(value, "__dict__")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "", "status": ValueStatus.NONE}, "must not be empty"),
        ({"text": None, "status": ValueStatus.GIVEN}, "needs a finite amount"),
        (
            {"text": None, "status": ValueStatus.GIVEN, "amount": Decimal("NaN")},
            "needs a finite amount",
        ),
        ({"text": "——", "status": ValueStatus.NONE, "amount": Decimal(1)}, "cannot have"),
        ({"text": None, "status": ValueStatus.MISSING, "unit": "%"}, "cannot have"),
        (
            {"text": None, "status": ValueStatus.GIVEN, "amount": Decimal(1), "unit": "M"},
            "use 'Mbps'",
        ),
        (
            {"text": None, "status": ValueStatus.GIVEN, "amount": Decimal(1), "unit": "斤"},
            "unknown unit",
        ),
    ],
)
def test_value_invariants(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(QuantityError, match=message):
        Value(**kwargs)  # type: ignore[arg-type]


def test_enum_values() -> None:
    assert [c.value for c in Comparator] == ["=", ">", ">=", "<", "<=", "about"]
    assert [s.value for s in ValueStatus] == ["given", "none", "missing", "unreadable"]
