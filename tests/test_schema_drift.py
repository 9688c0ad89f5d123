"""The checked-in plan schema is what the model generates (`nox -s schemas` refreshes it)."""

from __future__ import annotations

import json

import jsonschema
from ruamel.yaml import YAML

from plancheck.schema import plan_schema_text

from .conftest import MINIMAL_PLAN, ROOT


def test_checked_in_schema_is_current() -> None:
    checked_in = (ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")
    assert checked_in == plan_schema_text(), "schema is stale: run `nox -s schemas`"


def test_schema_is_valid_draft_2020_12_and_accepts_a_plan() -> None:
    schema = json.loads(plan_schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = YAML(typ="safe").load(
        MINIMAL_PLAN + "projects:\n  - {id: a, name: 甲, funding: 3亿元}\n"
    )
    jsonschema.validate(data, schema)
    data["projects"][0]["fundng"] = 1
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors


def test_checked_in_part_schema_is_current() -> None:
    from plancheck.schema import part_schema_text

    checked_in = (ROOT / "schemas" / "part.schema.json").read_text(encoding="utf-8")
    assert checked_in == part_schema_text(), "schema is stale: run `nox -s schemas`"
