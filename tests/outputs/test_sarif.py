"""SARIF: valid against the official 2.1.0 schema and shaped as GitHub code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from plancheck.outputs import render
from plancheck.outputs.sarif_format import FINGERPRINT_KEY, SRCROOT, render_sarif
from plancheck.records import Report, fingerprint

from .conftest import (
    BASELINED,
    WAIVED,
    engine_report,
    hand_findings,
    hand_report,
    sarif_schema,
    write_plans,
)


def validate(document: dict[str, Any]) -> None:
    schema = sarif_schema()
    # The OASIS errata01 schema (the published 2.1.0 one) is draft-04; the draft-07 file
    # on the sarif-spec master branch is an older draft that still had `state`.
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert schema["id"].endswith("/errata01/os/schemas/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def sarif(report: Report, **kwargs: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render_sarif(report, **kwargs))
    validate(document)
    return document


def uris(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for result in document["runs"][0]["results"]:
        for location in result["locations"] + result.get("relatedLocations", []):
            found.append(location["physicalLocation"]["artifactLocation"])
    return found


def test_engine_report_validates_and_has_what_github_requires(relative_report: Report) -> None:
    document = sarif(relative_report)
    assert document["version"] == "2.1.0"
    assert document["$schema"].startswith("https://")
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "plancheck"
    assert driver["version"]
    assert urlsplit(driver["informationUri"]).scheme == "https"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(set(ids))
    for rule in driver["rules"]:
        for key in ("id", "name", "shortDescription", "fullDescription", "help"):
            assert rule[key], (rule["id"], key)
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert rule["properties"]["tags"] == [relative_report.rules[rule["id"]].family]
    assert run["results"], "the broken plan must produce results"
    for result, finding in zip(run["results"], relative_report.findings, strict=True):
        assert result["ruleId"] == finding.rule
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"] == finding.message("en")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)


def test_uris_are_relative_to_the_working_directory(
    relative_report: Report, tmp_path: Path
) -> None:
    document = sarif(relative_report)
    base = document["runs"][0]["originalUriBaseIds"][SRCROOT]["uri"]
    assert base == tmp_path.as_uri() + "/"
    for artifact in uris(document):
        assert artifact["uriBaseId"] == SRCROOT
        assert artifact["uri"].startswith("plans/")
        assert not urlsplit(artifact["uri"]).scheme


def test_absolute_paths_are_made_relative_to_root(tmp_path: Path) -> None:
    paths = write_plans(tmp_path)
    report = engine_report(paths)
    assert Path(report.findings[0].file).is_absolute()
    document = sarif(report, root=tmp_path)
    assert {a["uri"] for a in uris(document)} <= {f"plans/{p.name}" for p in paths}
    assert all(a["uriBaseId"] == SRCROOT for a in uris(document))


def test_files_outside_root_get_absolute_file_uris(tmp_path: Path) -> None:
    report = engine_report(write_plans(tmp_path))
    document = sarif(report, root=tmp_path / "elsewhere")
    for artifact in uris(document):
        assert "uriBaseId" not in artifact
        assert artifact["uri"].startswith("file:///")


def test_non_ascii_and_spaces_in_paths_are_percent_encoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "规划 2021"
    write_plans(folder)
    report = engine_report([Path("规划 2021/plans/broken.yaml")])
    (first, *_) = uris(sarif(report))
    assert first["uri"] == "%E8%A7%84%E5%88%92%202021/plans/broken.yaml"


def test_partial_fingerprints_are_stable_across_runs_and_reformatting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = [Path("plans/broken.yaml"), Path("plans/period.yaml")]
    write_plans(tmp_path)

    def prints() -> list[str]:
        document = sarif(engine_report(paths))
        return [r["partialFingerprints"][FINGERPRINT_KEY] for r in document["runs"][0]["results"]]

    first = prints()
    assert first and all(first)
    assert prints() == first
    # Comments above shift every line: positions change, fingerprints do not.
    for path in paths:
        path.write_text("# moved\n# down\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert sorted(prints()) == sorted(first)


def test_fingerprint_is_the_semantic_one_and_duplicates_are_kept_apart() -> None:
    document = sarif(hand_report())
    results = document["runs"][0]["results"]
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]
    assert len(set(prints)) == len(prints), "two results with one fingerprint merge into one alert"
    duplicates = [f for f in hand_findings() if f.rule == "PC002"]
    semantic = fingerprint(duplicates[0])
    assert fingerprint(duplicates[1]) == semantic
    assert semantic in prints and f"{semantic}:2" in prints


def test_logical_location_is_the_subject_key(relative_report: Report) -> None:
    results = sarif(relative_report)["runs"][0]["results"]
    for result, finding in zip(results, relative_report.findings, strict=True):
        (logical,) = result["locations"][0]["logicalLocations"]
        assert logical["fullyQualifiedName"] == finding.subject.key
        assert logical["kind"] == finding.subject.kind


def test_levels_language_source_positions_and_unknown_rules() -> None:
    report = hand_report(lang="zh")
    document = sarif(report)
    run = document["runs"][0]
    assert run["language"] == "zh"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["PC101"]["level"] == "error"
    assert by_rule["PC202"]["level"] == "warning"
    assert by_rule["PC401"]["level"] == "note"
    assert by_rule["PC101"]["message"]["text"].startswith("〔中文〕")
    (related,) = by_rule["PC101"]["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "plans/source.txt"
    assert related["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 3}
    assert by_rule["PC101"]["properties"]["evidence"] == {
        "years": "2019-2022",
        "period": "2021-2025",
    }
    assert "relatedLocations" not in by_rule["PC202"]
    rules = run["tool"]["driver"]["rules"]
    unknown = rules[by_rule["PC401"]["ruleIndex"]]
    assert unknown["id"] == "PC401" and unknown["name"] == "unplanned-project"


def test_waived_and_baselined_findings_are_suppressed_results() -> None:
    document = sarif(hand_report(waived=[WAIVED], baselined=[BASELINED]))
    results = document["runs"][0]["results"]
    suppressed = {r["message"]["text"]: r["suppressions"] for r in results if "suppressions" in r}
    assert set(suppressed) == {"waived one", "baselined one"}
    for (entry,) in suppressed.values():
        assert entry["kind"] == "external"
        assert entry["justification"]
    assert len(results) == len(hand_findings()) + 2


def test_a_finding_both_reported_and_waived_appears_once_suppressed() -> None:
    finding = hand_findings()[0]
    results = sarif(hand_report(waived=[finding]))["runs"][0]["results"]
    assert len(results) == len(hand_findings())
    (mine,) = [r for r in results if r["ruleId"] == finding.rule]
    assert mine["suppressions"][0]["kind"] == "external"


def test_reports_without_suppression_fields_render() -> None:
    report = hand_report()
    assert not getattr(report, "waived", None)
    results = sarif(report)["runs"][0]["results"]
    assert all("suppressions" not in r for r in results)


def test_the_schema_check_is_not_vacuous() -> None:
    document = json.loads(render_sarif(hand_report()))
    document["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="level"):
        validate(document)
    del document["runs"][0]["results"][0]["level"]
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] = {
        "startLine": 0
    }
    with pytest.raises(AssertionError, match="startLine"):
        validate(document)


def test_renders_are_byte_identical(relative_report: Report) -> None:
    assert render_sarif(relative_report) == render_sarif(relative_report)
    assert render(relative_report, "sarif") == render_sarif(relative_report)
    report = hand_report(waived=[WAIVED])
    assert render_sarif(report, root="/srv") == render_sarif(report, root="/srv")
