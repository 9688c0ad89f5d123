"""Turning the merged document into a Plan, with errors at their file:line:column."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from plancheck._reader.pointer import join
from plancheck.loading._salvage import MAX_ROUNDS, Salvage, salvage_cell, start
from plancheck.model import Node, Plan
from plancheck.quantities import QuantityError
from plancheck.records import Diagnostic, YamlLocation


def _pointer(loc: Sequence[int | str]) -> str:
    pointer = ""
    for part in loc:
        pointer = join(pointer, part)
    return pointer


def _nearest(pointer: str, locations: Mapping[str, YamlLocation]) -> YamlLocation | None:
    while True:
        found = locations.get(pointer)
        if found is not None or not pointer:
            return found
        pointer = pointer.rsplit("/", 1)[0]


def _is_quantity_error(error: Any) -> bool:
    ctx = error.get("ctx") or {}
    return isinstance(ctx.get("error"), QuantityError)


def _message(error: Any, loc: tuple[int | str, ...]) -> str:
    if _is_quantity_error(error):
        return _printable(str(error["ctx"]["error"]))
    where = _printable(".".join(str(p) for p in loc)) or "(top level)"
    ctx = error.get("ctx") or {}
    if isinstance(ctx.get("error"), ValueError) and " / " in str(ctx["error"]):
        # plancheck's own validators already say what is wrong in both languages.
        return _printable(f"{ctx['error']} (at {where})")
    text = _printable(error["msg"])
    if error["type"] == "extra_forbidden":
        return f"未知的键 / unknown key at {where}"
    if error["type"] == "missing":
        return f"缺少必填项 / missing required key {where}"
    return f"不符合数据模式 / schema violation at {where}: {text}"


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Keep the parts of a pydantic error location that exist in the data.

    Unions and custom validators add segments that are type names
    ("function-after[...]", "str"); walking the data tells them apart from real
    keys, even a key that happens to be called "str".
    """
    kept: list[int | str] = []
    current = data
    for index, part in enumerate(loc):
        in_map = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_map or in_list:
            kept.append(part)
            current = current[part]
        elif index == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
            kept.append(part)  # a missing key: name it, locate at its parent
    return tuple(kept)


def _printable(text: str) -> str:
    # Keys come from the file; a line break in one must not split the one-line message.
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def validate(
    data: Any, locations: Mapping[str, YamlLocation], fallback_file: str
) -> tuple[Plan | None, list[Diagnostic]]:
    """Build the plan; unreadable cells become diagnostics and the rest is still checked.

    ``data`` is used up: the entities of its lists are replaced by their models.
    """
    _build_entities(data)
    salvage: Salvage | None = None
    kept: list[Diagnostic] = []
    for _round in range(MAX_ROUNDS):
        try:
            plan = Plan.model_validate(data if salvage is None else salvage.data)
        except ValidationError as exc:
            salvage = salvage or start(data)
            diagnostics, all_cells = _round_diagnostics(exc, salvage, locations, fallback_file)
            kept.extend(d for d, _cell in diagnostics if _cell)
            if not all_cells:
                fatal = [d for d, cell in diagnostics if not cell]
                return None, _dedupe(sorted(kept + fatal, key=_order))
            continue
        attach(plan, "")
        plan._locations = locations
        plan._unreadable = dict(salvage.unreadable) if salvage is not None else {}
        return plan, _dedupe(sorted(kept, key=_order))
    return None, _dedupe(sorted(kept, key=_order))


def _list_models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for name, info in Plan.model_fields.items():
        args = get_args(info.annotation)
        if get_origin(info.annotation) is list and len(args) == 1:
            model = args[0]
            if isinstance(model, type) and issubclass(model, BaseModel):
                found[info.alias or name] = model
    return found


# The plan's lists of entities (projects, agencies, ...) and the model of their items.
_LIST_MODELS = _list_models()


def _build_entities(data: Any) -> None:
    """Put each valid entity of the plan's lists in place of its mapping, one by one.

    Validating the whole plan at once keeps every mapping alive until the last model
    is built, so the plan's data and its models peak together (for 100,000 projects,
    some 70 MB of mappings on top of the models). An entity built here is accepted as
    it is by the plan's validation, which gives it the same fields it would have built;
    an entity that fails stays a mapping, so its errors are found, placed and set
    aside by the plan's validation exactly as before.
    """
    if not isinstance(data, dict):
        return
    for key, model in _LIST_MODELS.items():
        items = data.get(key)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict):
                try:
                    built = model.model_validate(item)
                except ValidationError:
                    continue
                # Shared now, so that each node's own set is freed before the next is built.
                attach(built, None)
                items[index] = built


def _order(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    return (diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.code)


def _round_diagnostics(
    exc: ValidationError,
    salvage: Salvage,
    locations: Mapping[str, YamlLocation],
    fallback_file: str,
) -> tuple[list[tuple[Diagnostic, bool]], bool]:
    """Each error as a diagnostic, and whether it was a cell that could be set aside."""
    located = []
    for error in exc.errors(include_url=False):
        # Every location is read before any cell is set aside, so that one repair
        # cannot shift where a sibling error points.
        loc = _data_path(salvage.data, tuple(error["loc"]))
        located.append((error, loc, _pointer(loc)))
    results: list[tuple[Diagnostic, bool]] = []
    all_cells = True
    for error, loc, pointer in located:
        where = _nearest(pointer, locations)
        file, line, column = (
            (where.file, where.line, where.column) if where else (fallback_file, 1, 1)
        )
        code = "PC004" if _is_quantity_error(error) else "PC002"
        message = _message(error, loc)
        cell = salvage_cell(salvage, loc, pointer, error, message)
        all_cells = all_cells and cell
        results.append((Diagnostic(code, message, file, line, column, pointer), cell))
    return results, all_cells


def _dedupe(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, str, int, int, str]] = set()
    unique = []
    for diagnostic in diagnostics:
        marker = (
            diagnostic.code,
            diagnostic.file,
            diagnostic.line,
            diagnostic.column,
            diagnostic.message,
        )
        if marker not in seen:
            seen.add(marker)
            unique.append(diagnostic)
    return unique


def attach(node: BaseModel, pointer: str | None) -> None:
    """Give every node its JSON pointer, so findings can be located later, and let the
    nodes share their sets of given field names (see ``Node._share_fields``).

    ``pointer=None`` only shares: for an entity built before its place in the plan is
    final (``_build_entities``), so that its own sets are freed at once.
    """
    if isinstance(node, Node):
        if pointer is not None:
            node._place(pointer)
        node._share_fields()
    fields = node.__dict__
    for name in _node_fields(type(node)):
        value = fields.get(name)
        if value is None:
            continue
        # Field names are identifiers: nothing in them needs escaping.
        where = None if pointer is None else f"{pointer}/{name}"
        if isinstance(value, BaseModel):
            attach(value, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    attach(item, None if where is None else f"{where}/{index}")


@functools.cache
def _node_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` whose values may be a model or a list of models."""
    return tuple(name for name, info in cls.model_fields.items() if _may_hold(info.annotation))


def _may_hold(annotation: Any) -> bool:
    """Whether a value of type ``annotation`` may be (or list) a model; True when unsure."""
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    if get_origin(annotation) is Literal:
        return False
    if get_origin(annotation) is Annotated:
        return _may_hold(get_args(annotation)[0])
    args = get_args(annotation)
    if not args:
        return True
    return any(_may_hold(arg) for arg in args if arg is not type(None))
