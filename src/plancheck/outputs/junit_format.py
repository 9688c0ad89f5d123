"""JUnit XML for CI dashboards: one ``<testsuite>`` per plan, one ``<testcase>`` per rule.

Each rule that ran on a plan is a test case named by its code and name:

- **passed** — no finding at or above ``fail_on`` (findings below it, and waived or
  baselined ones, are listed in the case's ``<system-out>``);
- **failed** — one ``<failure>`` per finding at or above ``fail_on``, each with its
  ``file:line:col`` location;
- **skipped** — the rule applied to nothing in the plan (every subject not applicable);
- a plan that could not be read gets an ``<error>`` per load problem instead.

Two flavours, because the two schemas CI tools validate against disagree:

- ``jenkins`` (default): Jenkins' and Surefire's ``junit-10.xsd``, also read by GitLab
  and junitparser. Several ``<failure>`` elements per case; no timestamps, so the same
  input gives the same bytes.
- ``ant``: the Apache Ant JUnit schema, which allows one ``<failure>`` per case (so a
  failed rule is one case per finding, named ``CODE name: subject``) and requires
  ``timestamp``, ``hostname`` and ``time``. The timestamp is the run's start when
  given (``--timestamps``, fixed by ``SOURCE_DATE_EPOCH``), else the Unix epoch; the
  host is ``localhost`` (the report describes the plans, not the machine).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from plancheck.outputs._common import (
    PlanLookup,
    Suppressed,
    display_path,
    root_path,
    severity_label,
    suppressed,
)
from plancheck.outputs._undecodable import escape_undecodable
from plancheck.outputs._visible import visible
from plancheck.outputs.junit_flavours import FLAVOURS as FLAVOURS
from plancheck.outputs.junit_flavours import Flavour as Flavour
from plancheck.records import Finding, PlanReport, Report, Rule, RuleStats, Severity, Suppression

# Characters XML 1.0 cannot carry at all (not even as references), and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD (escaping is ET's);
    the bytes of a non-UTF-8 file name are shown as ``\\xff`` first."""
    allowed = _NOT_XML.sub("\ufffd", escape_undecodable(text, only_bytes=True))
    return visible(allowed, keep_newlines=True)


def finding_line(finding: Finding, lang: str, root: Path) -> str:
    file = display_path(finding.file, root)
    message = " ".join(finding.message(lang).splitlines())
    return f"{file}:{finding.line}:{finding.column}: {finding.rule} {message}"


@dataclass
class _Case:
    """One rule on one plan, before it is written out."""

    code: str
    name: str
    failing: list[Finding] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: bool = False


@dataclass
class _Counts:
    tests: int = 0
    failures: int = 0
    errors: int = 0
    skipped: int = 0

    def add(self, other: _Counts) -> None:
        self.tests += other.tests
        self.failures += other.failures
        self.errors += other.errors
        self.skipped += other.skipped


def _rule_name(report: Report, code: str, findings: Sequence[Finding]) -> str:
    rule = report.rules.get(code)
    if rule is not None:
        return rule.name
    return findings[0].name if findings else ""


def _skipped(stats: RuleStats | None) -> bool:
    return stats is not None and stats.checked > 0 and stats.not_applicable == stats.checked


def _cases(plan: PlanReport, report: Report, hidden: list[Suppressed], root: Path) -> list[_Case]:
    lang = report.lang
    hidden_set = {item.finding for item in hidden}
    findings = sorted((f for f in plan.findings if f not in hidden_set), key=Finding.sort_key)
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    for item in hidden:
        by_rule.setdefault(item.finding.rule, [])
    codes = sorted(set(plan.stats) | set(by_rule))
    unreadable = plan.plan_id is None
    cases = []
    for code in codes:
        mine = by_rule.get(code, [])
        case = _Case(code, _rule_name(report, code, mine))
        for finding in mine:
            if unreadable:
                case.errors.append(finding)
            elif finding.severity >= report.fail_on:
                case.failing.append(finding)
            else:
                label = severity_label(finding.severity, lang)
                case.notes.append(f"[{label}] {finding_line(finding, lang, root)}")
        for item in hidden:
            if item.finding.rule == code:
                line = finding_line(item.finding, lang, root)
                case.notes.append(f"[{item.justification(lang)}] {line}")
        case.skipped = not mine and not case.notes and _skipped(plan.stats.get(code))
        cases.append(case)
    return cases


