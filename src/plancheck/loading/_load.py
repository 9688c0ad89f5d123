"""``load``: a plan file or plan directory -> a typed Plan with positions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plancheck._gc import collection_paused
from plancheck._reader.parse import MAX_VALUES, YamlProblem, parse_yaml, to_diagnostic
from plancheck._reader.pointer import join
from plancheck._reader.positions import Positions
from plancheck._reader.read import DEFAULT_MAX_BYTES, ReadProblem, read_text
from plancheck._reader.roots import stays_inside
from plancheck.loading._discover import PLAN_FILE
from plancheck.loading._errors import PlanLoadError
from plancheck.loading._merge import check_part_shape, merge_part, resolve_part
from plancheck.loading._validate import validate
from plancheck.model import Plan
from plancheck.records import Diagnostic


@dataclass(slots=True)
class LoadResult:
    """What loading produced: the plan (None when it could not be built) and why."""

    path: str
    plan: Plan | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _display(path: Path) -> str:
    return path.as_posix()


def _parse_file(
    path: Path, display: str, max_bytes: int, max_values: int = MAX_VALUES
) -> tuple[Any, Positions] | Diagnostic:
    try:
        parsed = parse_yaml(read_text(path, display, max_bytes), display, max_values=max_values)
    except ReadProblem as problem:
        return problem.diagnostic
    except YamlProblem as problem:
        return to_diagnostic(problem, display)
    return parsed.data, parsed.marks


def plan_file_for(path: Path) -> Path:
    """The YAML file that holds the plan's metadata for a file or directory path."""
    return path / PLAN_FILE if path.is_dir() else path


def load_plan(
    path: str | os.PathLike[str],
    *,
    max_file_bytes: int = DEFAULT_MAX_BYTES,
    max_values: int = MAX_VALUES,
) -> LoadResult:
    """Load without raising: problems come back as diagnostics (rule codes PC001–PC005).

    ``max_file_bytes`` and ``max_values`` bound each file read (bytes; YAML values).
    """
    with collection_paused():
        return _load_plan(Path(path), max_file_bytes, max_values)


def _load_plan(target: Path, max_file_bytes: int, max_values: int) -> LoadResult:
    plan_path = plan_file_for(target)
    display = _display(plan_path)
    result = LoadResult(_display(target), None)
    if not plan_path.exists():
        what = (
            "目录中没有 plan.yaml / no plan.yaml in directory"
            if target.is_dir()
            else ("文件不存在 / no such file")
        )
        result.diagnostics.append(Diagnostic("PC001", what, display))
        return result
    if not stays_inside(plan_path, plan_path.parent):
        result.diagnostics.append(
            Diagnostic(
                "PC002",
                "规划文件的实际路径超出规划目录和仓库，未读取 / the plan file's real path leaves "
                "the plan folder and its repository; it was not read",
                display,
            )
        )
        return result
    parsed = _parse_file(plan_path, display, max_file_bytes, max_values)
    result.files.append(display)
    if isinstance(parsed, Diagnostic):
        result.diagnostics.append(parsed)
        return result
    data, locations = parsed
    if not isinstance(data, dict) or "plancheck" not in data:
        result.diagnostics.append(
            Diagnostic(
                "PC002",
                "不是规划文件：顶层缺少 `plancheck: 1` / "
                "not a plan file: no top-level `plancheck: 1`",
                display,
            )
        )
        return result
    parts = data.get("parts")
    if isinstance(parts, list):
        limits = (max_file_bytes, max_values)
        _load_parts(plan_path.parent, parts, data, locations, result, *limits)
    if result.diagnostics:
        return result
    plan, problems = validate(data, locations, display)
    result.diagnostics.extend(problems)
    if plan is not None:
        plan._path = result.path
        result.plan = plan
    return result


def _load_parts(
    base: Path,
    parts: list[Any],
    data: dict[str, Any],
    locations: Positions,
    result: LoadResult,
    max_bytes: int,
    max_values: int = MAX_VALUES,
) -> None:
    seen: set[Path] = set()
    for index, entry in enumerate(parts):
        where = locations.get(join("/parts", index)) or locations[""]
        resolved = resolve_part(base, entry)
        if isinstance(resolved, str):
            result.diagnostics.append(
                Diagnostic("PC002", resolved, where.file, where.line, where.column, where.pointer)
            )
            continue
        real = resolved.resolve()
        if real in seen:
            result.diagnostics.append(
                Diagnostic(
                    "PC006",
                    f"部件文件重复列出 / part file listed twice: {entry!r}",
                    where.file,
                    where.line,
                    where.column,
                    where.pointer,
                )
            )
            continue
        seen.add(real)
        if not resolved.is_file():
            exists = resolved.exists()
            result.diagnostics.append(
                Diagnostic(
                    "PC002" if exists else "PC005",
                    f"部件不是普通文件 / part is not a regular file: {entry!r}"
                    if exists
                    else f"部件文件不存在 / part file not found: {entry!r}",
                    where.file,
                    where.line,
                    where.column,
                    where.pointer,
                )
            )
            continue
        display = _display(resolved)
        parsed = _parse_file(resolved, display, max_bytes, max_values)
        result.files.append(display)
        if isinstance(parsed, Diagnostic):
            result.diagnostics.append(parsed)
            continue
        part, part_locations = parsed
        problems = check_part_shape(part, display, part_locations)
        if problems:
            result.diagnostics.extend(problems)
            continue
        merge_part(data, locations, part, part_locations)


def load(path: str | os.PathLike[str], *, max_file_bytes: int = DEFAULT_MAX_BYTES) -> Plan:
    """Load a plan file or plan directory; raises PlanLoadError with positioned diagnostics.

    Strict: any problem, even one unreadable cell, raises (``load_plan`` and ``check``
    set unreadable cells aside and go on).
    """
    result = load_plan(path, max_file_bytes=max_file_bytes)
    if result.plan is None or result.diagnostics:
        raise PlanLoadError(result.diagnostics)
    return result.plan
