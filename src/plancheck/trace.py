"""The traceability matrix: each funded project, the 专栏 item that plans it, and totals."""

from __future__ import annotations

from decimal import Decimal

from plancheck.engine.index import PlanIndex
from plancheck.model import Plan
from plancheck.quantities import QuantityError
from plancheck.records.trace import UNPLANNED, BoxTotal, Trace, TraceRow


def _amount(plan: Plan, index: int) -> Decimal | None:
    funding = plan.projects[index].funding
    if funding is None or not funding.is_given:
        return None
    try:
        # The registry's magnitudes are Decimal: 亿元/元 amounts convert exactly.
        return Decimal(funding.to(plan.currency).magnitude)
    except QuantityError:
        return None


def build_trace(plan: Plan) -> Trace:
    index = PlanIndex(plan)
    rows = []
    sums: dict[str, tuple[str, int, Decimal]] = {}
    for number, project in enumerate(plan.projects):
        item = index.project_box_items.get(project.id)
        box = str(item.box_number) if item else UNPLANNED
        amount = _amount(plan, number)
        rows.append(
            TraceRow(
                project_id=project.id,
                project=project.name,
                category=project.category or "",
                box=box,
                item=item.ref if item else UNPLANNED,
                item_name=item.name if item else "",
                funding=str(project.funding) if project.funding is not None else "",
                funding_amount=amount,
                implementers=project.implementers_text
                or "、".join(i.text for i in project.implementers),
            )
        )
        boxes = index.boxes.get(item.box_number, []) if item else []
        title = boxes[0].title if boxes else "（未列入专栏 / planned in no box）"
        _, count, total = sums.get(box, (title, 0, Decimal(0)))
        sums[box] = (title, count + 1, total + (amount or Decimal(0)))

    def order(key: str) -> tuple[int, int]:
        return (1, 0) if key == UNPLANNED else (0, int(key))

    totals = tuple(
        BoxTotal(box, title, count, total)
        for box, (title, count, total) in sorted(sums.items(), key=lambda kv: order(kv[0]))
    )
    return Trace(plan.id, plan.currency, tuple(rows), totals)
