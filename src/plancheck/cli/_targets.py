"""The plans a ``check`` run is about: every plan file under the paths it was given."""

from __future__ import annotations

from pathlib import Path

from plancheck.cli._errors import UsageError
from plancheck.loading import plan_targets


def find_targets(paths: list[str]) -> list[Path]:
    """The plan targets for ``paths`` (default: the current directory), sorted, each once."""
    targets: list[Path] = []
    for raw in paths or ["."]:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"路径不存在 / path not found: {raw}")
        targets.extend(plan_targets(path))
    return sorted(dict.fromkeys(targets))
