"""Waived and baselined findings, with the decision recorded for each."""

from __future__ import annotations

from plancheck.outputs._common import Suppressed
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc


def _kind(item: Suppressed, words: dict[str, str]) -> str:
    if item.why is None:
        return words["waived"] if item.kind == "waived" else words["baselined"]
    return {
        "waiver": words["waiver"],
        "inline": words["inline"],
        "baseline": words["baseline_kind"],
    }[item.why.kind]


def suppressed_section(ctx: PlanContext) -> str:
    w = ctx.words
    if not ctx.hidden:
        return f'<p class="none">{esc(w["no_suppressed"])}</p>'
    head = "".join(
        f"<th>{esc(w[k])}</th>"
        for k in ("rule", "subject", "message", "kind", "reason", "approver", "expires", "origin")
    )
    rows = []
    for item in ctx.hidden:
        f, why = item.finding, item.why
        rows.append(
            f'<tr class="{esc(item.kind)}"><td><code>{esc(f.rule)}</code></td>'
            f"<td>{esc(f.subject.name or f.subject.key)}<br><code>{esc(f.subject.key)}</code></td>"
            f"<td>{esc(f.message(ctx.lang))}</td><td>{esc(_kind(item, w))}</td>"
            f"<td>{esc(why.reason if why else '')}</td>"
            f"<td>{esc(why.approved_by if why else '')}</td>"
            f"<td>{esc(why.expires if why else '')}</td>"
            f"<td><code>{esc(why.origin if why else '')}</code></td></tr>"
        )
    return (
        f'<div class="scroll"><table class="suppressed"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