def _problem(parent: ET.Element, tag: str, finding: Finding, lang: str, root: Path) -> None:
    element = ET.SubElement(
        parent,
        tag,
        {
            "type": f"{finding.rule} {finding.severity.value}",
            "message": xml_text(" ".join(finding.message(lang).splitlines())),
        },
    )
    element.text = xml_text(finding_line(finding, lang, root))


def _skip_message(lang: str) -> str:
    if lang == "zh":
        return "规则不适用于本规划的任何对象"
    return "the rule applied to nothing in this plan"


def _write_case(
    suite: ET.Element,
    case: _Case,
    classname: str,
    lang: str,
    root: Path,
    flavour: Flavour,
) -> _Counts:
    title = f"{case.code} {case.name}".rstrip()
    counts = _Counts()
    problems = [("error", f) for f in case.errors] + [("failure", f) for f in case.failing]
    if flavour == "ant" and len(problems) > 1:
        # Ant's schema allows one failure or error per case: one case per finding.
        for tag, finding in problems:
            single = _Case(case.code, case.name)
            (single.errors if tag == "error" else single.failing).append(finding)
            named = ET.SubElement(
                suite,
                "testcase",
                {"classname": classname, "name": xml_text(f"{title}: {finding.subject.key}")},
            )
            named.set("time", "0")
            _problem(named, tag, finding, lang, root)
            counts.tests += 1
            counts.errors += tag == "error"
            counts.failures += tag == "failure"
        return counts
    element = ET.SubElement(suite, "testcase", {"classname": classname, "name": xml_text(title)})
    if flavour == "ant":
        element.set("time", "0")
    counts.tests = 1
    for tag, finding in problems:
        _problem(element, tag, finding, lang, root)
    if case.errors:
        counts.errors = 1
    elif case.failing:
        counts.failures = 1
    elif case.skipped:
        ET.SubElement(element, "skipped", {"message": _skip_message(lang)})
        counts.skipped = 1
    if case.notes and flavour == "jenkins":
        # Ant's testcase has no <system-out>; there the notes go to the suite's.
        ET.SubElement(element, "system-out").text = xml_text("\n".join(case.notes))
    return counts


