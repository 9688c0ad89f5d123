"""The engine: load once, index once, run every active rule, collect findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from plancheck._gc import collection_paused
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


class _Tally:
    """One rule's verdicts on one plan, counted before they join the report's stats."""

    __slots__ = ("failed", "not_applicable", "passed", "reasons")

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.not_applicable = 0
        self.reasons: dict[str, int] = {}


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
        tally = _Tally()
        self.count(tally, outcome, reason)
        self.add(code, tally)
        if self.keep_results:
            self.report.results.append(SubjectResult(code, subject, outcome, reason))

    @staticmethod
    def count(tally: _Tally, outcome: Outcome, reason: str | None = None) -> None:
        if outcome is Outcome.PASSED:
            tally.passed += 1
        elif outcome is Outcome.FAILED:
            tally.failed += 1
        else:
            tally.not_applicable += 1
            if reason:
                tally.reasons[reason] = tally.reasons.get(reason, 0) + 1

    def add(self, code: str, tally: _Tally) -> None:
        """Add a rule's counted verdicts to its stats (made on its first verdict)."""
        checked = tally.passed + tally.failed + tally.not_applicable
        if not checked:
            return
        stats = self.stats(code)
        stats.checked += checked
        stats.passed += tally.passed
        stats.failed += tally.failed
        stats.not_applicable += tally.not_applicable
        for reason, times in tally.reasons.items():
            stats.reasons[reason] = stats.reasons.get(reason, 0) + times


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
    tally: _Tally,
    active: ActiveRule,
    plan: Plan,
    index: PlanIndex,
    findings: list[Finding],
) -> None:
    """A whole-plan check judged many entities: count each as passed or failed."""
    assert active.spec is not None
    code = active.rule.code
    failed = {finding.subject.key for finding in findings}
    keep = collector.keep_results
    results = collector.report.results
    for selector in active.spec.reports_on:
        nodes = SELECTORS[selector](plan)
        if not failed and not keep:
            # Nothing left to match a finding to: the entities only need counting.
            tally.passed += sum(1 for _ in nodes)
            continue
        for node in nodes:
            subject = index.describe(node)
            if subject.key in failed:
                failed.discard(subject.key)
                tally.failed += 1
                outcome = Outcome.FAILED
            else:
                tally.passed += 1
                outcome = Outcome.PASSED
            if keep:
                results.append(SubjectResult(code, subject, outcome))
    for key in sorted(failed):  # findings about entities outside the declared selectors
        finding = next(f for f in findings if f.subject.key == key)
        tally.failed += 1
        if keep:
            results.append(SubjectResult(code, finding.subject, Outcome.FAILED))


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
    """Run one rule over ``nodes`` of ``plan``, recording findings and outcomes.

    Verdicts are counted per rule and added to the stats once; a subject is named
    (``index.describe``) only where a finding or a kept result needs it.
    """
    spec = active.spec
    assert spec is not None
    function, params, code = spec.function, active.params, active.rule.code
    keep = collector.keep_results
    results = report.results
    whole = bool(spec.reports_on)
    tally = _Tally()
    for node in nodes:
        try:
            outcomes = list(function(node, index, params))
            if not whole and len(outcomes) < 2:
                # The common verdicts (passed; not applicable, for one reason), kept as
                # counts unless results are asked for.
                if not outcomes:
                    tally.passed += 1
                    if keep:
                        results.append(SubjectResult(code, index.describe(node), Outcome.PASSED))
                    continue
                only = outcomes[0]
                if isinstance(only, NotApplicable):
                    na = Outcome.NOT_APPLICABLE
                    _record(collector, tally, code, node, index, na, only.reason)
                    continue
            failures = [o for o in outcomes if isinstance(o, Fail)]
            findings = [_finding(active, plan, index, node, fail) for fail in failures]
        except Exception as exc:  # a broken check must not stop the others
            subject = index.describe(node)
            report.findings.append(_internal_error(active, internal, plan, subject, exc))
            _record(collector, tally, code, node, index, Outcome.NOT_APPLICABLE, "internal error")
            continue
        report.findings.extend(findings)
        reasons = [o.reason for o in outcomes if isinstance(o, NotApplicable)]
        if spec.reports_on and not reasons:
            _record_judged(collector, tally, active, plan, index, findings)
        elif failures:
            _record(collector, tally, code, node, index, Outcome.FAILED)
        elif reasons:
            _record(collector, tally, code, node, index, Outcome.NOT_APPLICABLE, reasons[0])
        else:
            _record(collector, tally, code, node, index, Outcome.PASSED)
    collector.add(code, tally)


def _record(
    collector: _Collector,
    tally: _Tally,
    code: str,
    node: Node,
    index: PlanIndex,
    outcome: Outcome,
    reason: str | None = None,
) -> None:
    collector.count(tally, outcome, reason)
    if collector.keep_results:
        collector.report.results.append(SubjectResult(code, index.describe(node), outcome, reason))


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
    with collection_paused():  # see plancheck._gc: the collector would re-walk the plan
        for active in rules:
            # Set-level rules (given a set selector) run in the second phase, over the set.
            if active.spec is not None and active.rule.given in SELECTORS:
                nodes = SELECTORS[active.rule.given](plan)
                judge(active, nodes, plan, index, report, collector, internal)
    report.findings.sort(key=Finding.sort_key)
    return report
