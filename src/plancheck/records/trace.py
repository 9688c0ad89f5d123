"""The traceability matrix (先规划后立项): each funded project and the 专栏 item planning it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

#: Shown in the box and item columns of a project that no 专栏 item plans.
UNPLANNED = "—"


@dataclass(frozen=True, slots=True)
class TraceRow:
    project_id: str
    project: str
    category: str
    box: str
    item: str
    item_name: str
    funding: str
    funding_amount: Decimal | None
    implementers: str


@dataclass(frozen=True, slots=True)
class BoxTotal:
    box: str
    title: str
    projects: int
    funding: Decimal


@dataclass(frozen=True, slots=True)
class Trace:
    plan_id: str
    unit: str
    rows: tuple[TraceRow, ...]
    totals: tuple[BoxTotal, ...]
