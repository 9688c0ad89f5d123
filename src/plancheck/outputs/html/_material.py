"""What the HTML report needs beyond the Report: the plans themselves, already read.

The caller (the command line, or a library user) builds these from the loaded plans;
the renderer only reads them, so outputs never load files or run the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from plancheck.model import Plan

PointKind = Literal["schedule", "actual"]


@dataclass(frozen=True, slots=True)
class IndicatorPoint:
    """A point on an indicator's path besides the plan's own baseline and targets.

    This is where evaluations plug in: a mid-term review's 序时进度 (``schedule``,
    where the indicator should be by ``year``) and its measured ``actual`` values.
    The amount is in the indicator's own unit.
    """

    year: int
    amount: Decimal
    kind: PointKind
    label: str = ""


@dataclass(frozen=True, slots=True)
class PlanMaterial:
    """One checked plan as the HTML report shows it.

    ``traced`` maps each funded project's id to the ``<box>.<item>`` reference of
    the 专栏 item that plans it (projects no item plans are absent). ``source_lines``
    are the lines of the published document that findings' source positions name as
    ``source_file``. ``progress`` holds evaluation points per indicator id.
    """

    plan: Plan
    traced: Mapping[str, str] = field(default_factory=dict)
    source_file: str = ""
    source_lines: tuple[str, ...] = ()
    progress: Mapping[str, tuple[IndicatorPoint, ...]] = field(default_factory=dict)
