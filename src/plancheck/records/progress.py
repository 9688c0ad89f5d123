"""The progress view's records: each indicator against its 序时进度 path per evaluation.

Built by ``plancheck.checks`` (``progress_table``); rendered by
``plancheck.outputs.progress_format``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Where an actual leaves its indicator, as the progress view says it.
MET = "met"  # the final target is already reached
ON_TRACK = "on-track"  # not behind the path
BEHIND = "behind"  # behind the path by more than the tolerance
NO_ACTUAL = "no-actual"  # the evaluation reports no figure for the indicator
NOT_JUDGED = "not-judged"  # an actual, but no path to place it on (see ``note``)


@dataclass(frozen=True, slots=True)
class ProgressCell:
    """One indicator in one evaluation."""

    evaluation: str
    year: int
    path: Decimal | None
    actual: str | None  # as the report writes it
    actual_amount: Decimal | None  # in the indicator's unit
    gap: Decimal | None  # actual - path, positive when ahead
    status: str
    assessed: str | None  # what the report says (met, not-met, on-track, lagging)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ProgressRow:
    indicator: str
    name: str
    type: str
    unit: str | None
    path_kind: str | None
    baseline_year: int | None
    baseline: str | None
    target_year: int | None
    target: str | None
    cells: tuple[ProgressCell, ...]
    note: str | None  # why the indicator has no path


@dataclass(frozen=True, slots=True)
class ProgressEvaluation:
    id: str
    kind: str
    year: int
    issued: str | None
    submitted_to: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class ProgressTable:
    plan_id: str
    title: str
    period: str
    tolerance: Decimal
    evaluations: tuple[ProgressEvaluation, ...]
    rows: tuple[ProgressRow, ...]
