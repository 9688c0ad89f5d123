"""SARIF from real runs with waivers, inline ignores and baselines in play, checked by the
OASIS 2.1.0 errata01 schema (checked in) and by Microsoft's SARIF Multitool with its
SARIF and GitHub rule sets."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.clients._workspace import SCENARIOS, client, render, workspace
from tests.outputs.conftest import sarif_schema


def _errors(document: dict[str, Any]) -> list[str]:
    schema = sarif_schema()
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    return [
        f"{list(e.absolute_path)}: {e.message}"
        for e in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]


def _suppressed(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in document["runs"][0]["results"] if r.get("suppressions")]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_official_schema_accepts_runs_with_suppressions(tmp_path: Path, scenario: str) -> None:
    folder, extra = workspace(tmp_path, scenario)
    document = json.loads(render(folder, "sarif", extra))
    assert _errors(document) == []
    suppressed = _suppressed(document)
    expected = {"plain": 0, "waiver": 1, "inline": 1}.get(scenario)
    if expected is not None:
        assert len(suppressed) == expected
    else:
        # The baseline accepts every finding of the run it was written from.
        assert len(suppressed) == len(document["runs"][0]["results"]) > 0
    for result in suppressed:
        (entry,) = result["suppressions"]
        assert entry["status"] == "accepted" and "state" not in entry
        assert entry["justification"]
    kinds = {r["suppressions"][0]["kind"] for r in suppressed}
    if scenario == "inline":
        assert kinds == {"inSource"}
    if scenario in ("waiver", "baseline"):
        assert kinds == {"external"}


def test_the_old_draft_property_is_refused_by_the_official_schema(tmp_path: Path) -> None:
    folder, extra = workspace(tmp_path, "waiver")
    document = json.loads(render(folder, "sarif", extra))
    (result,) = _suppressed(document)
    result["suppressions"][0]["state"] = result["suppressions"][0].pop("status")
    assert any("state" in error for error in _errors(document))


def test_run_metadata_code_scanning_uses(tmp_path: Path) -> None:
    folder, extra = workspace(tmp_path, "plain")
    run = json.loads(render(folder, "sarif", extra))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    for rule in driver["rules"]:
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert (Path(__file__).parents[2] / "docs" / "rules" / f"{rule['id']}.md").is_file()
    assert run["automationDetails"]["id"].startswith("plancheck/")
    (invocation,) = run["invocations"]
    assert invocation == {"executionSuccessful": True, "exitCode": 1}
    linked = [r for r in run["results"] if "relatedLocations" in r]
    assert linked
    for result in linked:
        ids = {location["id"] for location in result["relatedLocations"]}
        assert any(f"]({i})" in result["message"]["text"] for i in ids), result["message"]


def test_times_only_when_asked_and_fixed_by_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, extra = workspace(tmp_path, "plain")
    plain = render(folder, "sarif", extra)
    assert "startTimeUtc" not in plain and plain == render(folder, "sarif", extra)
    timed = json.loads(render(folder, "sarif", extra, "--timestamps"))
    (invocation,) = timed["runs"][0]["invocations"]
    assert invocation["startTimeUtc"] <= invocation["endTimeUtc"]
    assert _errors(timed) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    fixed = render(folder, "sarif", extra, "--timestamps")
    assert fixed == render(folder, "sarif", extra, "--timestamps")
    (invocation,) = json.loads(fixed)["runs"][0]["invocations"]
    assert invocation["startTimeUtc"] == invocation["endTimeUtc"] == "2023-11-14T22:13:20.000000Z"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_sarif_multitool_with_github_rules_reports_no_error_or_warning(
    tmp_path: Path, scenario: str
) -> None:
    tool = client("sarif-multitool")
    folder, extra = workspace(tmp_path / "work", scenario)
    log = tmp_path / "plancheck.sarif"
    log.write_text(render(folder, "sarif", extra), encoding="utf-8")
    verdict = tmp_path / "validation.sarif"
    # npm's wrapper runs the real binary through a shell, so each argument is quoted for it.
    args = ["validate", "--rule-kind", "Sarif;Gh", "--output", str(verdict), str(log)]
    completed = subprocess.run(
        [tool, *(shlex.quote(a) for a in args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    results = json.loads(verdict.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    serious = [
        f"{r['ruleId']} {r['level']}: {r['message']}"
        for r in results
        if r.get("level", "warning") in ("error", "warning")
    ]
    assert serious == []


def test_sarif_multitool_is_not_vacuous(tmp_path: Path) -> None:
    tool = client("sarif-multitool")
    folder, extra = workspace(tmp_path / "work", "waiver")
    document = json.loads(render(folder, "sarif", extra))
    (result,) = _suppressed(document)
    result["suppressions"][0]["state"] = result["suppressions"][0].pop("status")
    log = tmp_path / "old.sarif"
    log.write_text(json.dumps(document), encoding="utf-8")
    verdict = tmp_path / "validation.sarif"
    args = ["validate", "--rule-kind", "Sarif;Gh", "--output", str(verdict), str(log)]
    subprocess.run(
        [tool, *(shlex.quote(a) for a in args)], capture_output=True, check=False, timeout=300
    )
    results = json.loads(verdict.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    assert any(r["level"] == "error" and "state" in json.dumps(r) for r in results)
