"""Loading plan data: YAML files -> typed :class:`~plancheck.model.Plan` with positions.

Each name is imported on first use: finding plan files (``plan_targets``) needs neither
the YAML reader nor the model, and a replayed ``plancheck check`` needs only that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names

if TYPE_CHECKING:
    from plancheck._reader.parse import MAX_VALUES
    from plancheck._reader.read import DEFAULT_MAX_BYTES
    from plancheck.loading._discover import (
        PLAN_FILE,
        discover,
        is_plan_file,
        owning_plan,
        plan_targets,
    )
    from plancheck.loading._dump import dump, dumps
    from plancheck.loading._errors import PlanLoadError
    from plancheck.loading._load import LoadResult, load, load_plan, plan_file_for
    from plancheck.loading._memory import plan_data, revalidate
    from plancheck.loading._merge import LIST_KEYS as PART_LIST_KEYS
    from plancheck.records import Diagnostic

# Name -> the module defining it; a fixed table, never built from data.
_LAZY = {
    "MAX_VALUES": "plancheck._reader.parse",
    "DEFAULT_MAX_BYTES": "plancheck._reader.read",
    "PLAN_FILE": "plancheck.loading._discover",
    "discover": "plancheck.loading._discover",
    "is_plan_file": "plancheck.loading._discover",
    "owning_plan": "plancheck.loading._discover",
    "plan_targets": "plancheck.loading._discover",
    "dump": "plancheck.loading._dump",
    "dumps": "plancheck.loading._dump",
    "PlanLoadError": "plancheck.loading._errors",
    "LoadResult": "plancheck.loading._load",
    "load": "plancheck.loading._load",
    "load_plan": "plancheck.loading._load",
    "plan_file_for": "plancheck.loading._load",
    "plan_data": "plancheck.loading._memory",
    "revalidate": "plancheck.loading._memory",
    "PART_LIST_KEYS": "plancheck.loading._merge:LIST_KEYS",
    "Diagnostic": "plancheck.records",
}


__getattr__, __dir__ = lazy_names(globals(), _LAZY)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_VALUES",
    "PART_LIST_KEYS",
    "PLAN_FILE",
    "Diagnostic",
    "LoadResult",
    "PlanLoadError",
    "discover",
    "dump",
    "dumps",
    "is_plan_file",
    "load",
    "load_plan",
    "owning_plan",
    "plan_data",
    "plan_file_for",
    "plan_targets",
    "revalidate",
]
