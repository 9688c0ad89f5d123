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
from plancheck.engine.planset import SetIndex
from plancheck.loading import Diagnostic, LoadResult, PlanLoadError, load, load_plan
from plancheck.model import Plan
from plancheck.outputs import FORMATS, render
from plancheck.outputs.progress_format import render_progress
from plancheck.progress import progress_table
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
    "SetIndex",
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
    "progress_table",
    "register_check",
    "render",
    "render_progress",
]
