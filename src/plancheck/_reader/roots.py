"""Where a plan may read from: its own folder, or the repository that holds it.

Plan data is untrusted, and so is a symlink in a plan folder. A plan file, part or
source document whose real path leaves these roots is reported and never opened, so
no finding can quote it (a plan.yaml linked to a credentials file, for instance).
"""

from __future__ import annotations

from pathlib import Path


def _repository(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (a repository root)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def stays_inside(path: Path, folder: Path, repository: bool = True) -> bool:
    """Whether ``path``'s real path lies in ``folder`` (or, with ``repository``, in the
    repository holding ``folder``), symlinks resolved. Unresolvable paths do not."""
    try:
        real = path.resolve()
        roots = [folder.resolve()]
        if repository:
            repo = _repository(roots[0])
            roots += [repo] if repo is not None else []
    except (OSError, RuntimeError, ValueError):
        return False
    return any(real.is_relative_to(root) for root in roots)
