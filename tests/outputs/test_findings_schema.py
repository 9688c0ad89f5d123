"""schemas/findings.schema.json documents the JSON report, and stays in step with it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from plancheck.outputs.json_format import render_json
from plancheck.outputs.json_schema import SCHEMA_ID, findings_schema, findings_schema_text
from plancheck.records import Report
from tests.conftest import ROOT

from .conftest import hand_report

CHECKED_IN = ROOT / "schemas" / "findings.schema.json"


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(document: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(document)]


def test_checked_in_schema_is_current() -> None:
    checked_in = CHECKED_IN.read_text(encoding="utf-8")
    assert checked_in == findings_schema_text(), (
        "schemas/findings.schema.json is stale: write plancheck.outputs.json_schema."
        "findings_schema_text() to it"
    )
    assert findings_schema_text() == findings_schema_text()


def test_schema_header() -> None:
    schema = findings_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert schema["properties"]["version"]["const"] == 1


def test_a_real_report_validates(relative_report: Report) -> None:
    document = json.loads(render_json(relative_report))
    assert document["findings"], "the broken plan must produce findings"
    assert errors(document) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_report_with_sources_evidence_and_hints_validates(lang: str) -> None:
    document = json.loads(render_json(hand_report(lang=lang)))
    assert any(f["source"] for f in document["findings"])
    assert any(f["evidence"] for f in document["findings"])
    assert any(f["hint"] for f in document["findings"])
    assert errors(document) == []


def test_the_schema_rejects_what_the_format_never_writes() -> None:
    document = json.loads(render_json(hand_report()))
    document["findings"][0]["severity"] = "fatal"
    assert any("fatal" in e for e in errors(document))
    document = json.loads(render_json(hand_report()))
    document["findings"][0]["undocumented"] = True
    assert errors(document)
    document = json.loads(render_json(hand_report()))
    document["version"] = 2
    assert errors(document)
    document = json.loads(render_json(hand_report()))
    del document["summary"]["by_severity"]["info"]
    assert errors(document)
