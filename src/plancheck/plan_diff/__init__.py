"""Semantic diff of two versions of a plan: what was added, removed and changed.

The public names are re-exported from ``plancheck`` (``plancheck.diff(old, new)``).
"""

from plancheck.plan_diff._compute import diff, match
from plancheck.plan_diff._records import (
    Change,
    ChangeNote,
    EntityChange,
    FieldChange,
    FundingDiff,
    FundingLine,
    PlanDiff,
    Trend,
)
from plancheck.plan_diff._render import DIFF_FORMATS, render_diff

__all__ = [
    "DIFF_FORMATS",
    "Change",
    "ChangeNote",
    "EntityChange",
    "FieldChange",
    "FundingDiff",
    "FundingLine",
    "PlanDiff",
    "Trend",
    "diff",
    "match",
    "render_diff",
]