def _suite(
    parent: ET.Element,
    index: int,
    name: str,
    plan_id: str | None,
    cases: list[_Case],
    report: Report,
    root: Path,
    flavour: Flavour,
    timestamp: datetime,
) -> _Counts:
    suite = ET.SubElement(parent, "testsuite", {"name": xml_text(name)})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "plan_id", "value": xml_text(plan_id or "")})
    ET.SubElement(properties, "property", {"name": "fail_on", "value": report.fail_on.value})
    counts = _Counts()
    classname = xml_text(f"plancheck.{plan_id or name}")
    for case in cases:
        counts.add(_write_case(suite, case, classname, report.lang, root, flavour))
    suite.set("tests", str(counts.tests))
    suite.set("failures", str(counts.failures))
    suite.set("errors", str(counts.errors))
    suite.set("skipped", str(counts.skipped))
    if flavour == "ant":
        suite.set("package", "plancheck")
        suite.set("id", str(index))
        suite.set("timestamp", timestamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"))
        suite.set("hostname", "localhost")
        suite.set("time", "0")
        notes = [note for case in cases for note in case.notes]
        ET.SubElement(suite, "system-out").text = xml_text("\n".join(notes))
        ET.SubElement(suite, "system-err").text = ""
    return counts


def render_junit(
    report: Report,
    *,
    root: str | os.PathLike[str] | None = None,
    flavour: Flavour = "jenkins",
    timestamp: datetime | None = None,
) -> str:
    """JUnit XML in the given flavour (see the module docstring)."""
    stream = JUnitStream(
        report.rules, report.lang, report.fail_on, root=root, flavour=flavour, timestamp=timestamp
    )
    by_plan: dict[int, list[Suppressed]] = {}
    plan_of = PlanLookup(report.plans)
    for item in suppressed(report):
        plan = plan_of(item.finding)
        if plan is not None:
            by_plan.setdefault(id(plan), []).append(item)
    for plan in report.plans:
        stream.add(plan, by_plan.get(id(plan), []))
    return stream.finish(report.extra_findings)


class JUnitStream:
    """The JUnit report built one plan (one ``<testsuite>``) at a time.

    Each suite is written to text as soon as its plan is given, so only the text is
    kept, never the element tree of the whole run; ``finish`` wraps the suites in
    ``<testsuites>`` with the run's totals. The bytes are those of indenting and
    writing the whole tree at once.
    """

    def __init__(
        self,
        rules: Mapping[str, Rule],
        lang: str,
        fail_on: Severity,
        *,
        root: str | os.PathLike[str] | None = None,
        flavour: Flavour = "jenkins",
        timestamp: datetime | None = None,
    ) -> None:
        if flavour not in FLAVOURS:
            raise ValueError(f"unknown JUnit flavour {flavour!r}")
        # What the cases read of a report: the rules' names, the language, fail_on.
        self._shell = Report([], rules, lang=lang, fail_on=fail_on)
        self._base = root_path(root)
        self._flavour: Flavour = flavour
        self._when = timestamp or _EPOCH
        self._suites: list[str] = []
        self._total = _Counts()

    def add(self, plan: PlanReport, hidden: list[Suppressed]) -> None:
        """One plan's suite; ``hidden`` are its waived and baselined findings."""
        cases = _cases(plan, self._shell, hidden, self._base)
        self._write(len(self._suites), display_path(plan.path, self._base), plan.plan_id, cases)

    def add_reviewed(
        self,
        plan: PlanReport,
        waived: Sequence[Finding],
        baselined: Sequence[Finding],
        suppressions: Mapping[Finding, Suppression],
    ) -> None:
        """One reviewed plan, with the findings its review waived and baselined."""
        shell = Report(
            [plan],
            self._shell.rules,
            waived=list(waived),
            baselined=list(baselined),
            suppressions=dict(suppressions),
        )
        self.add(plan, suppressed(shell))

    def _write(self, index: int, name: str, plan_id: str | None, cases: list[_Case]) -> None:
        holder = ET.Element("testsuites")
        counts = _suite(
            holder, index, name, plan_id, cases, self._shell, self._base, self._flavour, self._when
        )
        self._total.add(counts)
        suite = holder[0]
        ET.indent(suite, level=1)
        self._suites.append(ET.tostring(suite, encoding="unicode"))

    def finish(self, extra: Sequence[Finding] = ()) -> str:
        """The whole document; ``extra`` are findings about inputs that belong to no plan."""
        if extra:
            # Findings about inputs that belong to no plan (the waivers file) fail the run
            # too, so they get a suite of their own rather than vanishing from the dashboard.
            files = sorted({display_path(f.file, self._base) for f in extra})
            inputs = PlanReport(", ".join(files), "inputs", findings=list(extra))
            # Numbered after the plans' suites (Ant's ids), and never 0 (as it always was).
            number = max(len(self._suites), 1)
            self._write(number, inputs.path, None, _cases(inputs, self._shell, [], self._base))
        attributes = ""
        if self._flavour == "jenkins":
            # junit-10.xsd allows these totals on <testsuites> (but not `skipped`); Ant's
            # schema allows no attributes there at all.
            total = self._total
            attributes = (
                f' name="plancheck" tests="{total.tests}" failures="{total.failures}"'
                f' errors="{total.errors}"'
            )
        head = "<?xml version='1.0' encoding='UTF-8'?>\n"
        if not self._suites:
            document = f"{head}<testsuites{attributes} />\n"
        else:
            body = "".join(f"\n  {suite}" for suite in self._suites)
            document = f"{head}<testsuites{attributes}>{body}\n</testsuites>\n"
        # As render() does for every format: file-name bytes that are not UTF-8 as \xff.
        return escape_undecodable(document)
