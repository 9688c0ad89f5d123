"""The plan JSON Schema, generated from the model (Draft 2020-12)."""

from __future__ import annotations

import json
from typing import Any

from plancheck.model import Plan

SCHEMA_ID = "https://plancheck.invalid/schemas/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def plan_schema_text() -> str:
    """Deterministic text: the checked-in file must equal this byte for byte."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
