"""先规划后立项: funded projects against the 专栏 items that should plan them."""

from __future__ import annotations

from plancheck.model import BoxItem, BoxKind
from plancheck.outputs.html._context import PlanContext
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._funding import money
from plancheck.outputs.html._material import PlanMaterial
from plancheck.outputs.html._numbers import amount


def _finding_links(ctx: PlanContext, key: str) -> str:
    links = [
        f'<a class="badge sev-{f.severity.value}" href="#{esc(ctx.finding_ids[f])}">'
        f"{esc(f.rule)}</a>"
        for f in ctx.findings_about(key)
    ]
    return " ".join(links)


def traceability_section(ctx: PlanContext) -> str:
    w, material = ctx.words, ctx.material
    if material is None:
        return f'<p class="none">{esc(w["unreadable"])}</p>'
    plan = material.plan
    boxes = [box for box in plan.boxes if box.items and box.kind != BoxKind.INDICATORS]
    items: list[BoxItem] = [item for box in boxes for item in box.items]
    if not plan.projects or not items:
        return f'<p class="none">{esc(w["no_matrix"])}</p>'
    funded = set(material.traced.values())
    group_row = "".join(
        f'<th colspan="{len(box.items)}" scope="colgroup" title="{esc(box.title)}">'
        f"专栏{box.number}</th>"
        for box in boxes
    )
    item_row = "".join(
        f'<th scope="col" class="item{"" if item.ref in funded else " unfunded"}" '
        f'title="{esc(item.ref)} {esc(item.name)}" data-item="{esc(item.ref)}">'
        f"{esc(item.ref)}</th>"
        for item in items
    )
    rows = []
    for project in plan.projects:
        ref = material.traced.get(project.id)
        value = money(project.funding, plan)
        cells = "".join(
            '<td class="hit">●</td>'
            if ref == item.ref
            else f"<td{'' if item.ref in funded else ' class=unfunded'}></td>"
            for item in items
        )
        status = "" if ref else f'<span class="flag">{esc(w["untraced"])}</span> '
        rows.append(
            f'<tr class="{"traced" if ref else "untraced"}" data-project="{esc(project.id)}">'
            f'<th scope="row"><span class="pname">{esc(project.name)}</span> {status}'
            f"{_finding_links(ctx, project.key)}</th>"
            f"<td class=num>{esc(amount(value)) if value is not None else ''}</td>{cells}</tr>"
        )
    head = (
        f'<tr><th rowspan="2" scope="col">{esc(w["project"])}</th>'
        f'<th rowspan="2" scope="col" class=num>{esc(w["amount"])}<br>'
        f"<small>{esc(plan.currency)}</small></th>{group_row}</tr><tr>{item_row}</tr>"
    )
    matrix = (
        f'<p class="note">{esc(w["matrix_note"])}</p>'
        f'<div class="scroll"><table class="matrix"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return matrix + _lists(ctx, material, items, funded)


def _lists(ctx: PlanContext, material: PlanMaterial, items: list[BoxItem], funded: set[str]) -> str:
    w = ctx.words
    untraced = [p for p in material.plan.projects if p.id not in material.traced]
    unfunded = [item for item in items if item.ref not in funded]
    out = ['<div class="lists">']
    if untraced:
        entries = "".join(
            f'<li><span class="pname">{esc(p.name)}</span> <code>{esc(p.key)}</code> '
            f"{_finding_links(ctx, p.key)}</li>"
            for p in untraced
        )
        out.append(
            f'<div><h4>{esc(w["untraced_projects"])}</h4><ul class="untraced">{entries}</ul></div>'
        )
    if unfunded:
        entries = "".join(
            f"<li><b>专栏{esc(item.ref)}</b> {esc(item.name)}</li>" for item in unfunded
        )
        out.append(
            f'<div><h4>{esc(w["unfunded_items"])}</h4><ul class="unfunded">{entries}</ul></div>'
        )
    out.append("</div>")
    return "".join(out)
