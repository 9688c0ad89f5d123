"""Value as a pydantic v2 field type."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from plancheck.quantities import Comparator, QuantityError, Value, ValueStatus, parse_value


class Row(BaseModel):
    value: Value
    optional: Value | None = None


ADAPTER: TypeAdapter[Value] = TypeAdapter(Value)


@pytest.mark.parametrize(
    "text",
    ["14.24亿元", "≥90%", "突破350万", "４５台/百户", "20（80%用户）", "——", "30,000", "16M"],
)
def test_text_round_trips(text: str) -> None:
    row = Row.model_validate({"value": text})
    assert row.value == parse_value(text)
    assert row.model_dump(mode="json") == {"value": text, "optional": None}
    assert row.model_dump() == {"value": text, "optional": None}
    again = Row.model_validate_json(row.model_dump_json())
    assert again == row


def test_validated_fields_are_values() -> None:
    row = Row.model_validate({"value": "≥90%", "optional": 303.99})
    assert row.value.comparator is Comparator.GE
    assert row.value.unit == "%"
    assert row.optional is not None
    assert row.optional.amount == Decimal("303.99")
    assert row.optional.unit is None


@pytest.mark.parametrize(
    ("raw", "dumped"),
    [
        (303.99, 303.99),
        (30000, 30000),
        (2.0, 2),
        (Decimal("14.240"), 14.24),
        (Decimal("-7"), -7),
    ],
)
def test_numbers_serialise_as_numbers(raw: float | Decimal, dumped: float) -> None:
    row = Row(value=parse_value(raw))
    out = row.model_dump(mode="json")["value"]
    assert out == dumped
    assert type(out) is type(dumped)
    assert Row.model_validate(row.model_dump(mode="json")).value.amount == Decimal(str(dumped))


def test_json_numbers_are_exact() -> None:
    row = Row.model_validate_json('{"value": 303.99}')
    assert row.value.amount == Decimal("303.99")
    assert row.model_dump_json() == '{"value":303.99,"optional":null}'


def test_value_instances_pass_through_and_serialise() -> None:
    value = parse_value("约3万户")
    row = Row(value=value)
    assert row.value is value
    filled = parse_value("350").with_unit("万户")
    assert Row(value=filled).model_dump(mode="json")["value"] == "350"
    assert ADAPTER.dump_python(Value(None, ValueStatus.NONE)) == "——"
    assert ADAPTER.dump_python(Value.missing()) is None
    assert ADAPTER.dump_json(parse_value(1.5)) == b"1.5"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("3斤", "无法解析数量 / cannot parse quantity '3斤': unknown unit '斤'"),
        ("abc", "无法解析数量 / cannot parse quantity 'abc'"),
        ("", "empty text"),
        (True, "boolean"),
        (None, "unsupported type NoneType"),
        ([1, 2], "unsupported type list"),
        (float("nan"), "not a finite number"),
    ],
)
def test_parse_failure_is_a_validation_error(raw: object, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Row.model_validate({"value": raw})
    errors = info.value.errors()
    assert len(errors) == 1
    assert errors[0]["loc"] == ("value",)
    assert errors[0]["type"] == "value_error"
    assert fragment in errors[0]["msg"]
    assert isinstance(errors[0]["ctx"]["error"], QuantityError)


def test_json_schema_shape() -> None:
    schema = ADAPTER.json_schema()
    assert schema["anyOf"] == [{"type": "string", "minLength": 1}, {"type": "number"}]
    assert isinstance(schema["description"], str)
    assert schema["description"]
    assert set(schema) == {"anyOf", "description"}
    field = Row.model_json_schema()["properties"]["value"]
    assert field["anyOf"] == schema["anyOf"]
    json.dumps(Row.model_json_schema(mode="serialization"))
