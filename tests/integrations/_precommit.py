"""Real pre-commit against real git repositories: a snapshot of this working tree as the
hook repository (tagged like a release), a throwaway plan repository, real commits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

GIT_ENV = {
    "GIT_AUTHOR_NAME": "ci",
    "GIT_AUTHOR_EMAIL": "ci@example.invalid",
    "GIT_COMMITTER_NAME": "ci",
    "GIT_COMMITTER_EMAIL": "ci@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=check,
    )


def snapshot(folder: Path, tag: str) -> tuple[Path, str]:
    """This working tree as committed files in a new repository tagged ``tag``.

    pre-commit clones hook repositories at a rev; a snapshot lets it clone what is
    being tested (uncommitted edits included) instead of the last commit.
    """
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout
    folder.mkdir(parents=True)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "snapshot")
    git(folder, "tag", tag)
    return folder, git(folder, "rev-parse", "HEAD").stdout.strip()


def pre_commit_env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", **extra}


def install_hooks(repo: Path, home: Path, **extra: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=pre_commit_env(home, **extra),
        capture_output=True,
        text=True,
        check=True,
    )


def commit(repo: Path, home: Path, message: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """``git commit`` with the installed hook; what the hook printed is in stdout/stderr."""
    return subprocess.run(
        ["git", "commit", "-m", message],
        cwd=repo,
        env=pre_commit_env(home, **extra),
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
