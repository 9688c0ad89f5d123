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
from plancheck.model import Plan
from plancheck.outputs import FORMATS, render
from plancheck.quantities import QuantityError, Value, parse_value
from plancheck.review import apply_review

__all__ = [
    "FORMATS",
    "Checker",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Fail",
    "Finding",
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
    "dump",
    "load",
    "load_config",
    "load_plan",
    "parse_value",
    "register_check",
    "render",
]
