"""JUnit XML: one case per (plan, rule) — passed, failed, skipped; unreadable plans as
errors; both flavours valid against their checked-in XSDs; everything escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from plancheck.outputs import render
from plancheck.outputs.junit_format import render_junit, xml_text
from plancheck.records import PlanReport, Report, RuleStats, Severity
from tests.clients.xsd import ANT, JENKINS, xsd_errors

from .conftest import BASELINED, WAIVED, engine_report, hand_findings, hand_report, write_plans


def parse(text: str) -> ET.Element:
    assert text.startswith("<?xml")
    return ET.fromstring(text.encode("utf-8"))


def cases(root: ET.Element, suite: str) -> dict[str, ET.Element]:
    found = root.find(f"testsuite[@name='{suite}']")
    assert found is not None, suite
    return {case.get("name", ""): case for case in found.findall("testcase")}


def test_one_case_per_plan_and_rule(relative_report: Report) -> None:
    root = parse(render_junit(relative_report))
    assert [s.get("name") for s in root.findall("testsuite")] == [
        p.path for p in relative_report.plans
    ]
    for plan in relative_report.plans:
        names = set(cases(root, plan.path))
        expected = {f"{code} {relative_report.rules[code].name}" for code in plan.stats}
        expected |= {f"{f.rule} {f.name}" for f in plan.findings}
        assert names == expected


def test_failed_cases_have_one_failure_per_finding_with_its_location(
    relative_report: Report,
) -> None:
    root = parse(render_junit(relative_report))
    period = next(p for p in relative_report.plans if p.path == "plans/period.yaml")
    assert period.plan_id is not None and period.findings
    by_case = cases(root, "plans/period.yaml")
    for finding in period.findings:
        case = by_case[f"{finding.rule} {finding.name}"]
        texts = "\n".join(element.text or "" for element in case.findall("failure"))
        assert f"{finding.file}:{finding.line}:{finding.column}: {finding.rule}" in texts
    failures = sum(len(c.findall("failure")) for c in by_case.values())
    assert failures == len(period.findings)
    suite = root.find("testsuite[@name='plans/period.yaml']")
    assert suite is not None
    failed_cases = sum(1 for c in by_case.values() if c.find("failure") is not None)
    assert suite.get("failures") == str(failed_cases) and suite.get("errors") == "0"
    assert suite.get("tests") == str(len(by_case))
    # The broken plan's unreadable cells are set aside and the rest is checked, so its
    # load problems fail like any finding; errors are for plans that could not be read.
    broken = cases(root, "plans/broken.yaml")
    assert all(c.find("error") is None for c in broken.values())
    assert broken["PC004 unparseable-quantity"].find("failure") is not None


def test_passed_and_skipped_cases() -> None:
    report = hand_report()
    report.plans[1].stats = {
        "PC101": RuleStats(checked=1, passed=1),
        "PC202": RuleStats(checked=2, not_applicable=2),
    }
    root = parse(render_junit(report))
    by_case = cases(root, "plans/y.yaml")
    passed, skipped = by_case["PC101 project-outside-period"], by_case["PC202 unfunded-project"]
    assert list(passed) == []
    assert [child.tag for child in skipped] == ["skipped"]
    suite = root.find("testsuite[@name='plans/y.yaml']")
    assert suite is not None and suite.get("skipped") == "1" and suite.get("failures") == "0"


def test_below_threshold_findings_pass_with_notes() -> None:
    root = parse(render_junit(hand_report()))
    by_case = cases(root, "plans/x.yaml")
    warning = by_case["PC202 unfunded-project"]
    assert warning.find("failure") is None
    assert "PC202" in (warning.findtext("system-out") or "")
    assert len(by_case["PC002 schema-violation"].findall("failure")) == 2
    lowered = parse(render_junit(hand_report(fail_on=Severity.WARNING)))
    assert cases(lowered, "plans/x.yaml")["PC202 unfunded-project"].find("failure") is not None


def test_an_unreadable_plan_is_an_error_not_a_failure() -> None:
    unreadable = hand_findings()[3]
    report = hand_report()
    report.plans.append(
        PlanReport("plans/z.yaml", None, findings=[unreadable], files=["plans/z.yaml"])
    )
    root = parse(render_junit(report))
    (case,) = cases(root, "plans/z.yaml").values()
    assert case.find("failure") is None
    (error,) = case.findall("error")
    assert "plans/x.yaml:3:1: PC002" in (error.text or "")
    suite = root.find("testsuite[@name='plans/z.yaml']")
    assert suite is not None and suite.get("errors") == "1" and suite.get("failures") == "0"
    assert root.get("errors") == "1"


def test_special_and_control_characters_survive() -> None:
    root = parse(render_junit(hand_report()))
    by_case = cases(root, "plans/x.yaml")
    out = by_case["PC401 unplanned-project"].findtext("system-out") or ""
    assert "project <b>&amp; \ufffd not in any section | table" in out
    failure = by_case["PC101 project-outside-period"].findtext("failure") or ""
    assert "outside: 100% of the period" in failure  # a newline in a message stays on one line
    assert xml_text("a\x00b\x1fc\ud800") == "a\ufffdb\ufffdc\ufffd"


def test_suppressed_findings_do_not_fail() -> None:
    report = hand_report(fail_on=Severity.ERROR, waived=[WAIVED], baselined=[BASELINED])
    root = parse(render_junit(report))
    by_case = cases(root, "plans/x.yaml")
    failures = "".join(
        element.text or "" for case in by_case.values() for element in case.findall("failure")
    )
    assert "waived one" not in failures and "baselined one" not in failures
    notes = "".join(case.findtext("system-out") or "" for case in by_case.values())
    assert "waived one" in notes and "baselined one" in notes
    only_waived = hand_report(waived=list(hand_report().plans[0].findings))
    root = parse(render_junit(only_waived))
    assert root.get("failures") == "0"


def test_paths_are_relative_to_root(tmp_path: Path) -> None:
    report = engine_report(write_plans(tmp_path))
    text = render_junit(report, root=tmp_path)
    names = [s.get("name") for s in parse(text).findall("testsuite")]
    assert names == ["plans/broken.yaml", "plans/clean.yaml", "plans/period.yaml"]
    assert str(tmp_path) not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_both_flavours_are_valid_against_their_schema(lang: str) -> None:
    unreadable = hand_findings()[3]
    report = hand_report(lang=lang, waived=[WAIVED], baselined=[BASELINED])
    report.plans.append(PlanReport("plans/z.yaml", None, findings=[unreadable]))
    report.plans[1].stats["PC202"] = RuleStats(checked=1, not_applicable=1)
    jenkins = render_junit(report)
    assert xsd_errors(jenkins, JENKINS) == []
    ant = render_junit(report, flavour="ant")
    assert xsd_errors(ant, ANT) == []
    # The default keeps Jenkins' several failures per case, which Ant's schema refuses.
    assert xsd_errors(jenkins, ANT) != []


def test_ant_flavour_splits_failures_and_stamps_the_run() -> None:
    when = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    root = parse(render_junit(hand_report(), flavour="ant", timestamp=when))
    suite = root.find("testsuite[@name='plans/x.yaml']")
    assert suite is not None and suite.get("timestamp") == "2023-11-14T22:13:20"
    names = [c.get("name", "") for c in suite.findall("testcase")]
    assert names.count("PC002 schema-violation: files/x.yaml") == 2
    assert all(len(c.findall("failure")) <= 1 for c in suite.findall("testcase"))


def test_renders_are_byte_identical(relative_report: Report) -> None:
    assert render_junit(relative_report) == render_junit(relative_report)
    assert render(relative_report, "junit") == render_junit(relative_report)
    report = hand_report(lang="zh", waived=[WAIVED])
    assert render_junit(report, flavour="ant") == render_junit(report, flavour="ant")
