"""Semantic diff of two versions of a plan: what was added, removed and changed."""

from plancheck.diff._compute import diff, match
from plancheck.diff._records import (
    Change,
    EntityChange,
    FieldChange,
    FundingDiff,
    FundingLine,
    PlanDiff,
    RevisionNote,
    Trend,
)

__all__ = [
    "Change",
    "EntityChange",
    "FieldChange",
    "FundingDiff",
    "FundingLine",
    "PlanDiff",
    "RevisionNote",
    "Trend",
    "diff",
    "match",
]
