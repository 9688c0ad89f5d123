"""The summary: what plan, which period, how many findings and how the rules fared."""

from __future__ import annotations

from dataclasses import dataclass

from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc
from plancheck.records import RuleStats, Severity


@dataclass(frozen=True, slots=True)
class RuleTally:
    checked: int
    passed: int
    failed: int
    not_applicable: int


def tally(stats: dict[str, RuleStats]) -> RuleTally:
    """Rules, not subjects: a rule failed if any subject failed, passed if any passed."""
    failed = sum(1 for s in stats.values() if s.failed)
    passed = sum(1 for s in stats.values() if not s.failed and s.passed)
    return RuleTally(len(stats), passed, failed, len(stats) - failed - passed)


def _card(value: int, label: str, css: str) -> str:
    return f'<div class="stat {css}"><b>{value}</b><span>{esc(label)}</span></div>'


def summary_section(ctx: PlanContext) -> str:
    w = ctx.words
    counts = dict.fromkeys(Severity, 0)
    for finding in ctx.findings:
        counts[finding.severity] += 1
    rules = tally(ctx.plan_report.stats)
    waived = sum(1 for s in ctx.hidden if s.kind == "waived")
    baselined = sum(1 for s in ctx.hidden if s.kind == "baselined")
    meta = [(w["files"], ctx.plan_report.path)]
    if ctx.material is not None:
        plan = ctx.material.plan
        place = plan.jurisdiction.name
        if plan.jurisdiction.parent:
            place = f"{plan.jurisdiction.parent} {place}"
        meta = [
            (w["jurisdiction"], place),
            (w["period"], f"{plan.period.start}–{plan.period.end}"),
            (w["plan_id"], plan.id + (f" ({plan.revision})" if plan.revision else "")),
            *meta,
        ]
    facts = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta)
    cards = [
        _card(counts[Severity.ERROR], w["error"], "sev-error"),
        _card(counts[Severity.WARNING], w["warning"], "sev-warning"),
        _card(counts[Severity.INFO], w["info"], "sev-info"),
        _card(rules.checked, w["rules_checked"], "rules"),
        _card(rules.passed, w["rules_passed"], "pass"),
        _card(rules.failed, w["rules_failed"], "fail"),
        _card(rules.not_applicable, w["rules_na"], "na"),
        _card(waived, w["waived"], "muted"),
        _card(baselined, w["baselined"], "muted"),
    ]
    unread = "" if ctx.material is not None else f'<p class="note">{esc(w["unreadable"])}</p>'
    return f'<dl class="facts">{facts}</dl><div class="stats">{"".join(cards)}</div>{unread}'
