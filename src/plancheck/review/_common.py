"""What the review modules share: the error for unusable files, rule codes, subjects."""

from __future__ import annotations

import re
from pathlib import Path

from plancheck.engine.finding import Subject

UNUSED = "PC009"
EXPIRED = "PC010"
INVALID = "PC011"
REVIEW_CODES = frozenset({UNUSED, EXPIRED, INVALID})

RULE_CODE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")


class ReviewFileError(Exception):
    """A waivers or baseline file that cannot be used at all; one line, exit code 2."""


def file_subject(file: str, plan_path: str) -> Subject:
    """``files/<path relative to the plan's folder>``, as the engine keys load problems."""
    root = Path(plan_path)
    root = root if root.is_dir() else root.parent
    try:
        relative = Path(file).relative_to(root).as_posix()
    except ValueError:
        relative = Path(file).as_posix()
    return Subject(f"files/{relative}", "file", relative, file)
