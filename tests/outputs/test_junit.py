"""JUnit XML: parses, one case per plan, failures counted, everything escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from plancheck.outputs import render
from plancheck.outputs.junit_format import render_junit, xml_text
from plancheck.records import Report, Severity

from .conftest import BASELINED, WAIVED, engine_report, hand_report, write_plans


def parse(text: str) -> ET.Element:
    assert text.startswith("<?xml")
    return ET.fromstring(text.encode("utf-8"))


def test_one_testcase_per_plan_and_failures_counted(relative_report: Report) -> None:
    root = parse(render_junit(relative_report))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [p.path for p in relative_report.plans]
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(relative_report.plans) == 3
    failing_plans = {
        p.path
        for p in relative_report.plans
        if any(f.severity == Severity.ERROR for f in p.findings)
    }
    assert "plans/broken.yaml" in failing_plans
    assert "plans/clean.yaml" not in failing_plans
    for suite in suites:
        (case,) = suite.findall("testcase")
        failed = suite.get("name") in failing_plans
        assert suite.get("tests") == "1"
        assert suite.get("errors") == "0"
        assert suite.get("failures") == ("1" if failed else "0")
        assert (case.find("failure") is not None) == failed
    assert root.get("tests") == "3"
    assert root.get("failures") == str(len(failing_plans))


def test_failure_lists_findings_one_per_line(relative_report: Report) -> None:
    root = parse(render_junit(relative_report))
    suite = next(s for s in root.findall("testsuite") if s.get("name") == "plans/broken.yaml")
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.text is not None
    plan = next(p for p in relative_report.plans if p.path == "plans/broken.yaml")
    expected = [
        f"{f.file}:{f.line}:{f.column}: {f.rule} {f.message('en')}"
        for f in sorted(plan.findings, key=lambda f: f.sort_key())
    ]
    assert failure.text.splitlines() == expected
    assert failure.get("type") == "error"
    assert (failure.get("message") or "").startswith(f"{len(expected)} finding")


def test_below_threshold_goes_to_system_out_and_type_is_the_worst_severity() -> None:
    root = parse(render_junit(hand_report()))
    case = root.find("testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None and failure.text is not None
    assert failure.get("type") == "error"
    assert failure.get("message", "").startswith("3 findings")
    assert {line.split(": ")[1].split()[0] for line in failure.text.splitlines()} == {
        "PC101",
        "PC002",
    }
    out = case.findtext("system-out") or ""
    assert "PC202" in out and "PC401" in out and "PC101" not in out

    lowered = parse(render_junit(hand_report(fail_on=Severity.INFO)))
    failure = lowered.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message", "").startswith("5 findings")
    assert lowered.find("testsuite/testcase/system-out") is None

    raised = hand_report(fail_on=Severity.WARNING)
    raised.plans[0].findings = [f for f in raised.plans[0].findings if f.rule in {"PC202", "PC401"}]
    failure = parse(render_junit(raised)).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "warning"


def test_special_and_control_characters_survive() -> None:
    root = parse(render_junit(hand_report()))
    out = root.findtext("testsuite/testcase/system-out") or ""
    assert "project <b>&amp; \ufffd not in any section | table" in out
    failure = root.findtext("testsuite/testcase/failure") or ""
    assert "outside: 100% of the period" in failure  # a newline in a message stays on one line
    assert xml_text("a\x00b\x1fc\ud800") == "a\ufffdb\ufffdc\ufffd"


def test_suppressed_findings_do_not_fail() -> None:
    report = hand_report(fail_on=Severity.ERROR, waived=[WAIVED], baselined=[BASELINED])
    root = parse(render_junit(report))
    failure = root.findtext("testsuite/testcase/failure") or ""
    assert "waived one" not in failure and "baselined one" not in failure
    out = root.findtext("testsuite/testcase/system-out") or ""
    assert "waived one" in out and "baselined one" in out

    only_waived = hand_report(waived=list(hand_report().plans[0].findings))
    root = parse(render_junit(only_waived))
    assert root.get("failures") == "0"
    assert root.find("testsuite/testcase/failure") is None


def test_paths_are_relative_to_root(tmp_path: Path) -> None:
    report = engine_report(write_plans(tmp_path))
    root = parse(render_junit(report, root=tmp_path))
    names = [s.get("name") for s in root.findall("testsuite")]
    assert names == ["plans/broken.yaml", "plans/clean.yaml", "plans/period.yaml"]
    assert str(tmp_path) not in (root.findtext("testsuite/testcase/failure") or "")


def test_renders_are_byte_identical(relative_report: Report) -> None:
    assert render_junit(relative_report) == render_junit(relative_report)
    assert render(relative_report, "junit") == render_junit(relative_report)
    report = hand_report(lang="zh", waived=[WAIVED])
    assert render_junit(report) == render_junit(report)
