"""Rendering the traceability matrix as text, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plancheck.records.trace import Trace

TRACE_FORMATS = ("text", "csv", "json")
_COLUMNS = (
    "project_id",
    "project",
    "category",
    "box",
    "item",
    "item_name",
    "funding",
    "implementers",
)


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f")


def render_trace(trace: Trace, output_format: str) -> str:
    if output_format == "json":
        return _json(trace)
    if output_format == "csv":
        return _csv(trace)
    return _text(trace)


def _json(trace: Trace) -> str:
    document = {
        "plan": trace.plan_id,
        "unit": trace.unit,
        "projects": [
            {**{c: getattr(row, c) for c in _COLUMNS}, "amount": _number(row.funding_amount)}
            for row in trace.rows
        ],
        "boxes": [
            {"box": t.box, "title": t.title, "projects": t.projects, "funding": _number(t.funding)}
            for t in trace.totals
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _csv(trace: Trace) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*_COLUMNS, f"amount ({trace.unit})"])
    for row in trace.rows:
        writer.writerow([*(getattr(row, c) for c in _COLUMNS), _number(row.funding_amount)])
    return buffer.getvalue()


def _text(trace: Trace) -> str:
    out = [f"Traceability matrix for {trace.plan_id} (funding in {trace.unit})", ""]
    for row in trace.rows:
        planned = f"专栏{row.item} {row.item_name}" if row.item != "—" else "— (no 专栏 item)"
        out.append(
            f"{row.project:<28} {planned:<40} {_number(row.funding_amount):>12}  "
            f"{row.category} | {row.implementers}"
        )
    out += ["", "Totals per 专栏:"]
    for total in trace.totals:
        label = f"专栏{total.box}" if total.box != "—" else "none"
        out.append(
            f"  {label:<8} {total.title:<24} {total.projects:>3} projects  "
            f"{_number(total.funding):>12}"
        )
    return "\n".join(out) + "\n"
