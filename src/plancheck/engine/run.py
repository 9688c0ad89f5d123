"""The engine: load once, index once, run every active rule, collect findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from plancheck._reader.roots import stays_inside
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable
from plancheck.engine.ruleset import ActiveRule
from plancheck.engine.selectors import SELECTORS
from plancheck.engine.set_selectors import plan_card
from plancheck.loading import LoadResult
from plancheck.model import Node, Plan
from plancheck.records import (
    INTERNAL_ERROR,
    Diagnostic,
    Finding,
    Outcome,
    PlanReport,
    Rule,
    RuleStats,
    Severity,
    Subject,
    SubjectResult,
    YamlLocation,
    compose_finding,
    file_subject,
)


def _diagnostic_finding(
    diagnostic: Diagnostic, rule: Rule, severity: Severity, plan_path: str
) -> Finding:
    # Load-time messages are bilingual ("中文 / English: details"), and the details
    # (the key, the text, the parser's reason) are written once, in the English half.
    # English readers get that half; Chinese readers get the whole message, so they
    # lose none of the details.
    _, _, en = diagnostic.message.partition(" / ")
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=severity,
        message_zh=diagnostic.message,
        message_en=en or diagnostic.message,
        subject=file_subject(diagnostic.file, plan_path),
        location=YamlLocation(
            diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.pointer
        ),
        plan=plan_path,
    )


class _Collector:
    """Records every rule's verdict on every subject into the plan's report."""

    def __init__(self, report: PlanReport, keep_results: bool = True) -> None:
        self.report = report
        self.keep_results = keep_results

    def stats(self, code: str) -> RuleStats:
        return self.report.stats.setdefault(code, RuleStats())

    def record(
        self, code: str, subject: Subject, outcome: Outcome, reason: str | None = None
    ) -> None:
        stats = self.stats(code)
        stats.checked += 1
        if outcome is Outcome.PASSED:
            stats.passed += 1
        elif outcome is Outcome.FAILED:
            stats.failed += 1
        else:
            stats.not_applicable += 1
            if reason:
                stats.reasons[reason] = stats.reasons.get(reason, 0) + 1
        if self.keep_results:
            self.report.results.append(SubjectResult(code, subject, outcome, reason))


def _finding(
    active: ActiveRule, plan: Plan, index: PlanIndex, checked: Node, fail: Fail
) -> Finding:
    rule = active.rule
    node = fail.node if fail.node is not None else checked
    subject = index.describe(node)
    severity = (
        fail.severity
        if fail.severity is not None and active.severity is rule.severity
        else active.severity
    )
    # A node an earlier version had and this plan dropped is pointed at through ``at``.
    at = fail.at if fail.at is not None else node
    return compose_finding(
        rule,
        severity,
        {"name": subject.name, "key": subject.key, **fail.args},
        subject,
        plan.locate(at, fail.field),
        variant=fail.variant,
        entity=plan.locate(at),
        source=index.source_position(node) if fail.at is None else None,
        evidence=((k, str(v)) for k, v in fail.evidence.items()),
        plan=plan.path,
        plan_id=plan.id,
    )


def _internal_error(
    active: ActiveRule, internal: ActiveRule | None, plan: Plan, subject: Subject, exc: Exception
) -> Finding:
    detail = f"{type(exc).__name__}: {exc}"
    zh = f"规则 {active.rule.code} 在检查 {subject.key} 时内部出错：{detail}"
    en = f"rule {active.rule.code} failed internally on {subject.key}: {detail}"
    return Finding(
        rule=INTERNAL_ERROR,
        name=internal.rule.name if internal else "internal-error",
        severity=internal.severity if internal else Severity.ERROR,
        message_zh=zh,
        message_en=en,
        subject=subject,
        location=plan.locate(None),
        plan=plan.path,
        plan_id=plan.id,
    )


def _record_judged(
    collector: _Collector,
    active: ActiveRule,
    plan: Plan,
    index: PlanIndex,
    findings: list[Finding],
) -> None:
    """A whole-plan check judged many entities: count each as passed or failed."""
    assert active.spec is not None
    failed = {finding.subject.key for finding in findings}
    for selector in active.spec.reports_on:
        for node in SELECTORS[selector](plan):
            subject = index.describe(node)
            outcome = Outcome.FAILED if subject.key in failed else Outcome.PASSED
            collector.record(active.rule.code, subject, outcome)
            failed.discard(subject.key)
    for key in sorted(failed):  # findings about entities outside the declared selectors
        finding = next(f for f in findings if f.subject.key == key)
        collector.record(active.rule.code, finding.subject, Outcome.FAILED)


def _folder(plan_path: str) -> Path:
    base = Path(plan_path)
    return base if base.is_dir() else base.parent


def judge(
    active: ActiveRule,
    nodes: Iterable[Node],
    plan: Plan,
    index: PlanIndex,
    report: PlanReport,
    collector: _Collector,
    internal: ActiveRule | None,
) -> None:
    """Run one rule over ``nodes`` of ``plan``, recording findings and outcomes."""
    spec = active.spec
    assert spec is not None
    for node in nodes:
        subject = index.describe(node)
        try:
            outcomes = list(spec.function(node, index, active.params))
            failures = [o for o in outcomes if isinstance(o, Fail)]
            findings = [_finding(active, plan, index, node, fail) for fail in failures]
        except Exception as exc:  # a broken check must not stop the others
            report.findings.append(_internal_error(active, internal, plan, subject, exc))
            collector.record(active.rule.code, subject, Outcome.NOT_APPLICABLE, "internal error")
            continue
        report.findings.extend(findings)
        reasons = [o.reason for o in outcomes if isinstance(o, NotApplicable)]
        if spec.reports_on and not reasons:
            _record_judged(collector, active, plan, index, findings)
            continue
        if failures:
            collector.record(active.rule.code, subject, Outcome.FAILED)
            continue
        if reasons:
            collector.record(active.rule.code, subject, Outcome.NOT_APPLICABLE, reasons[0])
        else:
            collector.record(active.rule.code, subject, Outcome.PASSED)


def run_plan(
    loaded: LoadResult,
    rules: list[ActiveRule],
    base: Plan | None = None,
    *,
    keep_results: bool = True,
) -> PlanReport:
    """Check one loaded plan with the active rules (``base``: the version it revises).

    ``keep_results=False`` keeps the verdicts as counts only (``stats``), without a
    ``SubjectResult`` per rule and entity; no output needs those.
    """
    plan = loaded.plan
    report = PlanReport(
        loaded.path,
        plan.id if plan else None,
        files=list(loaded.files),
        revision=plan.revision if plan else None,
        card=plan_card(plan) if plan else None,
    )
    by_code = {active.rule.code: active for active in rules}
    collector = _Collector(report, keep_results)
    for diagnostic in loaded.diagnostics:
        active = by_code.get(diagnostic.code)
        if active is None:
            continue
        finding = _diagnostic_finding(diagnostic, active.rule, active.severity, loaded.path)
        report.findings.append(finding)
        collector.record(active.rule.code, finding.subject, Outcome.FAILED)
    if plan is None:
        report.findings.sort(key=Finding.sort_key)
        return report
    index = PlanIndex(plan, base)
    source = index.source_path
    if source is not None and stays_inside(source, _folder(plan.path), repository=False):
        # The published text is an input too: outputs must never overwrite it. One outside
        # the plan folder is never read (PC008 reports it), so it is no input.
        report.files.append(source.as_posix())
    internal = by_code.get(INTERNAL_ERROR)
    for active in rules:
        # Set-level rules (given a set selector) run in the second phase, over the plan set.
        if active.spec is not None and active.rule.given in SELECTORS:
            nodes = SELECTORS[active.rule.given](plan)
            judge(active, nodes, plan, index, report, collector, internal)
    report.findings.sort(key=Finding.sort_key)
    return report
