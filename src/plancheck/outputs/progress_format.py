"""Rendering the progress view as text, JSON, Markdown or CSV.

The JSON document has a schema of its own (``schemas/progress.schema.json``, from
:func:`progress_schema_text`); amounts are exact decimal strings in the row's unit.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plancheck.records.progress import ProgressTable

PROGRESS_FORMATS = ("text", "json", "markdown", "csv")
FORMAT_VERSION = 1
SCHEMA_ID = "https://plancheck.invalid/schemas/progress.schema.json"
_TYPE_ZH = {"binding": "约束性", "expected": "预期性", "unspecified": "—"}


def _statuses() -> list[str]:
    # Imported here: the progress command's options are read at every start-up, and
    # the view's records are needed only when it is rendered.
    from plancheck.records.progress import BEHIND, MET, NO_ACTUAL, NOT_JUDGED, ON_TRACK

    return [MET, ON_TRACK, BEHIND, NO_ACTUAL, NOT_JUDGED]


def _number(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _signed(value: Decimal | None) -> str | None:
    text = _number(value)
    if text is None or text.startswith("-") or text == "0":
        return text
    return f"+{text}"


def render_progress(table: ProgressTable, output_format: str) -> str:
    if output_format == "json":
        return _json(table)
    if output_format == "csv":
        return _csv(table)
    if output_format == "markdown":
        return _markdown(table)
    return _text(table)


# -- JSON ------------------------------------------------------------------------------


def progress_document(table: ProgressTable) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "plan": {"id": table.plan_id, "title": table.title, "period": table.period},
        "tolerance": _number(table.tolerance),
        "evaluations": [
            {
                "id": e.id,
                "kind": e.kind,
                "year": e.year,
                "issued": e.issued,
                "submitted_to": e.submitted_to,
                "source": e.source,
            }
            for e in table.evaluations
        ],
        "indicators": [
            {
                "id": row.indicator,
                "name": row.name,
                "type": row.type,
                "unit": row.unit,
                "path": row.path_kind,
                "baseline": {"year": row.baseline_year, "value": row.baseline},
                "target": {"year": row.target_year, "value": row.target},
                "note": row.note,
                "evaluations": [
                    {
                        "evaluation": cell.evaluation,
                        "year": cell.year,
                        "path": _number(cell.path),
                        "actual": cell.actual,
                        "actual_amount": _number(cell.actual_amount),
                        "gap": _number(cell.gap),
                        "status": cell.status,
                        "assessed": cell.assessed,
                        "note": cell.note,
                    }
                    for cell in row.cells
                ],
            }
            for row in table.rows
        ],
    }


def _json(table: ProgressTable) -> str:
    return json.dumps(progress_document(table), ensure_ascii=False, indent=2) + "\n"


def _nullable(kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], "description": description, **extra}


_DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"


def progress_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of ``plancheck progress --format json``."""
    # Imported here: the progress command's options are read at every start-up.
    from plancheck.outputs.json_schema import closed_object

    statuses = _statuses()
    year = {"type": "integer", "minimum": 1000, "maximum": 9999}
    dated = closed_object(
        properties={
            "year": _nullable("integer", "The year, if stated."),
            "value": _nullable("string", "The value as the plan writes it, with its unit."),
        },
        description="A dated value of the plan.",
    )
    cell = closed_object(
        properties={
            "evaluation": {"type": "string", "description": "Id of the evaluation."},
            "year": {**year, "description": "The evaluation's data year."},
            "path": _nullable("string", "The path value in that year.", pattern=_DECIMAL),
            "actual": _nullable("string", "The actual as the report writes it."),
            "actual_amount": _nullable("string", "The actual in the row's unit.", pattern=_DECIMAL),
            "gap": _nullable("string", "Actual minus path, positive when ahead.", pattern=_DECIMAL),
            "status": {"enum": statuses, "description": "Where the actual leaves the indicator."},
            "assessed": {
                "enum": ["met", "not-met", "on-track", "lagging", None],
                "description": "What the report says.",
            },
            "note": _nullable("string", "Why the actual is not judged."),
        },
        description="One indicator in one evaluation.",
    )
    row = closed_object(
        properties={
            "id": {"type": "string"},
            "name": {"type": "string"},
            "type": {"enum": ["binding", "expected", "unspecified"]},
            "unit": _nullable("string", "The unit of path, actual_amount and gap."),
            "path": {"enum": ["linear", "compound", None], "description": "How the path is drawn."},
            "baseline": dated,
            "target": dated,
            "note": _nullable("string", "Why the indicator has no path."),
            "evaluations": {"type": "array", "items": cell},
        },
        description="An indicator; binding (约束性) indicators come first.",
    )
    evaluation = closed_object(
        properties={
            "id": {"type": "string"},
            "kind": {"enum": ["annual", "midterm", "final"]},
            "year": year,
            "issued": _nullable("string", "When the report was issued."),
            "submitted_to": _nullable("string", "Who it was submitted to."),
            "source": _nullable("string", "The report as published."),
        },
        description="An evaluation of the plan, in data-year order.",
    )
    schema = closed_object(
        properties={
            "version": {"const": FORMAT_VERSION},
            "plan": closed_object(
                properties={
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "period": {"type": "string"},
                },
                description="The plan.",
            ),
            "tolerance": {
                "type": "string",
                "pattern": _DECIMAL,
                "description": "Lag allowed, as a share of the planned change (PC901).",
            },
            "evaluations": {"type": "array", "items": evaluation},
            "indicators": {"type": "array", "items": row},
        },
        description=(
            "plancheck progress: each indicator against its 序时进度 path in each evaluation."
        ),
    )
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def progress_schema_text() -> str:
    """Deterministic text: the checked-in file must equal this byte for byte."""
    return json.dumps(progress_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- tables ----------------------------------------------------------------------------


def _header(table: ProgressTable) -> list[str]:
    head = ["indicator", "type", "unit", "baseline", "target"]
    for e in table.evaluations:
        head += [f"{e.id} {e.year} path", "actual", "gap", "status"]
    return head


def _cells(table: ProgressTable) -> list[list[str]]:
    rows = []
    for row in table.rows:
        line = [
            f"{row.name} ({row.indicator})",
            _TYPE_ZH.get(row.type, row.type),
            row.unit or "",
            f"{row.baseline or '—'} ({row.baseline_year or '?'})",
            f"{row.target or '—'} ({row.target_year or '?'})",
        ]
        for cell in row.cells:
            status = cell.status + (f" [{cell.assessed}]" if cell.assessed else "")
            line += [
                _number(cell.path) or "—",
                cell.actual or "—",
                _signed(cell.gap) or "—",
                status,
            ]
        rows.append(line)
    return rows


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _text(table: ProgressTable) -> str:
    head = _header(table)
    rows = _cells(table)
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    out = [f"Progress of {table.plan_id} ({table.title}, {table.period})"]
    out += [
        f"  {e.id}: {e.kind} evaluation, data for {e.year}"
        + (f", issued {e.issued}" if e.issued else "")
        + (f", to {e.submitted_to}" if e.submitted_to else "")
        for e in table.evaluations
    ]
    out.append("")
    for line in [head, *rows]:
        out.append("  ".join(_pad(cell, w) for cell, w in zip(line, widths, strict=True)).rstrip())
    notes = [f"  {row.indicator}: {row.note}" for row in table.rows if row.note]
    if notes:
        out += ["", "No path:", *notes]
    out += [
        "",
        f"gap = actual - path (+ ahead); status: {', '.join(_statuses())}; [the report's own "
        f"assessment]; tolerance {_number(table.tolerance)} of the planned change",
    ]
    return "\n".join(out) + "\n"


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown(table: ProgressTable) -> str:
    head = _header(table)
    out = [f"# Progress of {table.plan_id}", "", f"{table.title} ({table.period})", ""]
    for e in table.evaluations:
        out.append(f"- `{e.id}`: {e.kind} evaluation, data for {e.year}")
    out += ["", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for line in _cells(table):
        out.append("| " + " | ".join(_markdown_cell(c) for c in line) + " |")
    return "\n".join(out) + "\n"


def _csv(table: ProgressTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "indicator",
            "name",
            "type",
            "unit",
            "path_kind",
            "baseline_year",
            "baseline",
            "target_year",
            "target",
            "evaluation",
            "year",
            "path",
            "actual",
            "actual_amount",
            "gap",
            "status",
            "assessed",
            "note",
        ]
    )
    for row in table.rows:
        head = [
            row.indicator,
            row.name,
            row.type,
            row.unit or "",
            row.path_kind or "",
            row.baseline_year or "",
            row.baseline or "",
            row.target_year or "",
            row.target or "",
        ]
        if not row.cells:
            writer.writerow([*head, "", "", "", "", "", "", "", "", row.note or ""])
        for cell in row.cells:
            writer.writerow(
                [
                    *head,
                    cell.evaluation,
                    cell.year,
                    _number(cell.path) or "",
                    cell.actual or "",
                    _number(cell.actual_amount) or "",
                    _number(cell.gap) or "",
                    cell.status,
                    cell.assessed or "",
                    cell.note or row.note or "",
                ]
            )
    return buffer.getvalue()
