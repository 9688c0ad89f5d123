"""Hypothesis properties of parsing, rendering and conversion."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from plancheck.quantities import (
    Comparator,
    QuantityError,
    Value,
    ValueStatus,
    canonical_unit,
    known_units,
    parse_unit,
    parse_value,
)
from plancheck.quantities._registry import BY_SURFACE, UnitKind

ALIASES = sorted(s for s, spec in BY_SURFACE.items() if spec.kind is not UnitKind.TIME)
COMPOUNDS = ["部/百人", "台/百户", "万元/年", "人/年", "元/人", "亿元/年", "Mbit/s/户", "M/户"]
UNITS = sorted(set(known_units()) | set(ALIASES) | set(COMPOUNDS))


@st.composite
def decimals(draw: st.DrawFn) -> Decimal:
    """Finite decimals as a plan could write them: positional, up to 6 places."""
    places = draw(st.integers(min_value=0, max_value=6))
    return draw(
        st.decimals(
            min_value=-(10**15),
            max_value=10**15,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )


def _same(a: Decimal | None, b: Decimal) -> bool:
    """Equal including the written precision (trailing zeros) and sign."""
    return a is not None and a.as_tuple() == b.as_tuple()


@given(d=decimals(), unit=st.sampled_from(UNITS))
def test_parse_recovers_amount_and_unit(d: Decimal, unit: str) -> None:
    written = f"{d}{unit}"
    assert "E" not in str(d)  # the strategy yields positional forms only
    value = parse_value(written)
    assert value.status is ValueStatus.GIVEN
    assert value.comparator is Comparator.EQ
    assert _same(value.amount, d)
    assert value.unit == canonical_unit(unit)
    assert value.text == written
    assert value.decimals == max(0, -int(d.as_tuple().exponent))


@given(d=decimals(), unit=st.sampled_from(sorted(known_units())))
def test_canonical_unit_is_stored_verbatim(d: Decimal, unit: str) -> None:
    assert parse_value(f"{d}{unit}").unit == unit


@given(
    d=decimals(),
    unit=st.sampled_from(["", *sorted(known_units())]),
    prefix=st.sampled_from(
        [
            ("", Comparator.EQ),
            ("大于", Comparator.GT),
            ("不低于", Comparator.GE),
            ("不超过", Comparator.LE),
            ("低于", Comparator.LT),
            ("约", Comparator.ABOUT),
            ("≥", Comparator.GE),
            ("＜", Comparator.LT),
        ]
    ),
    suffix=st.sampled_from(["", "以上", "左右", "以下"]),
)
def test_comparators_combine(
    d: Decimal, unit: str, prefix: tuple[str, Comparator], suffix: str
) -> None:
    word, comparator = prefix
    expected_suffix = {
        "": Comparator.EQ,
        "以上": Comparator.GE,
        "以下": Comparator.LE,
        "左右": Comparator.ABOUT,
    }[suffix]
    text = f"{word}{d}{unit}{suffix}"
    pair = {comparator, expected_suffix} - {Comparator.EQ}
    try:
        value = parse_value(text)
    except QuantityError as exc:
        assert len(pair) == 2, text  # only genuinely conflicting pairs may fail
        assert pair not in ({Comparator.GT, Comparator.GE}, {Comparator.LT, Comparator.LE})
        assert "conflicting comparators" in str(exc)
        return
    if not pair:
        assert value.comparator is Comparator.EQ
    elif len(pair) == 1:
        assert value.comparator is next(iter(pair))
    else:
        assert value.comparator in pair
    assert _same(value.amount, d)
    assert value.unit == (unit or None)


@given(
    d=decimals(),
    comparator=st.sampled_from(list(Comparator)),
    unit=st.sampled_from([None, *sorted(known_units()), *COMPOUNDS]),
    qualifier=st.sampled_from([None, "城市", "80%用户"]),
)
def test_rendering_round_trips(
    d: Decimal, comparator: Comparator, unit: str | None, qualifier: str | None
) -> None:
    canonical = None if unit is None else canonical_unit(unit)
    built = Value(None, ValueStatus.GIVEN, comparator, d, canonical, qualifier)
    parsed = parse_value(str(built))
    assert parsed.comparator is comparator
    assert _same(parsed.amount, d)
    assert parsed.unit == canonical
    assert parsed.qualifier == qualifier


@given(
    x=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15).filter(
        lambda x: x == 0 or abs(x) >= 1e-30
    )
)
def test_floats_keep_their_shortest_form(x: float) -> None:
    value = parse_value(x)
    assert value.amount == Decimal(str(x))
    assert float(value.magnitude) == x


@given(
    text=st.one_of(
        st.text(max_size=40),
        st.text(
            alphabet="0123456789.,-+%％万亿元户人台部/（）()以上下多约近大于≥——M ", max_size=30
        ),
    )
)
def test_parse_never_fails_unexpectedly(text: str) -> None:
    try:
        value = parse_value(text)
    except QuantityError as exc:
        message = str(exc)
        assert message.startswith("无法解析数量 / cannot parse quantity ")
        assert "\n" not in message
        return
    if value.is_given:
        assert value.amount is not None
        if value.unit is not None:
            parse_unit(value.unit)  # stored units always parse
    else:
        assert value.status is ValueStatus.NONE


ADAPTER: TypeAdapter[Value] = TypeAdapter(Value)


@given(d=decimals(), unit=st.sampled_from(sorted(known_units())))
def test_pydantic_round_trip(d: Decimal, unit: str) -> None:
    text = f"{d}{unit}"
    value = ADAPTER.validate_python(text)
    assert ADAPTER.dump_python(value, mode="json") == text
    assert ADAPTER.validate_json(ADAPTER.dump_json(value)) == value


@given(
    d=decimals(),
    counter=st.sampled_from(["户", "人", "部", "台", "个", "条", "家"]),
    multiplier=st.sampled_from([("", 1), ("百", 100), ("万", 10**4), ("亿", 10**8)]),
)
def test_conversion_scales_by_multiplier(
    d: Decimal, counter: str, multiplier: tuple[str, int]
) -> None:
    word, factor = multiplier
    q = parse_value(f"{d}{word}{counter}").to(counter)
    # Exact: the registry's magnitudes are Decimal and its factors powers of ten.
    assert q.magnitude == d * factor
    # an elided counter: "350万" under a 万户 indicator
    if word:
        elided = parse_value(f"{d}{word}").to(counter)
        assert elided.magnitude == q.magnitude
