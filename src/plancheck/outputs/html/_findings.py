"""Findings grouped by rule: message, hint, both locations and the source excerpt."""

from __future__ import annotations

from plancheck.outputs._common import severity_label
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._excerpt import Quotes, excerpt
from plancheck.outputs.html._material import PlanMaterial
from plancheck.records import Finding


def finding_card(
    finding: Finding,
    lang: str,
    words: dict[str, str],
    *,
    anchor: str,
    material: PlanMaterial | None,
    quotes: Quotes,
) -> str:
    subject = finding.subject
    name = subject.name or subject.id or subject.key
    sev = finding.severity.value
    parts = [
        f'<article class="finding sev-{sev}" id="{esc(anchor)}" data-rule="{esc(finding.rule)}" '
        f'data-subject="{esc(subject.key)}">',
        f'<h4><span class="badge sev-{sev}">{esc(severity_label(finding.severity, lang))}</span> '
        f'<span class="subject">{esc(name)}</span> '
        f'<code class="key">{esc(subject.key)}</code></h4>',
        f'<p class="message">{esc(finding.message(lang))}</p>',
    ]
    hint = finding.hint(lang)
    if hint:
        parts.append(f'<p class="hint"><b>{esc(words["hint"])}</b> {esc(hint)}</p>')
    where = []
    if finding.location is not None:
        where.append(
            f"<dt>{esc(words['yaml'])}</dt><dd><code>{esc(str(finding.location))}</code></dd>"
        )
    if finding.source is not None:
        where.append(
            f"<dt>{esc(words['source'])}</dt><dd><code>{esc(str(finding.source))}</code></dd>"
        )
    if where:
        parts.append('<dl class="where">' + "".join(where) + "</dl>")
    parts.append(excerpt(finding, material, quotes))
    parts.append("</article>")
    return "".join(parts)


def findings_section(ctx: PlanContext) -> str:
    w = ctx.words
    if not ctx.findings:
        return f'<p class="none">{esc(w["no_findings"])}</p>'
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(ctx.findings, key=Finding.sort_key):
        by_rule.setdefault(finding.rule, []).append(finding)
    # Most severe rules first, as a reviewer works through them.
    order = sorted(by_rule, key=lambda code: (-max(f.severity.rank for f in by_rule[code]), code))
    out = []
    for code in order:
        items = by_rule[code]
        out.append(
            f'<section class="rule-group" id="{esc(ctx.anchor)}-rule-{esc(code)}">'
            f"<h3><code>{esc(code)}</code> {esc(ctx.rule_title(code))} "
            f'<span class="count">{len(items)}</span></h3>'
        )
        out.extend(
            finding_card(
                f, ctx.lang, w, anchor=ctx.finding_ids[f], material=ctx.material, quotes=ctx.quotes
            )
            for f in items
        )
        out.append("</section>")
    return "".join(out)
