"""Joining a directory plan's part files into one document."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from plancheck._reader.pointer import join
from plancheck._reader.positions import Positions
from plancheck.records import Diagnostic, YamlLocation

LIST_KEYS = (
    "sections",
    "boxes",
    "indicators",
    "agencies",
    "projects",
    "totals",
    "counts",
    "identities",
    "claims",
    "evaluations",
)


def resolve_part(base: Path, entry: object) -> Path | str:
    """The part's path inside ``base``, or a reason it is refused."""
    if not isinstance(entry, str) or not entry.strip():
        return "部件路径必须是非空字符串 / a part path must be a non-empty string"
    if "\0" in entry:
        return f"部件路径含有空字符（NUL）/ part path contains a NUL character: {entry!r}"
    candidate = Path(entry)
    if candidate.is_absolute():
        return f"部件路径必须是相对路径 / part path must be relative: {entry!r}"
    try:
        root = base.resolve()
        # resolve() follows symlinks, so a link pointing outside is caught too.
        resolved = (base / candidate).resolve()
    except (OSError, RuntimeError):
        return (
            "部件路径无法解析（符号链接循环）/ "
            f"part path cannot be resolved (symlink loop): {entry!r}"
        )
    if not resolved.is_relative_to(root):
        return f"部件路径超出规划目录 / part path leaves the plan directory: {entry!r}"
    return base / candidate


def check_part_shape(data: Any, file: str, locate: Mapping[str, YamlLocation]) -> list[Diagnostic]:
    """A part file is a mapping of list keys to lists, nothing else."""
    root = locate.get("")
    line, column = (root.line, root.column) if root else (1, 1)
    if not isinstance(data, dict):
        return [
            Diagnostic(
                "PC002", "部件文件必须是映射 / a part file must be a mapping", file, line, column
            )
        ]
    problems = []
    for key, value in data.items():
        where = locate.get(join("", key)) or root
        at = (where.line, where.column) if where else (1, 1)
        if key not in LIST_KEYS:
            problems.append(
                Diagnostic(
                    "PC002",
                    f"部件文件中不允许的键 / key not allowed in a part file: {key!r} "
                    f"(allowed: {', '.join(LIST_KEYS)})",
                    file,
                    *at,
                    pointer=join("", key),
                )
            )
        elif not isinstance(value, list):
            problems.append(
                Diagnostic(
                    "PC002",
                    f"{key!r} 必须是列表 / {key!r} must be a list",
                    file,
                    *at,
                    pointer=join("", key),
                )
            )
    return problems


def merge_part(
    target: dict[str, Any],
    locations: Positions,
    part: dict[str, list[Any]],
    part_locations: Positions,
) -> None:
    """Append the part's lists to ``target`` and re-address their positions."""
    for key, items in part.items():
        existing = target.setdefault(key, [])
        if not isinstance(existing, list):
            continue  # the plan file's own shape error is reported by validation
        locations.mount(key, len(existing), len(items), part_locations)
        existing.extend(items)
