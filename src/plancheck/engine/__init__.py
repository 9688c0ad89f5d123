"""The rule engine: rules as data, checks as registered functions, findings out."""

from plancheck.engine.api import Checker, check
from plancheck.engine.catalogue import Catalogue, RuleFileError, load_catalogue
from plancheck.engine.config import Config, ConfigError, load_config, load_config_file
from plancheck.engine.finding import (
    Finding,
    Outcome,
    RuleStats,
    Severity,
    SourcePosition,
    Subject,
    SubjectResult,
)
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.registry import CheckRegistry, CheckSpec, PluginError
from plancheck.engine.registry import check as register_check
from plancheck.engine.report import PlanReport, Report
from plancheck.engine.rule import Rule

__all__ = [
    "Catalogue",
    "CheckRegistry",
    "CheckSpec",
    "Checker",
    "Config",
    "ConfigError",
    "Fail",
    "Finding",
    "NotApplicable",
    "Outcome",
    "PlanIndex",
    "PlanReport",
    "PluginError",
    "Report",
    "Result",
    "Rule",
    "RuleFileError",
    "RuleStats",
    "Severity",
    "SourcePosition",
    "Subject",
    "SubjectResult",
    "check",
    "load_catalogue",
    "load_config",
    "load_config_file",
    "register_check",
]
