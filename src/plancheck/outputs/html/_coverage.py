"""Rule coverage: for each rule, how many subjects passed, failed or did not apply."""

from __future__ import annotations

from decimal import Decimal

from plancheck.outputs._common import severity_label
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._numbers import share


def _stack(passed: int, failed: int, na: int) -> str:
    total = Decimal(passed + failed + na)
    if total == 0:
        return ""
    spans = [
        f'<span class="{css}" style="width:{share(Decimal(count), total)}"></span>'
        for css, count in (("pass", passed), ("fail", failed), ("na", na))
        if count
    ]
    return f'<div class="stack" aria-hidden="true">{"".join(spans)}</div>'


def coverage_section(ctx: PlanContext) -> str:
    w = ctx.words
    stats = ctx.plan_report.stats
    if not stats:
        return f'<p class="none">{esc(w["no_findings"])}</p>'
    head = "".join(
        f"<th>{esc(w[k])}</th>"
        for k in ("rule", "rule_title", "severity", "checked", "passed", "failed", "na")
    )
    rows = []
    for code in sorted(stats):
        s = stats[code]
        rule = ctx.report.rules.get(code)
        severity = esc(severity_label(rule.severity, ctx.lang)) if rule is not None else ""
        linked = (
            f'<a href="#{esc(ctx.anchor)}-rule-{esc(code)}">{esc(code)}</a>'
            if any(f.rule == code for f in ctx.findings)
            else esc(code)
        )
        css = "fail" if s.failed else ("pass" if s.passed else "na")
        rows.append(
            f'<tr class="{css}"><td><code>{linked}</code></td>'
            f"<td>{esc(ctx.rule_title(code))}{_stack(s.passed, s.failed, s.not_applicable)}</td>"
            f"<td>{severity}</td><td class=num>{s.checked}</td><td class=num>{s.passed}</td>"
            f"<td class=num>{s.failed}</td><td class=num>{s.not_applicable}</td></tr>"
        )
    return (
        f'<div class="scroll"><table class="coverage"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
