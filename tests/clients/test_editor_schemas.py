"""Editors and check-jsonschema see no false errors: every corpus file validates against
the schema its kind needs (plan or part), the documented modelines name those schemas by
their real ``$id``, and a part file against the plan schema is what used to go wrong."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from plancheck.loading import PLAN_FILE, is_plan_file
from plancheck.schema import PART_SCHEMA_ID, SCHEMA_ID
from tests.clients._workspace import client
from tests.conftest import CORPUS, ROOT

SCHEMAS = ROOT / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def corpus_files() -> list[tuple[Path, Path]]:
    """Each YAML file of every corpus plan with the schema for its kind."""
    pairs = []
    for path in sorted((ROOT / "corpus").rglob("*.yaml")):
        plan = is_plan_file(path)
        pairs.append((path, SCHEMAS / ("plan.schema.json" if plan else "part.schema.json")))
    return pairs


def _schema(path: Path) -> dict[str, object]:
    schema: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def test_every_corpus_file_is_covered_and_the_parts_are_parts() -> None:
    pairs = corpus_files()
    assert {p.name for p, _ in pairs} >= {PLAN_FILE, "projects.yaml", "boxes.yaml"}
    parts = YAML(typ="safe").load((CORPUS / PLAN_FILE).read_text(encoding="utf-8"))["parts"]
    kinds = {p.name: s.name for p, s in pairs if p.parent == CORPUS}
    assert {name for name, kind in kinds.items() if kind == "part.schema.json"} == set(parts)


@pytest.mark.parametrize(("path", "schema"), corpus_files(), ids=lambda v: Path(v).name)
def test_jsonschema_accepts_each_corpus_file(path: Path, schema: Path) -> None:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(_schema(schema))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_a_part_file_is_wrong_against_the_plan_schema() -> None:
    data = YAML(typ="safe").load((CORPUS / "projects.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(_schema(SCHEMAS / "plan.schema.json"))
    missing = [e.message for e in validator.iter_errors(data) if e.validator == "required"]
    assert missing, "the plan schema should require the plan's metadata"
    part = jsonschema.Draft202012Validator(_schema(SCHEMAS / "part.schema.json"))
    assert list(part.iter_errors({"projects": [], "title": "x"})), "unknown keys are refused"


def test_ids_are_real_addresses_of_the_checked_in_files() -> None:
    for name, expected in (("plan.schema.json", SCHEMA_ID), ("part.schema.json", PART_SCHEMA_ID)):
        schema = _schema(SCHEMAS / name)
        assert schema["$id"] == expected
        assert str(expected).startswith("https://") and str(expected).endswith(f"/schemas/{name}")
        assert ".invalid" not in str(expected)


def test_documented_modelines_name_the_schemas() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert MODELINE.findall(text) == [SCHEMA_ID, PART_SCHEMA_ID]


def test_check_jsonschema_accepts_every_corpus_file() -> None:
    tool = client("check-jsonschema")
    by_schema: dict[Path, list[str]] = {}
    for path, schema in corpus_files():
        by_schema.setdefault(schema, []).append(str(path))
    for schema, files in by_schema.items():
        completed = subprocess.run(
            [tool, "--schemafile", str(schema), *files],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr


def test_check_jsonschema_reports_a_part_file_against_the_plan_schema() -> None:
    tool = client("check-jsonschema")
    completed = subprocess.run(
        [tool, "--schemafile", str(SCHEMAS / "plan.schema.json"), str(CORPUS / "projects.yaml")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 1 and "required" in completed.stdout + completed.stderr
