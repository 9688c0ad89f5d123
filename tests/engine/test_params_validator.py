"""One compiled validator per check, reporting what ``jsonschema.validate`` reports."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from plancheck.engine import _params

SCHEMA = {
    "type": "object",
    "properties": {"tolerance": {"type": "number", "minimum": 0}, "codes": {"type": "array"}},
    "additionalProperties": False,
}


def _validate_message(params: dict[str, Any]) -> str | None:
    try:
        jsonschema.validate(params, SCHEMA)
    except jsonschema.ValidationError as exc:
        where = ".".join(str(p) for p in exc.absolute_path) or "params"
        return f"{where}: {exc.message}"
    return None


@pytest.mark.parametrize(
    "params",
    [{}, {"tolerance": 0.5}, {"tolerance": -1}, {"tolerance": "x"}, {"codes": 3}, {"other": 1}],
)
def test_same_message_as_jsonschema_validate(params: dict[str, Any]) -> None:
    assert _params.params_error("test-check", SCHEMA, params) == _validate_message(params)


def test_validator_is_built_once_per_schema() -> None:
    _params.params_error("test-once", SCHEMA, {})
    first = _params._VALIDATORS["test-once"][1]
    _params.params_error("test-once", SCHEMA, {"tolerance": 1})
    assert _params._VALIDATORS["test-once"][1] is first
    other = dict(SCHEMA)
    _params.params_error("test-once", other, {})
    assert _params._VALIDATORS["test-once"][1] is not first


def test_a_bad_schema_is_refused() -> None:
    with pytest.raises(jsonschema.SchemaError):
        _params.params_error("test-bad", {"type": 3}, {})
