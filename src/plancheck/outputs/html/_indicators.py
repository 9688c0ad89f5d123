"""Indicators: baseline → targets for each, 约束性 first, the failing ones marked.

Each indicator's path is a list of :class:`PathPoint`; the plan gives the baseline and
targets, and evaluations (``PlanMaterial.progress``) add 序时进度 and actual values.
"""

from __future__ import annotations

from plancheck.model import Indicator, IndicatorType, IndicatorValue
from plancheck.outputs.html._charts import PathPoint, path_chart
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._material import PlanMaterial
from plancheck.outputs.html._numbers import amount

_ORDER = {IndicatorType.BINDING: 0, IndicatorType.EXPECTED: 1, IndicatorType.UNSPECIFIED: 2}


def _cell(value: IndicatorValue | None) -> str:
    if value is None:
        return "—"
    year = f"<small>{value.year}</small> " if value.year is not None else ""
    written = str(value.value) if value.value is not None else "—"
    estimated = "*" if value.estimated else ""
    return f"{year}{esc(written)}{estimated}"


def points(indicator: Indicator, material: PlanMaterial, words: dict[str, str]) -> list[PathPoint]:
    """The indicator's path in year order: plan values first, then evaluation points."""
    out: list[PathPoint] = []
    plan_values = [("baseline", indicator.baseline), *(("target", t) for t in indicator.targets)]
    for kind, value in plan_values:
        if value is None or value.year is None or value.value is None:
            continue
        if value.value.amount is None:
            continue
        name = words["baseline"] if kind == "baseline" else words["targets"]
        label = f"{name} {value.year}: {value.value}"
        out.append(PathPoint(value.year, value.value.amount, kind, label))
    for point in material.progress.get(indicator.id, ()):
        label = f"{words[point.kind]} {point.year}: {amount(point.amount)} {point.label}".rstrip()
        out.append(PathPoint(point.year, point.amount, point.kind, label))
    return sorted(out, key=lambda p: (p.year, p.kind))


def indicators_section(ctx: PlanContext) -> str:
    w, material = ctx.words, ctx.material
    if material is None:
        return f'<p class="none">{esc(w["unreadable"])}</p>'
    indicators = sorted(material.plan.indicators, key=lambda i: _ORDER[i.type])
    if not indicators:
        return f'<p class="none">{esc(w["no_indicators"])}</p>'
    head = "".join(
        f"<th>{esc(w[k])}</th>"
        for k in ("indicator", "type", "baseline", "targets", "path", "status")
    )
    rows = []
    for indicator in indicators:
        findings = ctx.findings_about(indicator.key)
        unit = f" <small>({esc(indicator.unit)})</small>" if indicator.unit else ""
        child = " child" if indicator.parent else ""
        status = (
            " ".join(
                f'<a class="badge sev-{f.severity.value}" href="#{esc(ctx.finding_ids[f])}">'
                f"{esc(f.rule)}</a>"
                for f in findings
            )
            if findings
            else f'<span class="ok">{esc(w["ok"])}</span>'
        )
        chart = path_chart(points(indicator, material, w), title=indicator.name)
        worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
        css = f"failing worst-{worst.value}" if worst is not None else "ok"
        rows.append(
            f'<tr class="{css}{child}" '
            f'data-indicator="{esc(indicator.id)}">'
            f'<th scope="row">{esc(indicator.name)}{unit}</th>'
            f'<td><span class="type type-{indicator.type.value}">'
            f"{esc(w[indicator.type.value])}</span></td>"
            f"<td class=num>{_cell(indicator.baseline)}</td>"
            f"<td class=num>{'<br>'.join(_cell(t) for t in indicator.targets) or '—'}</td>"
            f"<td>{chart}</td><td>{status}</td></tr>"
        )
    values = [v for i in indicators for v in (i.baseline, *i.targets) if v is not None]
    legend = (
        f'<p class="note">{esc(w["estimated"])}</p>' if any(v.estimated for v in values) else ""
    )
    return (
        f'<div class="scroll"><table class="indicators"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{legend}"
    )
