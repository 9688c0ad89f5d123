"""Finding plan files under a directory by their top-level `plancheck:` key."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from plancheck.loading._load import PLAN_FILE

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".nox", ".tox"}
_SUFFIXES = (".yaml", ".yml")
_MARKER = re.compile(rb"^(?:\xef\xbb\xbf)?([\"']?)plancheck\1[ \t]*:", re.MULTILINE)
# Only the head of a file is read to decide; the key conventionally comes first
# and reading whole files would make discovery cost the size of the repository.
_HEAD_BYTES = 64 * 1024


def is_plan_file(path: Path) -> bool:
    try:
        # Only regular files: opening a FIFO named *.yaml would block forever.
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    return _MARKER.search(head) is not None


def discover(root: Path) -> Iterator[Path]:
    """Plan files below ``root`` in sorted path order."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
        for name in names:
            if name.endswith(_SUFFIXES):
                path = Path(folder) / name
                if is_plan_file(path):
                    found.append(path)
    yield from sorted(found, key=lambda p: p.parts)


def plan_targets(path: Path) -> list[Path]:
    """What to check for a path given on the command line."""
    if path.is_dir() and not (path / PLAN_FILE).is_file():
        return list(discover(path))
    return [path]


def _lists_part(plan_file: Path, part: Path) -> bool:
    # Imported here: discovery stays cheap for the common case of plain plan files.
    from plancheck._reader.parse import YamlProblem, parse_yaml
    from plancheck._reader.read import ReadProblem, read_text

    try:
        data = parse_yaml(read_text(plan_file, plan_file.as_posix())).data
    except (ReadProblem, YamlProblem):
        return False
    parts = data.get("parts") if isinstance(data, dict) else None
    if not isinstance(parts, list):
        return False
    try:
        base = plan_file.parent.resolve()
        target = part.resolve()
        return any(isinstance(p, str) and (base / p).resolve() == target for p in parts)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def owning_plan(path: Path) -> Path | None:
    """The plan a changed file belongs to: itself if it is a plan file, else the
    nearest enclosing ``plan.yaml`` that lists it as a part (None for unrelated files).

    This lets a pre-commit hook that is handed only the changed files still run
    the cross-file checks over the whole plan.
    """
    if not path.name.endswith(_SUFFIXES) or not path.is_file():
        return None
    if is_plan_file(path):
        return path
    for folder in path.resolve().parents:
        candidate = folder / PLAN_FILE
        if candidate.is_file() and is_plan_file(candidate) and _lists_part(candidate, path):
            return Path(os.path.relpath(candidate)) if not path.is_absolute() else candidate
        if (folder / ".git").exists():
            break
    return None
