"""Typed check parameters: each check's options are a pydantic model it receives."""

from __future__ import annotations

import typing

import pytest

from plancheck import Checker, Config, ConfigError
from plancheck.checks.traceability import UnplannedProjectParams
from plancheck.engine.params import CheckParams, options_schema
from plancheck.engine.registry import CheckRegistry, builtin_registry


def _specs():  # type: ignore[no-untyped-def]
    """plancheck's own checks (a plugin loaded by another test may have registered more)."""
    registry = builtin_registry()
    specs = [registry.get(name) for name in registry.names()]
    return [s for s in specs if s.function.__module__.startswith("plancheck.checks.")]


@pytest.mark.parametrize("spec", _specs(), ids=lambda spec: spec.name)
def test_every_check_receives_its_declared_parameter_model(spec) -> None:  # type: ignore[no-untyped-def]
    assert issubclass(spec.params, CheckParams)
    hints = typing.get_type_hints(spec.function)
    assert hints["params"] is spec.params, f"{spec.name}: annotate params as {spec.params}"
    assert spec.params_schema == options_schema(spec.params)
    assert spec.params_schema["additionalProperties"] is False


def test_option_schema_and_defaults_come_from_the_model() -> None:
    spec = builtin_registry().get("unplanned-project")
    assert spec is not None
    similarity = spec.params_schema["properties"]["similarity"]
    assert (similarity["type"], similarity["minimum"], similarity["maximum"]) == ("number", 0, 1)
    assert spec.defaults == {"similarity": 0.6}
    words = builtin_registry().get("vague-implementer")
    assert words is not None
    schema = words.params_schema["properties"]["vague_words"]
    assert schema["uniqueItems"] is True and schema["items"]["minLength"] == 1
    assert "相关企业" in words.defaults["vague_words"]


def test_active_rules_carry_validated_models_with_overrides() -> None:
    checker = Checker(Config(select=["PC401", "PC603"], params={"PC401": {"similarity": 0.9}}))
    params = {active.rule.code: active.params for active in checker.rules}
    assert params["PC401"] == UnplannedProjectParams(similarity=0.9)
    assert params["PC603"].tolerance is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("given", "needle"),
    [
        ({"similarity": 7}, "bad parameter similarity: 7 is greater than the maximum of 1"),
        ({"similarity": "high"}, "bad parameter similarity"),
        ({"bogus": 1}, "'bogus' was unexpected"),
    ],
)
def test_bad_parameters_name_the_option(given: dict[str, object], needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        Checker(Config(params={"PC401": given}))
    assert needle in str(info.value)
    assert "PC401 参数无效" in str(info.value)


def test_duplicate_words_are_refused() -> None:
    with pytest.raises(ConfigError, match="vague_words"):
        Checker(Config(params={"PC502": {"vague_words": ["相关企业", "相关企业"]}}))


def test_registering_a_plain_schema_dict_is_refused() -> None:
    registry = CheckRegistry()
    with pytest.raises(TypeError, match="pydantic model"):
        registry.register("x", given="plan", params={"n": {"type": "number"}})  # type: ignore[arg-type]


def test_an_optional_option_keeps_the_type_list_message() -> None:
    with pytest.raises(ConfigError) as info:
        Checker(Config(params={"PC603": {"tolerance": "x"}}))
    assert "bad parameter tolerance: 'x' is not of type 'number', 'null'" in str(info.value)
    spec = builtin_registry().get("inconsistent-growth-rate")
    assert spec is not None
    assert spec.params_schema["properties"]["tolerance"]["type"] == ["number", "null"]
