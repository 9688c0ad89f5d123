"""Turning the merged document into a Plan, with errors at their file:line:column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from plancheck.loading._pointer import join
from plancheck.loading.diagnostics import Diagnostic
from plancheck.model import Plan
from plancheck.model._base import Node
from plancheck.model.location import YamlLocation
from plancheck.quantities import QuantityError


def _pointer(loc: Sequence[int | str]) -> str:
    pointer = ""
    for part in loc:
        pointer = join(pointer, part)
    return pointer


def _nearest(pointer: str, locations: dict[str, YamlLocation]) -> YamlLocation | None:
    while True:
        found = locations.get(pointer)
        if found is not None or not pointer:
            return found
        pointer = pointer.rsplit("/", 1)[0]


def _is_quantity_error(error: Any) -> bool:
    ctx = error.get("ctx") or {}
    return isinstance(ctx.get("error"), QuantityError)


def _message(error: Any) -> str:
    if _is_quantity_error(error):
        return str(error["ctx"]["error"])
    where = ".".join(str(p) for p in error["loc"]) or "(top level)"
    text = error["msg"]
    if error["type"] == "extra_forbidden":
        return f"未知的键 / unknown key at {where}"
    if error["type"] == "missing":
        return f"缺少必填项 / missing required key {where}"
    return f"不符合数据模式 / schema violation at {where}: {text}"


def _strip_model_names(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    # Unions and custom validators add non-field segments ("function-after[...]",
    # "str", "list[str]"); keep only keys and indexes that exist in the data.
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in p and p not in _TYPE_NAMES))


_TYPE_NAMES = {"str", "int", "float", "bool", "literal['all']", "list[str]"}


def validate(
    data: Any, locations: dict[str, YamlLocation], fallback_file: str
) -> tuple[Plan | None, list[Diagnostic]]:
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        diagnostics = []
        for error in exc.errors(include_url=False):
            loc = _strip_model_names(tuple(error["loc"]))
            pointer = _pointer(loc)
            where = _nearest(pointer, locations)
            file, line, column = (
                (where.file, where.line, where.column) if where else (fallback_file, 1, 1)
            )
            code = "PC004" if _is_quantity_error(error) else "PC002"
            diagnostics.append(Diagnostic(code, _message(error), file, line, column, pointer))
        diagnostics.sort(key=lambda d: (d.file, d.line, d.column, d.code))
        return None, _dedupe(diagnostics)
    attach(plan, "")
    plan._locations = locations
    return plan, []


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


def attach(node: BaseModel, pointer: str) -> None:
    """Give every node its JSON pointer, so findings can be located later."""
    if isinstance(node, Node):
        node._pointer = pointer
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            attach(value, join(pointer, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    attach(item, join(join(pointer, name), index))
