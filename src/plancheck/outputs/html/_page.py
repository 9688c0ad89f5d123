"""The whole document: head, plan index, one section per plan, other findings, footer."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from plancheck._version import __version__
from plancheck.outputs._common import PlanLookup, Suppressed, active, suppressed
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._coverage import coverage_section
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._excerpt import quotes_of
from plancheck.outputs.html._findings import finding_card, findings_section
from plancheck.outputs.html._funding import funding_section
from plancheck.outputs.html._indicators import indicators_section
from plancheck.outputs.html._material import PlanMaterial
from plancheck.outputs.html._style import STYLE
from plancheck.outputs.html._summary import summary_section
from plancheck.outputs.html._suppressed import suppressed_section
from plancheck.outputs.html._traceability import traceability_section
from plancheck.outputs.html._words import words
from plancheck.records import Finding, PlanReport, Report

Section = Callable[[PlanContext], str]

# The order a reviewer works in.
SECTIONS: tuple[tuple[str, Section], ...] = (
    ("summary", summary_section),
    ("findings", findings_section),
    ("funding", funding_section),
    ("traceability", traceability_section),
    ("indicators", indicators_section),
    ("coverage", coverage_section),
    ("suppressed", suppressed_section),
)


def _contexts(report: Report, material: Mapping[str, PlanMaterial]) -> list[PlanContext]:
    counting = active(report)
    hidden = suppressed(report)
    plan_of = PlanLookup(report.plans)
    mine_by_plan: dict[int, list[Finding]] = {}
    for finding in counting:
        mine_by_plan.setdefault(id(plan_of(finding)), []).append(finding)
    hidden_by_plan: dict[int, list[Suppressed]] = {}
    for item in hidden:
        hidden_by_plan.setdefault(id(plan_of(item.finding)), []).append(item)
    contexts = []
    for number, plan_report in enumerate(report.plans, start=1):
        anchor = f"p{number}"
        mine = mine_by_plan.get(id(plan_report), [])
        ids = {f: f"{anchor}-f{n}" for n, f in enumerate(mine, start=1)}
        plan_material = material.get(plan_report.path)
        contexts.append(
            PlanContext(
                report=report,
                plan_report=plan_report,
                material=plan_material,
                anchor=anchor,
                findings=mine,
                hidden=hidden_by_plan.get(id(plan_report), []),
                finding_ids=ids,
                quotes=quotes_of(plan_material.plan) if plan_material is not None else {},
            )
        )
    return contexts


def _title(ctx: PlanContext) -> str:
    if ctx.material is not None:
        return ctx.material.plan.title
    return ctx.plan_report.plan_id or ctx.plan_report.path


def _plan_section(ctx: PlanContext, titled: bool) -> str:
    w = ctx.words
    parts = [
        f'<section class="plan" id="{esc(ctx.anchor)}" data-plan="{esc(ctx.plan_report.path)}">'
    ]
    if titled:  # a single plan's title is the page's own heading
        parts.append(f"<header><h2>{esc(_title(ctx))}</h2></header>")
    for name, render in SECTIONS:
        parts.append(
            f'<section class="part {name}" id="{esc(ctx.anchor)}-{name}">'
            f"<h3>{esc(w[name])}</h3>{render(ctx)}</section>"
        )
    parts.append("</section>")
    return "".join(parts)


def _index(contexts: list[PlanContext], w: dict[str, str]) -> str:
    if not contexts:
        return (
            '<section class="part plan-index" id="index">'
            f'<p class="none">{esc(w["no_plans"])}</p></section>'
        )
    if len(contexts) == 1:
        return ""
    rows = "".join(
        f'<tr><td><a href="#{esc(ctx.anchor)}">{esc(_title(ctx))}</a></td>'
        f"<td><code>{esc(ctx.plan_report.path)}</code></td>"
        f"<td class=num>{len(ctx.findings)}</td></tr>"
        for ctx in contexts
    )
    return (
        f'<section class="part plan-index" id="index"><h3>{esc(w["index"])}</h3>'
        f'<div class="scroll"><table class="index"><thead><tr><th>{esc(w["plan"])}</th>'
        f"<th>{esc(w['files'])}</th><th class=num>{esc(w['findings'])}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _nav(contexts: list[PlanContext], w: dict[str, str]) -> str:
    if len(contexts) == 1:
        anchor = contexts[0].anchor
        links = [(f"{anchor}-{name}", w[name]) for name, _ in SECTIONS]
    else:
        links = [("index", w["index"])] + [(ctx.anchor, _title(ctx)) for ctx in contexts]
    items = "".join(f'<a href="#{esc(target)}">{esc(label)}</a>' for target, label in links)
    return f'<nav class="toc" aria-label="{esc(w["contents"])}">{items}</nav>'


def _others(report: Report, plans: list[PlanReport], lang: str, w: dict[str, str]) -> str:
    """Findings that belong to no plan, such as problems with the waivers file."""
    plan_of = PlanLookup(plans)
    counting = [f for f in active(report) if plan_of(f) is None]
    if not counting:
        return ""
    cards = "".join(
        finding_card(f, lang, w, anchor=f"x-f{n}", material=None, quotes={})
        for n, f in enumerate(counting, start=1)
    )
    return (
        f'<section class="part other" id="other"><h3>{esc(w["other_findings"])}</h3>'
        f"{cards}</section>"
    )


def page(report: Report, material: Mapping[str, PlanMaterial]) -> str:
    lang = "zh" if report.lang == "zh" else "en"
    w = words(lang)
    contexts = _contexts(report, material)
    if len(contexts) == 1:
        heading = _title(contexts[0])
        subtitle = w["title"]
    else:
        heading = w["title"]
        subtitle = f"{len(contexts)} {w['plans'].lower() if lang == 'en' else '个规划'}"
    body = "".join(_plan_section(ctx, titled=len(contexts) > 1) for ctx in contexts)
    finding_total = len(active(report))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing may be fetched: no scripts, no connections, images only inline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        '<meta name="generator" content="plancheck">\n'
        f"<title>{esc(heading)} — {esc(w['title'])}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<header class="top"><div><h1>{esc(heading)}</h1>'
        f"<p>{esc(subtitle)} · {finding_total} {esc(w['finding_count'])}</p>"
        f"{_nav(contexts, w)}</div></header>\n"
        f"<main>{_index(contexts, w)}{body}{_others(report, report.plans, lang, w)}</main>\n"
        f"<footer>{esc(w['generated'])} {esc(__version__)}</footer>\n"
        "</body>\n</html>\n"
    )
