"""plancheck: check government development plans (规划) for compliance and consistency.

The public API is what this module exports; everything else is private and may change.
"""

from plancheck._version import __version__
from plancheck.engine import (
    Checker,
    Config,
    ConfigError,
    Fail,
    Finding,
    NotApplicable,
    PlanIndex,
    PlanReport,
    Report,
    Rule,
    RuleFileError,
    Severity,
    SourcePosition,
    Subject,
    check,
    load_config,
    register_check,
)
from plancheck.loading import Diagnostic, LoadResult, PlanLoadError, dump, load, load_plan
from plancheck.model import Plan, Revision, RevisionNote
from plancheck.outputs import FORMATS, render
from plancheck.plan_diff import (
    Change,
    ChangeNote,
    EntityChange,
    FieldChange,
    FundingDiff,
    FundingLine,
    PlanDiff,
    Trend,
    diff,
    render_diff,
)
from plancheck.quantities import QuantityError, Value, parse_value
from plancheck.review import apply_review

__all__ = [
    "FORMATS",
    "Change",
    "ChangeNote",
    "Checker",
    "Config",
    "ConfigError",
    "Diagnostic",
    "EntityChange",
    "Fail",
    "FieldChange",
    "Finding",
    "FundingDiff",
    "FundingLine",
    "LoadResult",
    "NotApplicable",
    "Plan",
    "PlanDiff",
    "PlanIndex",
    "PlanLoadError",
    "PlanReport",
    "QuantityError",
    "Report",
    "Revision",
    "RevisionNote",
    "Rule",
    "RuleFileError",
    "Severity",
    "SourcePosition",
    "Subject",
    "Trend",
    "Value",
    "__version__",
    "apply_review",
    "check",
    "diff",
    "dump",
    "load",
    "load_config",
    "load_plan",
    "parse_value",
    "register_check",
    "render",
    "render_diff",
]
