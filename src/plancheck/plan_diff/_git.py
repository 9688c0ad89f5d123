"""``REV:PATH``: a plan as it was at a git revision, read without touching the work tree.

The plan's folder at ``REV`` (its YAML files, and for a directory plan everything in it
that a plan may name: part files and the source document) is copied out of git's object
store with ``git ls-tree`` and ``git cat-file`` into a temporary directory and loaded
from there. Symbolic links and submodules are never followed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path, PurePosixPath

from plancheck.loading import DEFAULT_MAX_BYTES, LoadResult, load_plan

_BLOB_MODES = ("100644", "100755")


class GitError(Exception):
    """A revision or path git cannot give; the message is one line."""


def split_spec(spec: str) -> tuple[str, str] | None:
    """``("HEAD~1", "plans/x")`` for ``HEAD~1:plans/x``; ``None`` for an existing path."""
    if Path(spec).exists() or ":" not in spec:
        return None
    revision, _, path = spec.partition(":")
    if not revision:
        return None
    return revision, path or "."


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        done = subprocess.run(  # noqa: S603 - fixed program, arguments never via a shell
            ["git", *args],  # noqa: S607 - git is looked up on PATH like any tool
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise GitError(f"无法运行 git / cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        detail = " ".join(done.stderr.decode("utf-8", "replace").split()) or "failed"
        raise GitError(f"git {args[0]}: {detail}")
    return done.stdout


def _repository_path(path: str, cwd: Path) -> tuple[Path, PurePosixPath]:
    """The repository's top folder and ``path`` relative to it (``path`` is relative to
    ``cwd``, as in ``git show REV:./path``; an absolute ``path`` is in the repository
    that holds it, wherever ``cwd`` is)."""
    if Path(path).is_absolute():
        cwd = _nearest_folder(Path(path))
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    prefix = _git(["rev-parse", "--show-prefix"], cwd).decode().strip()
    parts: list[str] = []
    if Path(path).is_absolute():
        try:
            path = Path(path).resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            raise GitError(f"路径在仓库之外 / path outside the repository: {path}") from None
        prefix = ""
    for part in PurePosixPath(prefix, path).parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                raise GitError(f"路径在仓库之外 / path outside the repository: {path}")
            parts.pop()
        else:
            parts.append(part)
    return top, PurePosixPath(*parts) if parts else PurePosixPath(".")


def _nearest_folder(path: Path) -> Path:
    """The closest existing folder at or above ``path`` (gone from the work tree, a plan
    may still be in the revision)."""
    for folder in (path, *path.parents):
        try:
            if folder.is_dir():
                return folder
        except OSError:  # unreadable or too long a name: look further up
            continue
    return Path(path.anchor)


def _entries(top: Path, revision: str, folder: PurePosixPath) -> list[tuple[str, str, int, str]]:
    """(mode, object, size, path) of every file under ``folder`` at ``revision``."""
    target = [] if str(folder) == "." else ["--", f"{folder}/"]
    raw = _git(["ls-tree", "-r", "-l", "-z", "--full-tree", revision, *target], top)
    entries = []
    for record in raw.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, obj, size = meta.decode().split()
        if kind == "blob" and mode in _BLOB_MODES:
            entries.append((mode, obj, int(size), name.decode("utf-8", "replace")))
    return entries


def _kind(top: Path, revision: str, path: PurePosixPath) -> str:
    """``tree``, ``blob`` or ``""`` (absent) for ``path`` at ``revision``."""
    if str(path) == ".":
        return "tree"
    raw = _git(["ls-tree", "-z", "--full-tree", revision, "--", str(path)], top)
    record = raw.split(b"\0")[0]
    if not record:
        return ""
    return record.split(b"\t")[0].decode().split()[1]


@contextmanager
def checkout_plan(
    spec: str, cwd: Path | None = None, *, max_file_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[LoadResult | None]:
    """Load ``REV:PATH`` (``None`` when the plan does not exist at that revision).

    The loaded plan's path (and its findings' files) read ``REV:PATH``.
    """
    split = split_spec(spec)
    if split is None:
        raise GitError(f"不是 REV:PATH / not REV:PATH: {spec}")
    revision, path = split
    if revision.startswith("-"):
        # Never let a revision be read as an option of git.
        raise GitError(f"不是 git 版本 / not a git revision: {revision}")
    top, relative = _repository_path(path, cwd or Path.cwd())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    except GitError:
        # --quiet leaves git nothing to say: name what it could not find.
        raise GitError(f"git rev-parse: 未知的版本 / unknown revision {revision}") from None
    kind = _kind(top, revision, relative)
    if not kind:
        yield None
        return
    folder = relative if kind == "tree" else relative.parent
    scratch = Path(tempfile.mkdtemp(prefix="plancheck-rev-"))
    try:
        for _, obj, size, name in _entries(top, revision, folder):
            inside = PurePosixPath(name).relative_to(folder) if str(folder) != "." else name
            destination = scratch / Path(str(inside))
            destination.parent.mkdir(parents=True, exist_ok=True)
            if size > max_file_bytes:
                continue  # loading reports a missing part; never copy an oversized blob
            destination.write_bytes(_git(["cat-file", "blob", obj], top))
        local = scratch if kind == "tree" else scratch / relative.name
        loaded = load_plan(local, max_file_bytes=max_file_bytes)
        display = f"{revision}:{path}"
        loaded.path = display
        if loaded.plan is not None:
            loaded.plan._path = display
        loaded.diagnostics = [
            replace(d, file=_renamed(d.file, scratch, display, kind)) for d in loaded.diagnostics
        ]
        yield loaded
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _renamed(file: str, scratch: Path, display: str, kind: str) -> str:
    try:
        inside = Path(file).relative_to(scratch).as_posix()
    except ValueError:
        return file
    if kind == "blob":
        return display
    return f"{display.rstrip('/')}/{inside}"


def is_revision_spec(spec: str) -> bool:
    return split_spec(spec) is not None


__all__ = ["GitError", "checkout_plan", "is_revision_spec", "split_spec"]
