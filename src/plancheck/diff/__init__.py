"""Semantic diff of two versions of a plan: what was added, removed and changed."""

from plancheck.diff._compute import diff, match
from plancheck.diff._records import (
    Change,
    ChangeNote,
    EntityChange,
    FieldChange,
    FundingDiff,
    FundingLine,
    PlanDiff,
    Trend,
)

__all__ = [
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
]
