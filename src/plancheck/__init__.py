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
from plancheck.loading import Diagnostic, LoadResult, PlanLoadError, load, load_plan
from plancheck.model import IssuedDate, Plan
from plancheck.outputs import FORMATS, render
from plancheck.quantities import ChangeDirection, QuantityError, Value, parse_value
from plancheck.review import apply_review

__all__ = [
    "FORMATS",
    "ChangeDirection",
    "Checker",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Fail",
    "Finding",
    "IssuedDate",
    "LoadResult",
    "NotApplicable",
    "Plan",
    "PlanIndex",
    "PlanLoadError",
    "PlanReport",
    "QuantityError",
    "Report",
    "Rule",
    "RuleFileError",
    "Severity",
    "SourcePosition",
    "Subject",
    "Value",
    "__version__",
    "apply_review",
    "check",
    "load",
    "load_config",
    "load_plan",
    "parse_value",
    "register_check",
    "render",
]
