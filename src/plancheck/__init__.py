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
    from plancheck.engine.api import Checker, check
    from plancheck.engine.catalogue import RuleFileError
    from plancheck.engine.config import Config, ConfigError, load_config
    from plancheck.engine.index import PlanIndex
    from plancheck.engine.outcome import Fail, NotApplicable
    from plancheck.engine.registry import check as register_check
    from plancheck.loading import Diagnostic, LoadResult, PlanLoadError, load, load_plan
    from plancheck.material import gather_material, plan_material
    from plancheck.model import Entity, Node, Plan
    from plancheck.outputs import FORMATS, render
    from plancheck.outputs.html import IndicatorPoint, PlanMaterial
    from plancheck.quantities import QuantityError, Value, parse_value
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
    "register_check": ("plancheck.engine.registry", "check"),
    "Diagnostic": ("plancheck.loading", "Diagnostic"),
    "LoadResult": ("plancheck.loading", "LoadResult"),
    "PlanLoadError": ("plancheck.loading", "PlanLoadError"),
    "load": ("plancheck.loading", "load"),
    "load_plan": ("plancheck.loading", "load_plan"),
    "gather_material": ("plancheck.material", "gather_material"),
    "plan_material": ("plancheck.material", "plan_material"),
    "Entity": ("plancheck.model", "Entity"),
    "Node": ("plancheck.model", "Node"),
    "Plan": ("plancheck.model", "Plan"),
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
}


def __getattr__(name: str) -> object:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(target[0]), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "FORMATS",
    "Checker",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Entity",
    "Fail",
    "Finding",
    "IndicatorPoint",
    "LoadResult",
    "Node",
    "NotApplicable",
    "Plan",
    "PlanIndex",
    "PlanLoadError",
    "PlanMaterial",
    "PlanReport",
    "QuantityError",
    "Report",
    "Rule",
    "RuleFileError",
    "Severity",
    "SourcePosition",
    "Subject",
    "Suppression",
    "Value",
    "YamlLocation",
    "__version__",
    "apply_review",
    "check",
    "gather_material",
    "load",
    "load_config",
    "load_plan",
    "parse_value",
    "plan_material",
    "register_check",
    "render",
]
