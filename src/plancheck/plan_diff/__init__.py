"""Semantic diff of two versions of a plan: what was added, removed and changed.

The public names are re-exported from ``plancheck`` (``plancheck.diff(old, new)``).
Each is imported on first use, so the revision rules (which need the diff itself)
do not pay for rendering, the JSON schema or reading versions from git.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names

if TYPE_CHECKING:
    from plancheck.plan_diff._compute import diff, match
    from plancheck.plan_diff._formats import DIFF_FORMATS
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
    from plancheck.plan_diff._render import render_diff
    from plancheck.plan_diff._schema import diff_schema, diff_schema_text
    from plancheck.plan_diff._values import amount, money, show

# Name -> the module defining it; a fixed table, never built from data.
_LAZY = {
    "diff": "plancheck.plan_diff._compute",
    "match": "plancheck.plan_diff._compute",
    "GitError": "plancheck.plan_diff._git",
    "checkout_plan": "plancheck.plan_diff._git",
    "is_revision_spec": "plancheck.plan_diff._git",
    "split_spec": "plancheck.plan_diff._git",
    "Change": "plancheck.plan_diff._records",
    "ChangeNote": "plancheck.plan_diff._records",
    "EntityChange": "plancheck.plan_diff._records",
    "FieldChange": "plancheck.plan_diff._records",
    "FundingDiff": "plancheck.plan_diff._records",
    "FundingLine": "plancheck.plan_diff._records",
    "PlanDiff": "plancheck.plan_diff._records",
    "Trend": "plancheck.plan_diff._records",
    "DIFF_FORMATS": "plancheck.plan_diff._formats",
    "render_diff": "plancheck.plan_diff._render",
    "diff_schema": "plancheck.plan_diff._schema",
    "diff_schema_text": "plancheck.plan_diff._schema",
    "amount": "plancheck.plan_diff._values",
    "money": "plancheck.plan_diff._values",
    "show": "plancheck.plan_diff._values",
}


__getattr__, __dir__ = lazy_names(globals(), _LAZY)


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
