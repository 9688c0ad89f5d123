"""The JSON Schema (Draft 2020-12) of the ``--format json`` report (format version 1).

``schemas/findings.schema.json`` is :func:`findings_schema_text` written out; a
test fails when the two drift apart or when a real report stops validating.
"""

from __future__ import annotations

import json
from typing import Any

from plancheck._project import schema_url
from plancheck.outputs.json_format import FORMAT_VERSION
from plancheck.records import Severity

SCHEMA_ID = schema_url("findings.schema.json")

_SEVERITIES = [severity.value for severity in Severity]


def _string(description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **extra}


def _integer(description: str, minimum: int = 0) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum, "description": description}


def closed_object(
    description: str, properties: dict[str, Any], required: list[str] | None = None
) -> dict[str, Any]:
    """An object schema with exactly ``properties`` (all required unless ``required``
    says which): the shape of every object plancheck writes as JSON."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": sorted(properties) if required is None else required,
        "additionalProperties": False,
    }


def definitions() -> dict[str, Any]:
    """The report's ``$defs`` (finding, subject, positions …), shared by the diff schema."""
    severity = {
        "type": "string",
        "enum": _SEVERITIES,
        "description": "error, warning or info (most to least severe).",
    }
    subject = closed_object(
        "What the finding is about.",
        {
            "kind": _string("Entity kind: project, indicator, section, file, …"),
            "id": _string("The entity's id (or file name)."),
            "name": _string("The entity's human name."),
            "key": _string(
                "Stable domain key that survives reformatting: `projects/<id>`, "
                "`sections/3.2`, `files/<path>`, …"
            ),
        },
    )
    source = closed_object(
        "A position in the published source document.",
        {
            "file": _string("The source document's path."),
            "line": _integer("1-based line.", 1),
            "column": {
                "type": ["integer", "null"],
                "minimum": 1,
                "description": "1-based column in characters; null when unknown.",
            },
        },
    )
    finding = closed_object(
        "One failed check.",
        {
            "rule": _string("Rule code.", pattern="^[A-Z]{2,5}[0-9]{3}$"),
            "name": _string("Rule name (kebab-case)."),
            "severity": {"$ref": "#/$defs/severity"},
            "message": _string("The message in the report's language (`lang`)."),
            "message_zh": _string("The message in Chinese."),
            "message_en": _string("The message in English."),
            "file": _string("Plan data file (YAML) the finding points at."),
            "line": _integer("1-based line in `file`.", 1),
            "column": _integer("1-based column in `file`.", 1),
            "pointer": _string("JSON Pointer to the value in `file`; empty when none."),
            "subject": {"$ref": "#/$defs/subject"},
            "source": {
                "description": "Position in the source document, or null.",
                "oneOf": [{"$ref": "#/$defs/source"}, {"type": "null"}],
            },
            "evidence": {
                "type": "object",
                "description": "The values the finding is about, by name.",
                "additionalProperties": {"type": "string"},
            },
            "hint": {
                "type": ["string", "null"],
                "description": "How to fix it, in the report's language; null when none.",
            },
            "plan": _string("Path of the plan (file or directory) the finding belongs to."),
            "fingerprint": _string(
                "Semantic fingerprint (rule, plan id, subject key, values; never line numbers): "
                "the identity baselines and SARIF partialFingerprints use.",
                pattern="^[0-9a-f]{32}$",
            ),
        },
    )
    rule_stats = closed_object(
        "How one rule fared over all plans.",
        {
            "checked": _integer("Subjects the rule was applied to."),
            "passed": _integer("Subjects that passed."),
            "failed": _integer("Subjects that failed."),
            "not_applicable": _integer("Subjects the rule did not apply to."),
            "not_applicable_reasons": {
                "type": "object",
                "description": "Why the rule did not apply, with counts.",
                "additionalProperties": {"type": "integer", "minimum": 0},
            },
        },
    )
    plan = closed_object(
        "One checked plan.",
        {
            "path": _string("The plan file or directory."),
            "id": {"type": ["string", "null"], "description": "The plan's id, if it loaded."},
            "files": {
                "type": "array",
                "description": "The YAML files read for this plan.",
                "items": {"type": "string"},
            },
        },
    )
    return {
        "severity": severity,
        "subject": subject,
        "source": source,
        "finding": finding,
        "rule_stats": rule_stats,
        "plan": plan,
    }


def findings_schema() -> dict[str, Any]:
    count = _integer("Number of findings.")
    document = closed_object(
        "A plancheck report (`plancheck check --format json`).",
        {
            "version": {
                "const": FORMAT_VERSION,
                "description": "Report format version; changes only on incompatible changes.",
            },
            "tool": closed_object(
                "The tool that wrote the report.",
                {
                    "name": {"const": "plancheck", "description": "Always `plancheck`."},
                    "version": _string("plancheck's version."),
                },
            ),
            "lang": _string("Language of `message` and `hint`.", enum=["zh", "en"]),
            "fail_on": {
                "$ref": "#/$defs/severity",
                "description": "Lowest severity that makes the run fail.",
            },
            "summary": closed_object(
                "Totals.",
                {
                    "plans": _integer("Number of plans checked."),
                    "findings": count,
                    "by_severity": closed_object(
                        "Findings per severity.",
                        dict.fromkeys(_SEVERITIES, count),
                    ),
                    "failed": {
                        "type": "boolean",
                        "description": "True when a finding is at or above `fail_on` (exit 1).",
                    },
                    "suppressed": _integer("Findings waived or in the baseline (not counted)."),
                },
            ),
            "plans": {
                "type": "array",
                "description": "The plans checked, by path.",
                "items": {"$ref": "#/$defs/plan"},
            },
            "findings": {
                "type": "array",
                "description": "Findings sorted by file, line, column, rule and subject.",
                "items": {"$ref": "#/$defs/finding"},
            },
            "suppressed": {
                "type": "array",
                "description": "Findings that were found but do not count, and why.",
                "items": closed_object(
                    "A waived, inline-ignored or baselined finding.",
                    {
                        "finding": {"$ref": "#/$defs/finding"},
                        "suppression": closed_object(
                            "Why it does not count.",
                            {
                                "kind": _string(
                                    "What suppressed it.", enum=["waiver", "inline", "baseline"]
                                ),
                                "origin": _string("Where the decision is written."),
                                "reason": _string("The reason given (empty for a baseline)."),
                                "approved_by": _string("Who approved a waiver."),
                                "expires": _string("When a waiver expires (ISO date)."),
                            },
                        ),
                    },
                ),
            },
            "rules": {
                "type": "object",
                "description": "Per-rule statistics, by rule code.",
                "propertyNames": {"pattern": "^[A-Z]{2,5}[0-9]{3}$"},
                "additionalProperties": {"$ref": "#/$defs/rule_stats"},
            },
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "plancheck findings report",
        **document,
        "$defs": definitions(),
    }


def findings_schema_text() -> str:
    """Deterministic text: the checked-in file must equal this byte for byte."""
    return json.dumps(findings_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
