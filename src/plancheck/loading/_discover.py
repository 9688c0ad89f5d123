"""Finding plan files under a directory by their top-level `plancheck:` key."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from plancheck.loading._load import PLAN_FILE

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".nox", ".tox"}
_SUFFIXES = (".yaml", ".yml")
_MARKER = re.compile(rb"^plancheck[ \t]*:", re.MULTILINE)
# Only the head of a file is read to decide; the key conventionally comes first
# and reading whole files would make discovery cost the size of the repository.
_HEAD_BYTES = 64 * 1024


def is_plan_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    return _MARKER.search(head) is not None


def discover(root: Path) -> Iterator[Path]:
    """Plan files below ``root`` in sorted order; a plan directory yields its plan.yaml."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(names):
            if name.endswith(_SUFFIXES):
                path = Path(folder) / name
                if is_plan_file(path):
                    yield path


def plan_targets(path: Path) -> list[Path]:
    """What to check for a path given on the command line."""
    if path.is_dir() and not (path / PLAN_FILE).is_file():
        return list(discover(path))
    return [path]
