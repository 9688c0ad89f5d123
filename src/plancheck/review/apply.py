"""Applying the review to a report: inline ignores, then waivers, then the baseline.

Order matters only for who claims a finding: an inline ignore first, then the first valid
waiver that applies, then the baseline. A waiver that applies to a finding an inline
ignore already took still counts as used. Findings about the review itself (PC009–PC011)
are never suppressed or baselined.

What is reported:

* PC011 — an invalid waiver or inline ignore (it suppresses nothing);
* PC010 — an expired waiver (it suppresses nothing, so its finding fails again);
* PC009 — a waiver, or one code of an inline ignore, that suppressed nothing. It is judged
  only when this run could have produced the finding: the rule ran, and the waiver's plan
  (when it names one) or the inline ignore's plan was checked and loaded. A code that is no
  known rule is always unused.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from plancheck.records import (
    Finding,
    PlanReport,
    Report,
    Rule,
    Severity,
    Subject,
    Suppression,
    YamlLocation,
    compose_finding,
    file_subject,
    fingerprint,
)
from plancheck.review._common import EXPIRED, INVALID, NEVER_SUPPRESSED, UNUSED, baselinable
from plancheck.review.inline import InlineIgnore, scan_file

if TYPE_CHECKING:  # their modules are imported by the runs that read such files
    from plancheck.review.baseline import Baseline
    from plancheck.review.waivers import InvalidWaiver, Waiver, WaiverFile


def apply_review(
    report: Report,
    waivers: WaiverFile | None = None,
    baseline: Baseline | None = None,
    today: date | None = None,
    *,
    inline: bool = True,
    severities: Mapping[str, Severity] | None = None,
) -> Report:
    """A copy of ``report`` with waived and baselined findings moved out of the findings.

    ``today`` decides which waivers have expired (default: the current date).
    ``severities`` are the rules that ran, with the severity each ran at (as resolved
    from the configuration, e.g. ``{a.rule.code: a.severity for a in checker.rules}``);
    by default every rule in ``report.rules`` at its own severity. Review findings are
    produced only for review rules in it; ``inline=False`` skips scanning plan files.
    """
    review = ReviewStream(
        report.rules, waivers, baseline, today, inline=inline, severities=severities
    )
    plans = [review.plan(plan) for plan in report.plans]
    extra = [*report.extra_findings, *review.finish()]
    return dataclasses.replace(
        report,
        plans=plans,
        waived=[*report.waived, *review.waived],
        baselined=[*report.baselined, *review.baselined],
        suppressions={**report.suppressions, **review.suppressions},
        extra_findings=sorted(extra, key=Finding.sort_key),
    )


class ReviewStream:
    """The review applied one plan at a time, in the run's order, as plans are written.

    ``plan()`` returns each plan's report with its suppressed findings moved out (into
    ``waived``, ``baselined`` and ``suppressions``, which grow with the findings only)
    and its review findings added; ``finish()``, after the last plan, gives the findings
    about the waivers file, which only the whole run can judge (an unused waiver).
    ``apply_review`` is this over a whole report.
    """

    def __init__(
        self,
        rules: Mapping[str, Rule],
        waivers: WaiverFile | None = None,
        baseline: Baseline | None = None,
        today: date | None = None,
        *,
        inline: bool = True,
        severities: Mapping[str, Severity] | None = None,
    ) -> None:
        active = (
            dict(severities)
            if severities is not None
            else {code: rule.severity for code, rule in rules.items()}
        )
        self._review = _Review(rules, active, waivers, today or date.today())
        self._baseline = baseline
        self._counts = baseline.counts() if baseline is not None else Counter[str]()
        self._inline = inline
        self._checked: set[str] = set()
        self.baselined: list[Finding] = []
        # The findings that count, by severity, as plans are reviewed (for the exit code).
        self.counts = dict.fromkeys(Severity, 0)

    @property
    def waived(self) -> list[Finding]:
        return self._review.waived

    @property
    def suppressions(self) -> dict[Finding, Suppression]:
        return self._review.suppressions

    def plan(self, plan: PlanReport) -> PlanReport:
        """``plan`` reviewed (a copy; the given report is left as it is)."""
        if plan.plan_id is not None:
            self._checked.add(plan.plan_id)
        kept, produced = self._review.plan(plan, self._inline)
        still: list[Finding] = []
        for finding in sorted(kept, key=Finding.sort_key):
            if self._baseline is not None and baselinable(finding):
                key = fingerprint(finding)
                if self._counts[key] > 0:
                    self._counts[key] -= 1
                    self.baselined.append(finding)
                    self.suppressions[finding] = Suppression(
                        "baseline", self._baseline.path or "baseline"
                    )
                    continue
            still.append(finding)
        findings = sorted(still + produced, key=Finding.sort_key)
        self._count(findings)
        return dataclasses.replace(plan, findings=findings)

    def finish(self) -> list[Finding]:
        """PC009–PC011 about the waivers file, judged over every plan reviewed."""
        found = sorted(self._review.waiver_findings(self._checked), key=Finding.sort_key)
        self._count(found)
        return found

    def _count(self, findings: list[Finding]) -> None:
        for finding in findings:
            self.counts[finding.severity] += 1

    def exit_code(self, fail_on: Severity) -> int:
        """What ``Report.exit_code`` gives for what was reviewed so far."""
        return 1 if any(n for s, n in self.counts.items() if s.rank >= fail_on.rank) else 0


class _Review:
    """State of one review: which waivers and inline codes were used, what was waived."""

    def __init__(
        self,
        rules: Mapping[str, Rule],
        active: Mapping[str, Severity],
        waivers: WaiverFile | None,
        today: date,
    ) -> None:
        self.rules = rules
        self.active = active
        self.file = waivers
        self.today = today
        valid = waivers.waivers if waivers is not None else ()
        # By rule and subject, in file order: a finding is matched through a dictionary,
        # never against every waiver.
        self.usable: dict[tuple[str, str], list[Waiver]] = {}
        for waiver in valid:
            if not waiver.expired(today):
                self.usable.setdefault((waiver.rule, waiver.subject), []).append(waiver)
        self.used: set[int] = set()  # id() of the usable waivers that applied
        self.waived: list[Finding] = []
        self.suppressions: dict[Finding, Suppression] = {}

    # -- plans ---------------------------------------------------------------------------

    def plan(self, plan: PlanReport, inline: bool) -> tuple[list[Finding], list[Finding]]:
        """Suppress what inline ignores and waivers cover; return kept and new findings."""
        ignores = [ignore for file in plan.files for ignore in scan_file(file)] if inline else []
        by_line: dict[tuple[str, int], list[InlineIgnore]] = {}
        for ignore in ignores:
            if ignore.valid:
                by_line.setdefault((ignore.file, ignore.line), []).append(ignore)
        used_codes: set[tuple[int, str]] = set()
        kept: list[Finding] = []
        for finding in plan.findings:
            if finding.rule in NEVER_SUPPRESSED:
                kept.append(finding)
                continue
            suppression = self._inline(finding, by_line, used_codes)
            waiver = self._waiver(finding, plan)
            if suppression is None and waiver is not None:
                suppression = Suppression(
                    "waiver",
                    f"{waiver.location.file}:{waiver.location.line}",
                    waiver.reason,
                    waiver.approved_by,
                    waiver.expires.isoformat(),
                )
            if suppression is None:
                kept.append(finding)
            else:
                self.waived.append(finding)
                self.suppressions[finding] = suppression
        produced = list(self._inline_findings(plan, ignores, used_codes))
        return kept, produced

    def _inline(
        self,
        finding: Finding,
        by_line: Mapping[tuple[str, int], list[InlineIgnore]],
        used_codes: set[tuple[int, str]],
    ) -> Suppression | None:
        # The comment may sit on the line the finding points at (often a field) or on
        # the line where the entity starts (`- id: …`), whichever the editor chose.
        lines = {(where.file, where.line) for where in (finding.location, finding.entity) if where}
        for line in sorted(lines):
            for ignore in by_line.get(line, ()):
                if finding.rule in ignore.codes:
                    used_codes.add((id(ignore), finding.rule))
                    return Suppression("inline", ignore.origin, ignore.reason)
        return None

    def _waiver(self, finding: Finding, plan: PlanReport) -> Waiver | None:
        """The first usable waiver applying to ``finding``; marks every one that does."""
        first: Waiver | None = None
        plan_id = finding.plan_id or plan.plan_id or ""
        for waiver in self.usable.get((finding.rule, finding.subject.key), ()):
            if waiver.applies_to(finding, plan_id, plan.revision):
                self.used.add(id(waiver))
                first = first or waiver
        return first

    # -- findings about the review ---------------------------------------------------------

    def _finding(
        self,
        code: str,
        variant: str | None,
        args: Mapping[str, object],
        subject: Subject,
        location: YamlLocation,
        plan: str,
        plan_id: str,
        evidence: Iterable[tuple[str, str]],
    ) -> Finding | None:
        rule = self.rules.get(code)
        severity = self.active.get(code)
        if rule is None or severity is None:
            return None
        return compose_finding(
            rule,
            severity,
            args,
            subject,
            location,
            variant=variant,
            evidence=evidence,
            plan=plan,
            plan_id=plan_id,
        )

    def _unused_variant(self, code: str) -> str | None:
        """``unknown-rule``, ``None`` (plain unused), or ``skip`` when the rule did not run."""
        if code not in self.rules:
            return "unknown-rule"
        return None if code in self.active else "skip"

    def _inline_findings(
        self, plan: PlanReport, ignores: list[InlineIgnore], used_codes: set[tuple[int, str]]
    ) -> Iterable[Finding]:
        for ignore in ignores:
            subject = file_subject(ignore.file, plan.path)
            location = YamlLocation(ignore.file, ignore.line, ignore.column)
            common = {"file": ignore.file, "line": ignore.line}
            if not ignore.valid:
                found = self._finding(
                    INVALID,
                    "inline",
                    {**common, "problem_zh": ignore.problem_zh, "problem_en": ignore.problem_en},
                    subject,
                    location,
                    plan.path,
                    plan.plan_id or "",
                    [("problem", ignore.problem_en)],
                )
                if found is not None:
                    yield found
                continue
            for code in ignore.codes:
                if (id(ignore), code) in used_codes:
                    continue
                variant = self._unused_variant(code)
                if variant == "skip" or (plan.plan_id is None and variant is None):
                    continue  # the rule did not run, or the plan did not load
                found = self._finding(
                    UNUSED,
                    "inline-unknown-rule" if variant else "inline",
                    {**common, "rule": code, "reason": ignore.reason},
                    subject,
                    location,
                    plan.path,
                    plan.plan_id or "",
                    [("rule", code), ("reason", ignore.reason)],
                )
                if found is not None:
                    yield found

    def waiver_findings(self, checked: set[str]) -> Iterable[Finding]:
        """PC011 for invalid waivers, PC010 for expired ones, PC009 for unused ones."""
        if self.file is None:
            return
        for invalid in self.file.invalid:
            found = self._invalid_waiver(invalid)
            if found is not None:
                yield found
        for waiver in self.file.waivers:
            if waiver.expired(self.today):
                found = self._waiver_finding(EXPIRED, None, waiver)
            elif id(waiver) in self.used:
                continue
            else:
                variant = self._unused_variant(waiver.rule)
                out_of_scope = waiver.plan is not None and waiver.plan not in checked
                if variant == "skip" or (variant is None and (out_of_scope or not checked)):
                    continue
                found = self._waiver_finding(UNUSED, variant, waiver)
            if found is not None:
                yield found

    def _waiver_finding(self, code: str, variant: str | None, waiver: Waiver) -> Finding | None:
        args = {
            "rule": waiver.rule,
            "subject": waiver.subject,
            "plan": waiver.plan or "*",
            "expires": waiver.expires.isoformat(),
            "reason": waiver.reason,
            "approved_by": waiver.approved_by,
            "file": waiver.location.file,
            "line": waiver.location.line,
        }
        evidence = [("rule", waiver.rule), ("subject", waiver.subject)]
        evidence += [("plan", waiver.plan or "*"), ("expires", waiver.expires.isoformat())]
        return self._finding(
            code,
            variant,
            args,
            _waiver_subject(waiver.key, f"{waiver.rule} {waiver.subject}"),
            waiver.location,
            waiver.location.file,
            waiver.plan or "",
            evidence,
        )

    def _invalid_waiver(self, invalid: InvalidWaiver) -> Finding | None:
        args = {
            "problem_zh": invalid.problem_zh,
            "problem_en": invalid.problem_en,
            "file": invalid.location.file,
            "line": invalid.location.line,
        }
        name = " ".join(part for part in (invalid.rule, invalid.subject) if part) or invalid.key
        return self._finding(
            INVALID,
            None,
            args,
            _waiver_subject(invalid.key, name),
            invalid.location,
            invalid.location.file,
            invalid.plan or "",
            [("problem", invalid.problem_en)],
        )


def _waiver_subject(key: str, name: str) -> Subject:
    return Subject(key, "waiver", key.removeprefix("waivers/"), name)
