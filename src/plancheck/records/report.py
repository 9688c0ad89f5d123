"""Reports: findings and per-rule statistics for one or many plans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from plancheck.records.finding import Finding
from plancheck.records.plan_card import PlanCard
from plancheck.records.rule import Rule
from plancheck.records.severity import Severity
from plancheck.records.suppression import Suppression
from plancheck.records.verdict import RuleStats, SubjectResult, merge_stats


@dataclass(slots=True)
class PlanReport:
    """The outcome of checking one plan (a file or a plan directory)."""

    path: str
    plan_id: str | None
    findings: list[Finding] = field(default_factory=list)
    results: list[SubjectResult] = field(default_factory=list)
    stats: dict[str, RuleStats] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # The plan's stated ``revision`` (waivers may be limited to one revision).
    revision: str | None = None
    # What the set phase needs of this plan (None: unknown, read the plan again).
    card: PlanCard | None = None


@dataclass(slots=True)
class Report:
    """Everything one run found; outputs render this and nothing else.

    ``waived`` and ``baselined`` hold findings that were found but do not count: they
    are not in any ``plans[].findings`` and so not in ``findings``, ``counts()`` or
    ``exit_code``. ``suppressions`` says why each of them is suppressed.
    ``extra_findings`` are findings about inputs that belong to no plan (such as the
    waivers file); they count like plan findings. ``totals`` are per-rule counts of plans
    that no longer hold their own (a run written plan by plan keeps only the totals);
    ``stats`` adds them to the plans' own.
    """

    plans: list[PlanReport]
    rules: Mapping[str, Rule]
    lang: str = "en"
    fail_on: Severity = Severity.ERROR
    waived: list[Finding] = field(default_factory=list)
    baselined: list[Finding] = field(default_factory=list)
    suppressions: dict[Finding, Suppression] = field(default_factory=dict)
    extra_findings: list[Finding] = field(default_factory=list)
    totals: dict[str, RuleStats] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        every = [finding for plan in self.plans for finding in plan.findings]
        every += self.extra_findings
        return sorted(every, key=Finding.sort_key)

    @property
    def stats(self) -> dict[str, RuleStats]:
        merged: dict[str, RuleStats] = {}
        merge_stats(merged, self.totals)
        for plan in self.plans:
            merge_stats(merged, plan.stats)
        return {code: merged[code] for code in sorted(merged)}

    def counts(self) -> dict[Severity, int]:
        counted = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counted[finding.severity] += 1
        return counted

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= self.fail_on.rank]

    @property
    def exit_code(self) -> int:
        """0 when nothing at or above ``fail_on`` was found, else 1."""
        return 1 if self.failing() else 0
