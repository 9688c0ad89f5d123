"""Reading what can be read: one bad cell must not hide the rest of the plan.

Validation errors inside an entity are *cell* problems, not structural damage.
A value that cannot be read as an amount is replaced by an ``UNREADABLE`` value
that keeps its text and the reason; any other bad optional field of an entity
(a year range written ``2011-13``, a boolean where a number belongs) is left out.
Each becomes a diagnostic at its field, the pointer is remembered as unreadable
(so rules can say why they cannot judge it), and validation is tried again.
Only problems that leave no valid plan (not a mapping, a required key of the plan
itself missing or wrong, an entity that is not a mapping) stop the plan.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel

from plancheck.loading._merge import LIST_KEYS
from plancheck.quantities import QuantityError, Value

# Keys whose field is a ``Value`` (amounts), in any entity.
_VALUE_KEYS: Final = frozenset({"value", "funding"})
# Fields never left out: required ones (leaving one out would only trade its error for
# "missing"), and ones whose default would change the meaning (a total's `projects`
# list would become `all`, a claim's `kind` would become `target`).
_REQUIRED_KEYS: Final = frozenset(
    {"id", "name", "title", "number", "label", "quote", "phrase", "count", "statement"}
    | {"total", "components", "text", "projects", "category", "kind"}
)
# Each round removes at least one problem; a plan has far fewer bad cells than this.
MAX_ROUNDS: Final = 50


@dataclass(slots=True)
class Salvage:
    """The data with unreadable cells replaced or removed, and where they were."""

    data: Any
    unreadable: dict[str, str] = field(default_factory=dict)


def _entity_path(loc: tuple[int | str, ...]) -> bool:
    """Whether ``loc`` names a field inside an entity of one of the plan's lists."""
    return len(loc) >= 3 and loc[0] in LIST_KEYS and isinstance(loc[1], int)


def _parent(data: Any, loc: tuple[int | str, ...]) -> Any:
    current = data
    for part in loc[:-1]:
        current = current[part]
    return current


def salvage_cell(
    salvage: Salvage, loc: tuple[int | str, ...], pointer: str, error: Any, message: str
) -> bool:
    """Replace or drop the bad cell at ``loc``; False when it is not a cell problem."""
    if not _entity_path(loc) or pointer in salvage.unreadable or error["type"] == "missing":
        return False
    if any(pointer.startswith(f"{done}/") for done in salvage.unreadable):
        return True  # inside a cell already set aside in this round
    parent = _parent(salvage.data, loc)
    key = loc[-1]
    if not isinstance(parent, dict) or key not in parent or key in _REQUIRED_KEYS:
        return False
    raw = parent[key]
    ctx = error.get("ctx") or {}
    written = raw.strip() if isinstance(raw, str) else raw
    readable_type = isinstance(written, str | int | float) and not isinstance(written, bool)
    if isinstance(ctx.get("error"), QuantityError) and key in _VALUE_KEYS and readable_type:
        # Kept (not dropped) so that rules see a written but unreadable cell, not an empty one.
        parent[key] = Value.unreadable(str(written) or "?", message)
        salvage.unreadable[pointer] = message
        return True
    del parent[key]
    salvage.unreadable[pointer] = message
    if loc[0] == "indicators" and len(loc) == 3 and key == "unit":
        _unit_unknown(salvage, parent, pointer.rsplit("/", 1)[0], raw)
    return True


def _unit_unknown(salvage: Salvage, indicator: dict[str, Any], pointer: str, unit: Any) -> None:
    """Bare numbers of an indicator whose unit could not be read are in no known unit."""
    reason = (
        f"指标单位无法读取 / the indicator's unit {str(unit)!r} could not be read, "
        "so this bare number has no known unit"
    )
    cells: list[tuple[str, Any]] = [("baseline", indicator.get("baseline"))]
    for key in ("targets", "observations"):
        items = indicator.get(key)
        if isinstance(items, list):
            cells += [(f"{key}/{i}", item) for i, item in enumerate(items)]
    for where, cell in cells:
        if not isinstance(cell, dict) or "value" not in cell:
            continue
        raw = cell["value"]
        bare = isinstance(raw, int | float) and not isinstance(raw, bool)
        if bare or (isinstance(raw, str) and raw.strip()[-1:].isdigit()):
            cell["value"] = Value.unreadable(str(raw).strip(), reason)
            salvage.unreadable[f"{pointer}/{where}/value"] = reason


def start(data: Any) -> Salvage:
    """A private copy of ``data`` to repair (the caller's data is never changed).

    Entities already built (valid, see ``_validate``) are shared, not copied: no error
    points inside one, so nothing here changes them, and deep-copying thousands of
    models cost more than the rest of loading.
    """
    memo: dict[int, Any] = {}
    if isinstance(data, dict):
        for items in data.values():
            if isinstance(items, list):
                memo.update((id(item), item) for item in items if isinstance(item, BaseModel))
    return Salvage(copy.deepcopy(data, memo))
