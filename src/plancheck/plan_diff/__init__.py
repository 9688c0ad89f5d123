"""Semantic diff of two versions of a plan: what was added, removed and changed.

The public names are re-exported from ``plancheck`` (``plancheck.diff(old, new)``).
"""

from plancheck.plan_diff._compute import diff, match
from plancheck.plan_diff._git import GitError, checkout_plan, is_revision_spec, split_spec
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
from plancheck.plan_diff._schema import diff_schema, diff_schema_text
from plancheck.plan_diff._values import amount, money, show

__all__ = [
    "DIFF_FORMATS",
    "Change",
    "ChangeNote",
    "EntityChange",
    "FieldChange",
    "FundingDiff",
    "FundingLine",
    "GitError",
    "PlanDiff",
    "Trend",
    "amount",
    "checkout_plan",
    "diff",
    "diff_schema",
    "diff_schema_text",
    "is_revision_spec",
    "match",
    "money",
    "render_diff",
    "show",
    "split_spec",
]
