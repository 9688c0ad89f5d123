"""``--changed``: map every changed file to the plans whose result it can change.

pre-commit hands a hook only the changed files, and never the deleted ones. A plan's
result depends on more than its own YAML: its part files, its source document, the
configuration, the waivers and the baseline. Each of those, changed or deleted, must
bring the plans it affects back into the check, or a commit could change a result
without the hook seeing it:

- a plan file -> itself;
- a part file or source document (present or deleted) -> every plan that lists it;
- a configuration file (``.plancheck.yaml``, ``pyproject.toml``) -> every plan below
  its folder (configuration is found by walking up from each plan);
- the waivers file or the baseline in use, or any ``waivers.yaml`` -> every plan.

Deleted files are taken from git's index (``git diff --cached``), since pre-commit
does not pass them; outside a git work tree there are none to add.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from plancheck._reader.parse import YamlProblem, parse_yaml
from plancheck._reader.read import ReadProblem, read_text
from plancheck._reader.roots import stays_inside
from plancheck.engine.config import CONFIG_FILE
from plancheck.loading import PLAN_FILE, discover, is_plan_file
from plancheck.review import WAIVERS_FILE

_CONFIG_NAMES = {CONFIG_FILE, "pyproject.toml"}


def _key(path: Path) -> Path:
    """Absolute, normalised, symlinks kept: deleted files cannot be resolved."""
    return Path(os.path.normpath(path.absolute()))


def staged_deletions(cwd: Path | None = None) -> list[Path]:
    """Files deleted in git's index, relative to the working directory (none without git)."""
    import subprocess  # only --changed runs git

    git = shutil.which("git")
    if git is None:
        return []
    try:
        # Data never executes: git is run with fixed arguments, nothing from the plans.
        completed = subprocess.run(  # noqa: S603
            # --no-renames: a renamed part file must count as deleted under its old name.
            [
                git,
                "diff",
                "--cached",
                "--name-only",
                "--no-renames",
                "--diff-filter=D",
                "--relative",
                "-z",
            ],
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if completed.returncode != 0:
        return []  # not a git work tree (or no commits yet)
    names = completed.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [Path(name) for name in names if name]


def _mapping(data: object, key: str) -> object:
    return data.get(key) if isinstance(data, dict) else None


def _references(plan_file: Path) -> set[Path]:
    """The files a plan reads besides itself: its parts and its source document."""
    try:
        data = parse_yaml(read_text(plan_file, plan_file.as_posix())).data
    except (ReadProblem, YamlProblem):
        return set()
    base = plan_file.parent
    found: set[Path] = set()
    parts = _mapping(data, "parts")
    documents = [_mapping(data, "source_document")]
    for part in parts if isinstance(parts, list) else []:
        if _is_path(part):
            found.add(_key(base / part))
            # Read only what the loader would read: nothing outside the plan's folder
            # and repository.
            if not stays_inside(base / part, base):
                continue
            try:
                part_data = parse_yaml(read_text(base / part, part)).data
            except (ReadProblem, YamlProblem):
                continue
            documents.append(_mapping(part_data, "source_document"))
    for document in documents:
        path = _mapping(document, "path")
        if _is_path(path):
            found.add(_key(base / path))
    return found


def _is_path(entry: object) -> TypeGuard[str]:
    # A listed path with a NUL names no file; the loader reports it at its field.
    return isinstance(entry, str) and "\0" not in entry


@dataclass
class _Plans:
    """The plans under the working directory, found once and only when needed."""

    root: Path
    _found: list[Path] | None = None
    _refs: dict[Path, set[Path]] = field(default_factory=dict)

    def all(self) -> list[Path]:
        if self._found is None:
            self._found = list(discover(self.root))
        return self._found

    def below(self, folder: Path) -> Iterator[Path]:
        top = _key(folder)
        for plan in self.all():
            if _key(plan).is_relative_to(top):
                yield plan

    def referencing(self, changed: Path) -> Iterator[Path]:
        for plan in self.all():
            if plan not in self._refs:
                self._refs[plan] = _references(plan)
            if changed in self._refs[plan]:
                yield plan


def _target(plan: Path) -> Path:
    # A directory plan is checked as its folder, as `plancheck check DIR` would.
    return plan.parent if plan.name == PLAN_FILE else plan


def changed_targets(
    paths: Iterable[str | os.PathLike[str]],
    *,
    run_inputs: Iterable[str | os.PathLike[str] | None] = (),
    root: Path | None = None,
    include_staged_deletions: bool = True,
) -> list[Path]:
    """The plans (files or plan folders) to check for the changed ``paths``.

    ``run_inputs`` are the files the run itself reads (configuration, waivers,
    baseline): a change to any of them re-checks every plan under ``root``.
    """
    plans = _Plans(root or Path())
    global_inputs = {_key(Path(p)) for p in run_inputs if p}
    changed = [Path(p) for p in paths]
    if include_staged_deletions:
        changed += staged_deletions()
    targets: set[Path] = set()
    for path in changed:
        key = _key(path)
        if key in global_inputs or path.name == WAIVERS_FILE:
            targets.update(plans.all())
        elif path.name in _CONFIG_NAMES:
            targets.update(plans.below(path.parent))
        elif path.is_file() and is_plan_file(path):
            targets.add(path)
        else:
            targets.update(plans.referencing(key))
    return sorted({_target(plan) for plan in targets}, key=lambda p: p.parts)
