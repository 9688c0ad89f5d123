"""The JSON Schema (Draft 2020-12) of ``plancheck diff --format json`` (format version 1).

``schemas/diff.schema.json`` is :func:`diff_schema_text` written out; a test fails when
the two drift apart or when a real diff stops validating.
"""

from __future__ import annotations

import json
from typing import Any

from plancheck._project import schema_url
from plancheck.outputs.json_schema import closed_object, definitions

from ._formats import FORMAT_VERSION
from ._records import KINDS, Change, Trend

SCHEMA_ID = schema_url("diff.schema.json")


def _string(description: str, *, nullable: bool = False) -> dict[str, Any]:
    kind: Any = ["string", "null"] if nullable else "string"
    return {"type": kind, "description": description}


def _decimal(description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$", "description": description}


def diff_schema() -> dict[str, Any]:
    note = {
        "oneOf": [
            closed_object(
                "The revision note the entity carries on that side.",
                {
                    "revision": _string("Id of the revision it names.", nullable=True),
                    "reason": _string("Why it changed.", nullable=True),
                },
            ),
            {"type": "null"},
        ]
    }
    field = closed_object(
        "One field whose value differs, as a plan file writes it (null: absent).",
        {
            "field": _string("The field's name: `funding`, `value`, `years`, `baseline` …"),
            "old": _string("The earlier value.", nullable=True),
            "new": _string("The revised value.", nullable=True),
            "trend": {
                "enum": [*(t.value for t in Trend), None],
                "description": "For amounts: raised or lowered; for a target: weakened or "
                "strengthened (against or with the indicator's direction).",
            },
        },
    )
    change = closed_object(
        "An entity added, removed or changed.",
        {
            "kind": {"enum": list(KINDS), "description": "What kind of entity."},
            "change": {"enum": [c.value for c in Change], "description": "What happened."},
            "key": _string("Its key in the revised version (the earlier one when removed)."),
            "old_key": _string("Its key in the earlier version.", nullable=True),
            "new_key": _string("Its key in the revised version.", nullable=True),
            "name": _string("Its human name."),
            "fields": {"type": "array", "items": field, "description": "Changed fields."},
            "old_revision": note,
            "new_revision": note,
        },
    )
    line = closed_object(
        "Funding of one category (null: all projects), before and after, in `currency`.",
        {
            "category": _string("The category heading as written.", nullable=True),
            "old": _decimal("Exact sum in the earlier version."),
            "new": _decimal("Exact sum in the revised version."),
            "delta": _decimal("new - old."),
        },
    )
    shared = definitions()
    document = closed_object(
        "What changed between two versions of a plan, and the revision rules' findings.",
        {
            "version": {"const": FORMAT_VERSION, "description": "Format version."},
            "tool": closed_object(
                "The program that wrote it.",
                {"name": {"const": "plancheck"}, "version": _string("Its version.")},
            ),
            "old": _string("The earlier version: a path or REV:PATH (empty when in memory)."),
            "new": _string("The revised version: a path or REV:PATH (empty when in memory)."),
            "changes": {"type": "array", "items": change},
            "funding": closed_object(
                "Project funding per category and in total; only lines that differ.",
                {
                    "currency": _string("The unit of every amount (the plans' currency)."),
                    "total": {"oneOf": [line, {"type": "null"}]},
                    "categories": {"type": "array", "items": line},
                },
            ),
            "findings": {
                "type": "array",
                "items": {"$ref": "#/$defs/finding"},
                "description": "Findings of the revision rules (PC7xx) about the change.",
            },
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "plancheck diff",
        **document,
        "$defs": shared,
    }


def diff_schema_text() -> str:
    return json.dumps(diff_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
