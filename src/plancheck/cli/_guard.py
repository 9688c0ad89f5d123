"""Nothing is lost: commands never write their output over a file they read."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from plancheck.cli._errors import UsageError


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def refuse_overwrite(target: Path, inputs: Iterable[Path], what: str) -> None:
    """Raise a usage error when ``target`` is one of ``inputs``."""
    for candidate in inputs:
        if same_file(target, candidate):
            raise UsageError(
                f"拒绝覆盖输入文件 / refusing to overwrite an input file with the {what}: {target}"
            )
