"""Plans built or changed in Python, judged as the file they would be written to.

Validation derives state from the data (implied units, section paths, the 专栏 each
item is in); ``model_copy(update=…)`` and plain assignment skip validation, so an
in-memory plan may hold a bare amount with no unit or a section with no path, and a
rule would quietly find nothing to judge. Checking therefore goes through the plan's
data: dumped as a file would hold it and validated as loading validates it, so a plan
object and its YAML dump are judged alike. Positions are carried over from the nodes
the plan was loaded (or copied) from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from plancheck.loading._load import LoadResult
from plancheck.loading._validate import validate
from plancheck.model import Node, Plan
from plancheck.records import YamlLocation

_IN_MEMORY = "<plan>"


def plan_data(plan: Plan, *, self_contained: bool = False) -> dict[str, Any]:
    """The plan as the data a plan file holds (strings, numbers, lists, mappings).

    With ``self_contained``, the merged content of part files is kept and the list of
    ``parts`` dropped, so the data can be written as one file.
    """
    # warnings=False: a field assigned without validation may hold raw data (a str for
    # a year range); it is dumped as it is and validation then judges it.
    data: dict[str, Any] = plan.model_dump(
        mode="json", by_alias=True, exclude_defaults=True, warnings=False
    )
    data = {"plancheck": plan.plancheck, **data}
    if self_contained:
        data.pop("parts", None)
    return data


def revalidate(plan: Plan) -> LoadResult:
    """The plan as loading its data would build it, keeping known positions."""
    display = plan.path or _IN_MEMORY
    rebuilt, problems = validate(plan_data(plan), plan._locations, display)
    result = LoadResult(display, rebuilt, problems)
    if rebuilt is not None:
        rebuilt._path = plan.path
        rebuilt._locations = _relocated(plan, rebuilt)
    return result


def _relocated(old: Plan, new: Plan) -> dict[str, YamlLocation]:
    """Where each node of ``new`` is written: where its counterpart in ``old`` was."""
    children: dict[str, list[tuple[str, YamlLocation]]] = defaultdict(list)
    for pointer, location in old._locations.items():
        if pointer:
            parent, _, last = pointer.rpartition("/")
            children[parent].append((last, location))
    found: dict[str, YamlLocation] = {}
    _walk(old, new, old._locations, children, found, root=True)
    return found


def _walk(
    old: object,
    new: object,
    locations: Mapping[str, YamlLocation],
    children: dict[str, list[tuple[str, YamlLocation]]],
    found: dict[str, YamlLocation],
    *,
    root: bool = False,
) -> None:
    if not isinstance(old, BaseModel) or not isinstance(new, BaseModel):
        return
    if isinstance(old, Node) and isinstance(new, Node) and (root or old.pointer):
        # A node made in memory has no pointer: it was written nowhere.
        here = locations.get(old.pointer)
        if here is not None:
            found[new.pointer] = here
        for last, location in children.get(old.pointer, []):
            found.setdefault(f"{new.pointer}/{last}", location)
    for name in type(new).model_fields:
        before, after = getattr(old, name, None), getattr(new, name)
        if isinstance(after, BaseModel):
            _walk(before, after, locations, children, found)
        elif isinstance(after, list) and isinstance(before, list):
            for item_before, item_after in zip(before, after, strict=False):
                _walk(item_before, item_after, locations, children, found)
