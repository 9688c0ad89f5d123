"""plancheck: check government development plans (规划) for compliance and consistency.

The public API is what this module exports; everything else is private and may change.
"""

from plancheck import units
from plancheck._version import __version__
from plancheck.checks import progress_table
from plancheck.engine.api import Checker, check
from plancheck.engine.catalogue import RuleFileError
from plancheck.engine.config import Config, ConfigError, load_config
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable
from plancheck.engine.params import CheckParams
from plancheck.engine.planset import SetIndex
from plancheck.engine.registry import check as register_check
from plancheck.extraction import ExtractError, ExtractReport, extract, extract_to
from plancheck.loading import Diagnostic, LoadResult, PlanLoadError, load, load_plan
from plancheck.material import gather_material, plan_material
from plancheck.model import (
    Agency,
    AgencyKind,
    Box,
    BoxItem,
    BoxKind,
    Claim,
    ClaimKind,
    DeclaredCount,
    Direction,
    Entity,
    Identity,
    Implementer,
    Indicator,
    IndicatorType,
    IndicatorValue,
    IssuedDate,
    Jurisdiction,
    Level,
    Node,
    Plan,
    Project,
    Section,
    SourceDocument,
    SourceRef,
    Total,
    YearRange,
)
from plancheck.outputs import FORMATS, render
from plancheck.outputs.html import IndicatorPoint, PlanMaterial
from plancheck.outputs.progress_format import render_progress
from plancheck.quantities import ChangeDirection, QuantityError, Value, parse_value
from plancheck.records import (
    Finding,
    PlanReport,
    Report,
    Rule,
    Severity,
    SourcePosition,
    Subject,
    Suppression,
    YamlLocation,
)
from plancheck.review import apply_review

__all__ = [
    "FORMATS",
    "Agency",
    "AgencyKind",
    "Box",
    "BoxItem",
    "BoxKind",
    "ChangeDirection",
    "CheckParams",
    "Checker",
    "Claim",
    "ClaimKind",
    "Config",
    "ConfigError",
    "DeclaredCount",
    "Diagnostic",
    "Direction",
    "Entity",
    "ExtractError",
    "ExtractReport",
    "Fail",
    "Finding",
    "Identity",
    "Implementer",
    "Indicator",
    "IndicatorPoint",
    "IndicatorType",
    "IndicatorValue",
    "IssuedDate",
    "Jurisdiction",
    "Level",
    "LoadResult",
    "Node",
    "NotApplicable",
    "Plan",
    "PlanIndex",
    "PlanLoadError",
    "PlanMaterial",
    "PlanReport",
    "Project",
    "QuantityError",
    "Report",
    "Rule",
    "RuleFileError",
    "Section",
    "SetIndex",
    "Severity",
    "SourceDocument",
    "SourcePosition",
    "SourceRef",
    "Subject",
    "Suppression",
    "Total",
    "Value",
    "YamlLocation",
    "YearRange",
    "__version__",
    "apply_review",
    "check",
    "extract",
    "extract_to",
    "gather_material",
    "load",
    "load_config",
    "load_plan",
    "parse_value",
    "plan_material",
    "progress_table",
    "register_check",
    "render",
    "render_progress",
    "units",
]
