"""What a run saw of the files it depended on, to tell later whether they changed.

A data file (a plan, a part, a source document, a configuration) is known by its
SHA-256; plancheck's own code by size and modification time, as Python's byte-code
cache knows it. Nothing here reads more than checking would: a file larger than the
run's limit is known by its size, and anything but a regular file by its type.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

_CHUNK = 1 << 20
# What a run depended on: (file, the size limit it was read under) -> its state.
FileStates = dict[tuple[str, int], str | None]
_INSTALLED = ("site-packages", "dist-packages")
PACKAGE = Path(__file__).resolve().parent


def file_state(path: Path, max_bytes: int) -> str | None:
    """``path``'s SHA-256; for a regular file over ``max_bytes``, its size; for
    anything but a regular file, its type; None when it is missing or unreadable.
    A path that leads elsewhere through a symlink is known by where it leads too:
    that decides whether a plan may read it at all."""
    try:
        state = _contents(path, max_bytes)
        real = path.resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL in the path; a symlink loop
        return None
    return state if real == path.absolute() else f"{state} -> {real}"


def _contents(path: Path, max_bytes: int) -> str:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return f"mode:{stat.S_IFMT(info.st_mode)}"
    if info.st_size > max_bytes:
        return f"size:{info.st_size}"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def code_stamp(extra: Iterable[str] = ()) -> list[list[object]]:
    """Size and modification time of plancheck's sources, its shipped rule catalogue,
    the ``extra`` files (modules defining a plugin's checks) and the folders packages
    are installed in, in path order."""
    files = set(_sources(str(PACKAGE)))
    files.add(str(PACKAGE / "engine" / "shipped_rules.json"))
    files.update(extra)
    # Installing, upgrading or removing a distribution adds and removes entries of its
    # site-packages folder, which changes the folder's modification time: a new pydantic
    # or pint may word or judge differently, so it counts as changed code.
    files.update(entry for entry in sys.path if entry.endswith(_INSTALLED))
    stamp: list[list[object]] = []
    for file in sorted(files):
        # Plain strings and os.stat: every run that uses the cache takes this stamp, and
        # pathlib's globbing and Path objects cost several times the system calls here.
        try:
            info = os.stat(file)  # noqa: PTH116 - a string path, see above
        except (OSError, ValueError):
            stamp.append([file, None])
            continue
        stamp.append([file, info.st_size, info.st_mtime_ns])
    return stamp


def _sources(root: str) -> Iterator[str]:
    """Every ``*.py`` file below ``root``, as ``Path.rglob`` finds them (symlinked
    folders are not entered)."""
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".py"):
                yield os.path.join(folder, name)  # noqa: PTH118 - strings: see code_stamp
