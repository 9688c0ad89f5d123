"""Loading plan data: YAML files -> typed :class:`~plancheck.model.Plan` with positions."""

from plancheck.loading._discover import discover, is_plan_file, owning_plan, plan_targets
from plancheck.loading._dump import dump, dumps
from plancheck.loading._load import PLAN_FILE, LoadResult, load, load_plan, plan_file_for
from plancheck.loading._memory import plan_data, revalidate
from plancheck.loading._read import DEFAULT_MAX_BYTES
from plancheck.loading.diagnostics import Diagnostic, PlanLoadError

__all__ = [
    "DEFAULT_MAX_BYTES",
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
