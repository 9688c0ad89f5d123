"""Subjects: what a finding is about, named by a key that survives edits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class Subject:
    """What a finding is about, named by a key that survives edits (``projects/x``)."""

    key: str
    kind: str
    id: str
    name: str


def file_subject(file: str, plan_path: str) -> Subject:
    """``files/<path relative to the plan's folder>``: the subject of a problem with a file.

    Relative to the plan's folder so the key is the same on every machine.
    """
    root = Path(plan_path)
    root = root if root.is_dir() else root.parent
    try:
        relative = Path(file).relative_to(root).as_posix()
    except ValueError:
        relative = Path(file).as_posix()
    return Subject(f"files/{relative}", "file", relative, file)
