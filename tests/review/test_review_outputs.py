"""Suppressed findings and waiver problems reach the machine-readable formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from plancheck.cli import main
from tests.conftest import ROOT

BROKEN = "projects:\n  - {id: edu, name: 教育信息化工程, years: 2019-2022, funding: 100}\n"
WAIVER = """\
waivers:
  - rule: PC101
    subject: projects/edu
    reason: 续建项目，经规划处同意
    approved_by: 规划处 张三
    expires: {expires}
"""


def _run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write_plan: Any, expires: str, fmt: str
) -> tuple[int, str]:
    plan = write_plan(BROKEN)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(WAIVER.format(expires=expires), encoding="utf-8")
    code = main(
        ["check", str(plan), "--select", "PC101,review", "--waivers", str(waivers), "--format", fmt]
    )
    return code, capsys.readouterr().out


def test_json_lists_waived_findings_with_the_waiver(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write_plan: Any
) -> None:
    code, out = _run(capsys, tmp_path, write_plan, "2099-12-31", "json")
    document = json.loads(out)
    assert code == 0 and document["findings"] == []
    (entry,) = document["suppressed"]
    assert entry["finding"]["rule"] == "PC101"
    assert entry["finding"]["subject"]["key"] == "projects/edu"
    assert entry["suppression"]["kind"] == "waiver"
    assert entry["suppression"]["approved_by"] == "规划处 张三"
    assert document["summary"]["suppressed"] == 1
    schema = json.loads((ROOT / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)


def test_junit_shows_an_expired_waiver_as_a_failing_suite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write_plan: Any
) -> None:
    code, out = _run(capsys, tmp_path, write_plan, "2020-01-01", "junit")
    assert code == 1
    suites = ET.fromstring(out.encode("utf-8"))
    failing = [s for s in suites.iter("testsuite") if s.get("failures") == "1"]
    names = sorted(s.get("name", "") for s in failing)
    assert any(name.endswith("waivers.yaml") for name in names)
    assert "PC010" in out


def test_sarif_suppression_carries_the_waiver_and_inline_is_in_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write_plan: Any
) -> None:
    code, out = _run(capsys, tmp_path, write_plan, "2099-12-31", "sarif")
    assert code == 0
    (result,) = json.loads(out)["runs"][0]["results"]
    (suppression,) = result["suppressions"]
    assert suppression["kind"] == "external"
    assert "续建项目" in suppression["justification"]
    assert "规划处 张三" in suppression["justification"]
    inline = write_plan(
        BROKEN.rstrip("\n") + "  # plancheck: ignore[PC101] 续建项目\n", "inline.yaml"
    )
    assert main(["check", str(inline), "--select", "PC101", "--format", "sarif"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert result["suppressions"][0]["kind"] == "inSource"


def test_inline_ignore_on_the_entity_line_applies_to_a_field_finding(
    capsys: pytest.CaptureFixture[str], write_plan: Any
) -> None:
    # PC202 points at the `funding` field, two lines below the entity's first line.
    plan = write_plan(
        "projects:\n"
        "  - id: edu  # plancheck: ignore[PC202] 经费由省级统筹\n"
        "    name: 教育信息化工程\n"
        "    funding: 0\n"
    )
    assert main(["check", str(plan), "--select", "PC202,review", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["findings"] == []
    (entry,) = document["suppressed"]
    assert entry["finding"]["rule"] == "PC202" and entry["suppression"]["kind"] == "inline"
