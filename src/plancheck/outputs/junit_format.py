"""JUnit XML for CI dashboards: one ``<testsuite>`` and one ``<testcase>`` per plan.

A plan's case fails when it has findings at or above ``fail_on``; they are listed
in ``<failure>`` (type = the highest severity among them). Findings below the
threshold, and waived or baselined ones, go to ``<system-out>`` and never fail.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from plancheck.engine.finding import Finding
from plancheck.engine.report import PlanReport, Report
from plancheck.outputs._common import (
    Suppressed,
    display_path,
    plan_of,
    root_path,
    severity_label,
    suppressed,
)
from plancheck.outputs._undecodable import escape_undecodable
from plancheck.outputs._visible import visible

# Characters XML 1.0 cannot carry at all (not even as references), and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD (escaping is ET's);
    the bytes of a non-UTF-8 file name are shown as ``\\xff`` first."""
    allowed = _NOT_XML.sub("\ufffd", escape_undecodable(text, only_bytes=True))
    return visible(allowed, keep_newlines=True)


def finding_line(finding: Finding, lang: str, root: Path) -> str:
    file = display_path(finding.file, root)
    message = " ".join(finding.message(lang).splitlines())
    return f"{file}:{finding.line}:{finding.column}: {finding.rule} {message}"


def _failure_message(count: int, threshold: str, lang: str) -> str:
    if lang == "zh":
        return f"{count} 个问题达到或超过“{threshold}”级别"
    return f"{count} finding{'s' if count != 1 else ''} at or above {threshold}"


def _testsuite(
    parent: ET.Element,
    plan: PlanReport,
    report: Report,
    hidden: list[Suppressed],
    root: Path,
) -> tuple[int, int]:
    lang = report.lang
    name = xml_text(display_path(plan.path, root))
    hidden_set = {item.finding for item in hidden}
    findings = sorted((f for f in plan.findings if f not in hidden_set), key=Finding.sort_key)
    failing = [f for f in findings if f.severity.rank >= report.fail_on.rank]
    passing = [f for f in findings if f.severity.rank < report.fail_on.rank]
    failures = 1 if failing else 0
    suite = ET.SubElement(
        parent,
        "testsuite",
        {
            "name": name,
            "tests": "1",
            "failures": str(failures),
            "errors": "0",
            "skipped": "0",
        },
    )
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(
        properties, "property", {"name": "plan_id", "value": xml_text(plan.plan_id or "")}
    )
    ET.SubElement(properties, "property", {"name": "fail_on", "value": report.fail_on.value})
    case = ET.SubElement(suite, "testcase", {"classname": "plancheck", "name": name})
    if failing:
        worst = max(failing, key=lambda f: f.severity.rank).severity
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": worst.value,
                "message": _failure_message(
                    len(failing), severity_label(report.fail_on, lang), lang
                ),
            },
        )
        failure.text = xml_text("\n".join(finding_line(f, lang, root) for f in failing))
    out_lines = [
        f"[{severity_label(f.severity, lang)}] {finding_line(f, lang, root)}" for f in passing
    ]
    for item in hidden:
        out_lines.append(f"[{item.justification(lang)}] {finding_line(item.finding, lang, root)}")
    if out_lines:
        system_out = ET.SubElement(case, "system-out")
        system_out.text = xml_text("\n".join(out_lines))
    return 1, failures


def render_junit(report: Report, *, root: str | os.PathLike[str] | None = None) -> str:
    base = root_path(root)
    by_plan: dict[int, list[Suppressed]] = {}
    for item in suppressed(report):
        plan = plan_of(item.finding, report.plans)
        if plan is not None:
            by_plan.setdefault(id(plan), []).append(item)
    suites = ET.Element("testsuites", {"name": "plancheck"})
    tests = failures = 0
    for plan in report.plans:
        counted, failed = _testsuite(suites, plan, report, by_plan.get(id(plan), []), base)
        tests += counted
        failures += failed
    if report.extra_findings:
        # Findings about inputs that belong to no plan (the waivers file) fail the run
        # too, so they get a suite of their own rather than vanishing from the dashboard.
        files = sorted({finding.file for finding in report.extra_findings})
        inputs = PlanReport(", ".join(files), None, findings=list(report.extra_findings))
        counted, failed = _testsuite(suites, inputs, report, [], base)
        tests += counted
        failures += failed
    suites.set("tests", str(tests))
    suites.set("failures", str(failures))
    suites.set("errors", "0")
    suites.set("skipped", "0")
    ET.indent(suites)
    body: bytes = ET.tostring(suites, encoding="UTF-8", xml_declaration=True)
    return body.decode("utf-8") + "\n"
