"""Funding: where the money goes, by category and by 专栏, and whether the total adds up."""

from __future__ import annotations

from decimal import Decimal

from plancheck.model import Plan, Project, Total
from plancheck.outputs.html._charts import Bar, bar_chart
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._material import PlanMaterial
from plancheck.outputs.html._numbers import amount, share
from plancheck.quantities import QuantityError, Value


def money(value: Value | None, plan: Plan) -> Decimal | None:
    """``value`` in the plan's currency, or None when it is not a given amount of money."""
    if value is None or not value.is_given:
        return None
    try:
        # Via str: the float magnitude printed as written, not its binary expansion.
        return Decimal(str(value.to(plan.currency).magnitude))
    except QuantityError:
        return None


def _note(value: Decimal, whole: Decimal, unit: str) -> str:
    return f"{amount(value)} {unit} · {share(value, whole)}"


def _bars(groups: dict[str, Decimal], unit: str, marked: str | None = None) -> list[Bar]:
    whole = sum(groups.values(), Decimal(0))
    return [
        Bar(label, value, _note(value, whole, unit), marked=label == marked)
        for label, value in groups.items()
    ]


def category_bars(material: PlanMaterial, no_category: str) -> list[Bar]:
    plan = material.plan
    groups: dict[str, Decimal] = {}
    for project in plan.projects:
        value = money(project.funding, plan)
        if value is not None:
            label = project.category or no_category
            groups[label] = groups.get(label, Decimal(0)) + value
    return _bars(groups, plan.currency)


def box_bars(material: PlanMaterial, untraced: str) -> list[Bar]:
    """Every project 专栏 in document order (zero when none of its items is funded), then
    the money no 专栏 plans."""
    plan = material.plan
    labels = {box.number: f"专栏{box.number} {box.title}" for box in plan.boxes if box.items}
    groups: dict[str, Decimal] = {label: Decimal(0) for label in labels.values()}
    for project in plan.projects:
        value = money(project.funding, plan)
        if value is None:
            continue
        ref = material.traced.get(project.id)
        label = labels.get(int(ref.split(".")[0])) if ref else None
        label = label or untraced
        groups[label] = groups.get(label, Decimal(0)) + value
    return _bars(groups, plan.currency, marked=untraced)


class _Projects:
    """The plan's projects grouped once for all its totals (by position in the plan, by id,
    by category): choosing each total's projects by scanning the plan is quadratic when a
    plan declares a subtotal per category."""

    def __init__(self, plan: Plan) -> None:
        self.all = list(plan.projects)
        self.by_id: dict[str, list[int]] = {}
        self.by_category: dict[str | None, list[Project]] = {}
        for position, project in enumerate(self.all):
            self.by_id.setdefault(project.id, []).append(position)
            self.by_category.setdefault(project.category, []).append(project)

    def covered(self, total: Total) -> list[Project]:
        """The projects a total sums, in plan order."""
        if total.projects == "all":
            if total.category is None:
                return self.all
            return self.by_category.get(total.category, [])
        listed = sorted(
            position for id_ in set(total.projects) for position in self.by_id.get(id_, [])
        )
        chosen = [self.all[position] for position in listed]
        if total.category is not None:
            chosen = [p for p in chosen if p.category == total.category]
        return chosen


def totals_table(ctx: PlanContext, material: PlanMaterial) -> str:
    plan, w = material.plan, ctx.words
    if not plan.totals:
        return ""
    projects = _Projects(plan)
    funding = {id(p): money(p.funding, plan) for p in projects.all}
    rows = []
    for total in plan.totals:
        declared = money(total.value, plan)
        values = [funding[id(p)] for p in projects.covered(total)]
        summed = sum((v for v in values if v is not None), Decimal(0))
        difference = None if declared is None else summed - declared
        failing = bool(ctx.findings_about(total.key))
        label = total.label + (f"（{total.category}）" if total.category else "")
        rows.append(
            f'<tr class="{"failing" if failing or difference else "ok"}">'
            f"<td>{esc(label)}</td>"
            f"<td class=num>{esc(str(total.value))}</td>"
            f"<td class=num>{esc(amount(summed))} {esc(plan.currency)}</td>"
            f"<td class=num>{esc(amount(difference) if difference is not None else '—')}</td></tr>"
        )
    head = f"<th>{esc(w['total_row'])}</th>" + "".join(
        f"<th class=num>{esc(w[k])}</th>" for k in ("declared", "sum_projects", "difference")
    )
    return (
        f'<table class="totals"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def funding_section(ctx: PlanContext) -> str:
    w, material = ctx.words, ctx.material
    if material is None:
        return f'<p class="none">{esc(w["unreadable"])}</p>'
    by_category = category_bars(material, w["no_category"])
    if not by_category:
        return f'<p class="none">{esc(w["no_funding"])}</p>'
    by_box = box_bars(material, w["untraced_bucket"])
    return (
        f'<div class="charts"><figure><figcaption>{esc(w["by_category"])}</figcaption>'
        f"{bar_chart(by_category, title=w['by_category'], chart_id=ctx.anchor + '-chart-category')}"
        f"</figure><figure><figcaption>{esc(w['by_box'])}</figcaption>"
        f"{bar_chart(by_box, title=w['by_box'], chart_id=ctx.anchor + '-chart-box')}"
        f"</figure></div>{totals_table(ctx, material)}"
    )
