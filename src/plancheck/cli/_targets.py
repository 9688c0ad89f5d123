"""The plans a ``check`` run is about: every plan file under the paths it was given."""

from __future__ import annotations

import os
from pathlib import Path

from plancheck.cli._errors import UsageError
from plancheck.loading import PLAN_FILE, plan_targets


def _identity(target: Path) -> tuple[int, int] | str:
    """The plan file a target names, as the file system knows it.

    ``plans``, ``./plans``, ``../here/plans``, ``plans/plan.yaml``, a symlink to the
    folder and a hard link to the file are one plan: checked once, not once per
    spelling (its findings would be counted, baselined and failed on twice).
    """
    plan_file = target / PLAN_FILE if target.is_dir() else target
    try:
        status = plan_file.stat()
    except OSError:  # the loader reports it; until then, its spelling is its identity
        return os.path.normpath(plan_file.absolute())
    return (status.st_dev, status.st_ino)


def find_targets(paths: list[str]) -> list[Path]:
    """The plan targets for ``paths`` (default: the current directory), sorted, each once.

    A plan named in several ways keeps the spelling that sorts first, whatever the
    order of ``paths``.
    """
    targets: list[Path] = []
    for raw in paths or ["."]:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"路径不存在 / path not found: {raw}")
        targets.extend(plan_targets(path))
    once: dict[tuple[int, int] | str, Path] = {}
    for target in sorted(dict.fromkeys(targets)):
        once.setdefault(_identity(target), target)
    return list(once.values())
