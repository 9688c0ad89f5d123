"""The plan and part-file JSON Schemas, generated from the model (Draft 2020-12).

A directory plan's ``plan.yaml`` is validated against the plan schema; each of its
part files holds only entity lists (``sections``, ``projects`` …) and has a schema
of its own, derived from the same model, so editors do not report the plan's
required metadata as missing in every part file.
"""

from __future__ import annotations

import json
from typing import Any

from plancheck._project import schema_url
from plancheck.loading import PART_LIST_KEYS as LIST_KEYS
from plancheck.model import Plan

SCHEMA_ID = schema_url("plan.schema.json")
PART_SCHEMA_ID = schema_url("part.schema.json")
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {"$schema": _DIALECT, "$id": SCHEMA_ID, **schema}


def part_schema() -> dict[str, Any]:
    """The plan schema's entity lists and nothing else, none of them required."""
    plan = Plan.model_json_schema(mode="validation")
    return {
        "$schema": _DIALECT,
        "$id": PART_SCHEMA_ID,
        "$defs": plan.get("$defs", {}),
        "additionalProperties": False,
        "description": (
            "A part file of a directory plan: entity lists merged into the plan.yaml that "
            "lists it under `parts`."
        ),
        "properties": {key: plan["properties"][key] for key in LIST_KEYS},
        "title": "Plan part",
        "type": "object",
    }


def _text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def plan_schema_text() -> str:
    """Deterministic text: the checked-in file must equal this byte for byte."""
    return _text(plan_schema())


def part_schema_text() -> str:
    """Deterministic text of ``schemas/part.schema.json``."""
    return _text(part_schema())
