"""plancheck: check government development plans (规划) for compliance and consistency.

The public API is what this module exports; everything else is private and may change.
Names are imported on first use (``from plancheck import Checker`` works as usual), so
the command line and ``import plancheck`` pay only for what they use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from plancheck._version import __version__

if TYPE_CHECKING:
    from plancheck import units
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
    from plancheck.loading import Diagnostic, LoadResult, PlanLoadError, dump, load, load_plan
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
        Revision,
        RevisionNote,
        Section,
        SourceDocument,
        SourceRef,
        Total,
        YearRange,
    )
    from plancheck.outputs import FORMATS, render
    from plancheck.outputs.html import IndicatorPoint, PlanMaterial
    from plancheck.outputs.progress_format import render_progress
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

# Public name -> (module, name there); a fixed table, never built from data.
_LAZY: dict[str, tuple[str, str]] = {
    "Checker": ("plancheck.engine.api", "Checker"),
    "check": ("plancheck.engine.api", "check"),
    "RuleFileError": ("plancheck.engine.catalogue", "RuleFileError"),
    "Config": ("plancheck.engine.config", "Config"),
    "ConfigError": ("plancheck.engine.config", "ConfigError"),
    "load_config": ("plancheck.engine.config", "load_config"),
    "PlanIndex": ("plancheck.engine.index", "PlanIndex"),
    "Fail": ("plancheck.engine.outcome", "Fail"),
    "NotApplicable": ("plancheck.engine.outcome", "NotApplicable"),
    "CheckParams": ("plancheck.engine.params", "CheckParams"),
    "register_check": ("plancheck.engine.registry", "check"),
    "ExtractError": ("plancheck.extraction", "ExtractError"),
    "ExtractReport": ("plancheck.extraction", "ExtractReport"),
    "extract": ("plancheck.extraction", "extract"),
    "extract_to": ("plancheck.extraction", "extract_to"),
    "Diagnostic": ("plancheck.loading", "Diagnostic"),
    "LoadResult": ("plancheck.loading", "LoadResult"),
    "PlanLoadError": ("plancheck.loading", "PlanLoadError"),
    "load": ("plancheck.loading", "load"),
    "load_plan": ("plancheck.loading", "load_plan"),
    "gather_material": ("plancheck.material", "gather_material"),
    "plan_material": ("plancheck.material", "plan_material"),
    "Agency": ("plancheck.model", "Agency"),
    "AgencyKind": ("plancheck.model", "AgencyKind"),
    "Box": ("plancheck.model", "Box"),
    "BoxItem": ("plancheck.model", "BoxItem"),
    "BoxKind": ("plancheck.model", "BoxKind"),
    "Claim": ("plancheck.model", "Claim"),
    "ClaimKind": ("plancheck.model", "ClaimKind"),
    "DeclaredCount": ("plancheck.model", "DeclaredCount"),
    "Direction": ("plancheck.model", "Direction"),
    "Entity": ("plancheck.model", "Entity"),
    "Identity": ("plancheck.model", "Identity"),
    "Implementer": ("plancheck.model", "Implementer"),
    "Indicator": ("plancheck.model", "Indicator"),
    "IndicatorType": ("plancheck.model", "IndicatorType"),
    "IndicatorValue": ("plancheck.model", "IndicatorValue"),
    "Jurisdiction": ("plancheck.model", "Jurisdiction"),
    "Level": ("plancheck.model", "Level"),
    "Node": ("plancheck.model", "Node"),
    "Plan": ("plancheck.model", "Plan"),
    "Project": ("plancheck.model", "Project"),
    "Section": ("plancheck.model", "Section"),
    "SourceDocument": ("plancheck.model", "SourceDocument"),
    "SourceRef": ("plancheck.model", "SourceRef"),
    "Total": ("plancheck.model", "Total"),
    "YearRange": ("plancheck.model", "YearRange"),
    "FORMATS": ("plancheck.outputs", "FORMATS"),
    "render": ("plancheck.outputs", "render"),
    "IndicatorPoint": ("plancheck.outputs.html", "IndicatorPoint"),
    "PlanMaterial": ("plancheck.outputs.html", "PlanMaterial"),
    "QuantityError": ("plancheck.quantities", "QuantityError"),
    "Value": ("plancheck.quantities", "Value"),
    "parse_value": ("plancheck.quantities", "parse_value"),
    "Finding": ("plancheck.records", "Finding"),
    "PlanReport": ("plancheck.records", "PlanReport"),
    "Report": ("plancheck.records", "Report"),
    "Rule": ("plancheck.records", "Rule"),
    "Severity": ("plancheck.records", "Severity"),
    "SourcePosition": ("plancheck.records", "SourcePosition"),
    "Subject": ("plancheck.records", "Subject"),
    "Suppression": ("plancheck.records", "Suppression"),
    "YamlLocation": ("plancheck.records", "YamlLocation"),
    "apply_review": ("plancheck.review", "apply_review"),
    "progress_table": ("plancheck.checks", "progress_table"),
    "SetIndex": ("plancheck.engine.planset", "SetIndex"),
    "IssuedDate": ("plancheck.model", "IssuedDate"),
    "render_progress": ("plancheck.outputs.progress_format", "render_progress"),
    "ChangeDirection": ("plancheck.quantities", "ChangeDirection"),
    "dump": ("plancheck.loading", "dump"),
    "Revision": ("plancheck.model", "Revision"),
    "RevisionNote": ("plancheck.model", "RevisionNote"),
    "Change": ("plancheck.plan_diff", "Change"),
    "ChangeNote": ("plancheck.plan_diff", "ChangeNote"),
    "EntityChange": ("plancheck.plan_diff", "EntityChange"),
    "FieldChange": ("plancheck.plan_diff", "FieldChange"),
    "FundingDiff": ("plancheck.plan_diff", "FundingDiff"),
    "FundingLine": ("plancheck.plan_diff", "FundingLine"),
    "PlanDiff": ("plancheck.plan_diff", "PlanDiff"),
    "Trend": ("plancheck.plan_diff", "Trend"),
    "diff": ("plancheck.plan_diff", "diff"),
    "render_diff": ("plancheck.plan_diff", "render_diff"),
}
# Public submodules, imported on first use like the names above.
_MODULES: frozenset[str] = frozenset({"units"})


def __getattr__(name: str) -> object:
    if name in _MODULES:
        value: object = import_module(f"{__name__}.{name}")
    else:
        target = _LAZY.get(name)
        if target is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(target[0]), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_MODULES})


__all__ = [
    "FORMATS",
    "Agency",
    "AgencyKind",
    "Box",
    "BoxItem",
    "BoxKind",
    "Change",
    "ChangeDirection",
    "ChangeNote",
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
    "EntityChange",
    "ExtractError",
    "ExtractReport",
    "Fail",
    "FieldChange",
    "Finding",
    "FundingDiff",
    "FundingLine",
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
    "PlanDiff",
    "PlanIndex",
    "PlanLoadError",
    "PlanMaterial",
    "PlanReport",
    "Project",
    "QuantityError",
    "Report",
    "Revision",
    "RevisionNote",
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
    "Trend",
    "Value",
    "YamlLocation",
    "YearRange",
    "__version__",
    "apply_review",
    "check",
    "diff",
    "dump",
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
    "render_diff",
    "render_progress",
    "units",
]
