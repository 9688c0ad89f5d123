"""Typed check parameters: each check declares a small pydantic model of its options.

The model is the single source of a rule's options: the JSON Schema that rule files and
configurations are validated against is derived from it, its field defaults are the
documented defaults, and the check function receives a validated, frozen instance.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


class CheckParams(BaseModel):
    """Base of every check's parameter model: unknown options are refused, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoParams(CheckParams):
    """The parameters of a check that takes none."""


def _distinct(items: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(items)) != len(items):
        raise ValueError("items must be distinct")
    return items


NonEmptyText = Annotated[str, StringConstraints(min_length=1)]
# A list of distinct, non-empty strings (JSON Schema: uniqueItems).
DistinctTexts = Annotated[
    tuple[NonEmptyText, ...],
    AfterValidator(_distinct),
    Field(json_schema_extra={"uniqueItems": True}),
]


def options_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of a check's options, as rule files and configurations must follow."""
    schema = model.model_json_schema()
    schema["additionalProperties"] = False
    properties = schema.setdefault("properties", {})
    for name, option in properties.items():
        properties[name] = _nullable_as_type_list(option)
    return schema


def _nullable_as_type_list(option: dict[str, Any]) -> dict[str, Any]:
    """``X | None`` as ``type: [x, "null"]`` rather than pydantic's ``anyOf``.

    The same constraint, but a wrong value is then reported as "'x' is not of type
    'number', 'null'" instead of "not valid under any of the given schemas".
    """
    branches = option.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2 or {"type": "null"} not in branches:
        return option
    other = next(branch for branch in branches if branch != {"type": "null"})
    if not isinstance(other.get("type"), str):
        return option
    merged = {key: value for key, value in option.items() if key != "anyOf"}
    return {**other, **merged, "type": [other["type"], "null"]}


def option_defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Each option that has a default, as JSON data (what the rule documentation shows)."""
    defaults: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if info.is_required():
            continue
        value = info.get_default(call_default_factory=True)
        defaults[name] = _jsonable(value)
    return defaults


def _jsonable(value: object) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return value
