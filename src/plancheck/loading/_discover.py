"""Finding plan files under a directory by their top-level `plancheck:` key."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from plancheck._reader.roots import stays_inside

# The file that makes a folder a plan directory (its parts beside it).
PLAN_FILE = "plan.yaml"

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".nox", ".tox"}
_SUFFIXES = (".yaml", ".yml")
_MARKER = re.compile(rb"^(?:\xef\xbb\xbf)?([\"']?)plancheck\1[ \t]*:", re.MULTILINE)
# Only the head of a file is read to decide; the key conventionally comes first
# and reading whole files would make discovery cost the size of the repository.
_HEAD_BYTES = 64 * 1024


def is_plan_file(path: Path) -> bool:
    try:
        # Only regular files: opening a FIFO named *.yaml would block forever. A file
        # linked from outside the folder and its repository is not opened at all.
        if not path.is_file():
            return False
        # Only a symlink can lead outside: a plain file's real path is its folder's.
        if path.is_symlink() and not stays_inside(path, path.parent):
            return False
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    return _MARKER.search(head) is not None


def _walk(root: Path) -> Iterator[Path]:
    """Every file below ``root``, without following symlinked folders.

    Iterative, not recursive (os.walk recurses in Python 3.11): 1,500 nested folders
    must not exhaust the interpreter's stack.
    """
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if entry.name not in _SKIP_DIRS and not entry.name.startswith("."):
                    pending.append(Path(entry.path))
            else:
                yield Path(entry.path)


def discover(root: Path) -> Iterator[Path]:
    """Plan files below ``root`` in sorted path order."""
    found = [path for path in _walk(root) if path.name.endswith(_SUFFIXES) and is_plan_file(path)]
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
    except (OSError, RuntimeError):  # a symlink loop
        return False
    for entry in parts:
        # A listed path that cannot be a file (a NUL in it) is the loader's to report.
        if not isinstance(entry, str) or "\0" in entry:
            continue
        try:
            if (base / entry).resolve() == target:
                return True
        except (OSError, RuntimeError):
            continue
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
