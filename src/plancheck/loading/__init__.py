"""Loading plan data: YAML files -> typed :class:`~plancheck.model.Plan` with positions."""

from plancheck._reader.read import DEFAULT_MAX_BYTES
from plancheck.loading._discover import discover, is_plan_file, owning_plan, plan_targets
from plancheck.loading._errors import PlanLoadError
from plancheck.loading._load import PLAN_FILE, LoadResult, load, load_plan, plan_file_for
from plancheck.loading._merge import LIST_KEYS as PART_LIST_KEYS
from plancheck.records import Diagnostic

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PART_LIST_KEYS",
    "PLAN_FILE",
    "Diagnostic",
    "LoadResult",
    "PlanLoadError",
    "discover",
    "is_plan_file",
    "load",
    "load_plan",
    "owning_plan",
    "plan_file_for",
    "plan_targets",
]
