"""plancheck: check government development plans (规划) for compliance and consistency.

The public API is what this module exports; everything else is private and may change.
Names are imported on first use (``from plancheck import Checker`` works as usual), so
the command line and ``import plancheck`` pay only for what they use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names
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

# Public name -> its module, or "module:name there"; a fixed table, never built from data.
_LAZY: dict[str, str] = {
    "Checker": "plancheck.engine.api",
    "check": "plancheck.engine.api",
    "RuleFileError": "plancheck.engine.catalogue",
    "Config": "plancheck.engine.config",
    "ConfigError": "plancheck.engine.config",
    "load_config": "plancheck.engine.config",
    "PlanIndex": "plancheck.engine.index",
    "Fail": "plancheck.engine.outcome",
    "NotApplicable": "plancheck.engine.outcome",
    "CheckParams": "plancheck.engine.params",
    "register_check": "plancheck.engine.registry:check",
    "ExtractError": "plancheck.extraction",
    "ExtractReport": "plancheck.extraction",
    "extract": "plancheck.extraction",
    "extract_to": "plancheck.extraction",
    "Diagnostic": "plancheck.loading",
    "LoadResult": "plancheck.loading",
    "PlanLoadError": "plancheck.loading",
    "load": "plancheck.loading",
    "load_plan": "plancheck.loading",
    "gather_material": "plancheck.material",
    "plan_material": "plancheck.material",
    "Agency": "plancheck.model",
    "AgencyKind": "plancheck.model",
    "Box": "plancheck.model",
    "BoxItem": "plancheck.model",
    "BoxKind": "plancheck.model",
    "Claim": "plancheck.model",
    "ClaimKind": "plancheck.model",
    "DeclaredCount": "plancheck.model",
    "Direction": "plancheck.model",
    "Entity": "plancheck.model",
    "Identity": "plancheck.model",
    "Implementer": "plancheck.model",
    "Indicator": "plancheck.model",
    "IndicatorType": "plancheck.model",
    "IndicatorValue": "plancheck.model",
    "Jurisdiction": "plancheck.model",
    "Level": "plancheck.model",
    "Node": "plancheck.model",
    "Plan": "plancheck.model",
    "Project": "plancheck.model",
    "Section": "plancheck.model",
    "SourceDocument": "plancheck.model",
    "SourceRef": "plancheck.model",
    "Total": "plancheck.model",
    "YearRange": "plancheck.model",
    "FORMATS": "plancheck.outputs",
    "render": "plancheck.outputs",
    "IndicatorPoint": "plancheck.outputs.html",
    "PlanMaterial": "plancheck.outputs.html",
    "QuantityError": "plancheck.quantities",
    "Value": "plancheck.quantities",
    "parse_value": "plancheck.quantities",
    "Finding": "plancheck.records",
    "PlanReport": "plancheck.records",
    "Report": "plancheck.records",
    "Rule": "plancheck.records",
    "Severity": "plancheck.records",
    "SourcePosition": "plancheck.records",
    "Subject": "plancheck.records",
    "Suppression": "plancheck.records",
    "YamlLocation": "plancheck.records",
    "apply_review": "plancheck.review",
    "progress_table": "plancheck.checks",
    "SetIndex": "plancheck.engine.planset",
    "IssuedDate": "plancheck.model",
    "render_progress": "plancheck.outputs.progress_format",
    "ChangeDirection": "plancheck.quantities",
    "dump": "plancheck.loading",
    "Revision": "plancheck.model",
    "RevisionNote": "plancheck.model",
    "Change": "plancheck.plan_diff",
    "ChangeNote": "plancheck.plan_diff",
    "EntityChange": "plancheck.plan_diff",
    "FieldChange": "plancheck.plan_diff",
    "FundingDiff": "plancheck.plan_diff",
    "FundingLine": "plancheck.plan_diff",
    "PlanDiff": "plancheck.plan_diff",
    "Trend": "plancheck.plan_diff",
    "diff": "plancheck.plan_diff",
    "render_diff": "plancheck.plan_diff",
}
# Public submodules, imported on first use like the names above.
_MODULES: frozenset[str] = frozenset({"units"})


_names = lazy_names(globals(), _LAZY)


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        return _names(name)
    value = import_module(f"{__name__}.{name}")
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
