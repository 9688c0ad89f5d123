"""Where a report, baseline or page is written, judged by what the path really names.

Atomic replacement (:func:`plancheck._atomic.write_atomic`) is right for a regular
file or a new path only: renaming over ``/dev/null`` as root would turn the device
into a file for every program on the machine, and renaming over a FIFO would leave
its reader waiting forever. So the real path is judged first:

* a regular file or a new path is replaced atomically, at its real path, so that a
  symlink stays a symlink;
* a character device, a FIFO, or a file reached through a ``/proc`` or ``/dev/fd``
  descriptor (``/dev/stdout``) is written in place, never renamed over, and a FIFO
  without a reader is refused instead of blocking;
* a directory, a block device or a socket is refused;
* a path whose real file is one of the run's inputs is refused.
"""

# Paths are followed hop by hop as strings on purpose: Path.resolve() would follow a
# /proc/…/fd link to a name such as "pipe:[42]" that is no path at all.
# ruff: noqa: PTH100, PTH114, PTH115, PTH116, PTH118, PTH120

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from plancheck._atomic import write_atomic
from plancheck._patterns import lazy_pattern

_MAX_HOPS = 40
# A path that reaches a file through one of these names an open descriptor, not a
# directory entry: renaming over it would replace the link, not write the stream.
_DESCRIPTOR = lazy_pattern(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd/\d+")


class DestinationError(OSError):
    """An output path that must not be written; ``strerror`` is bilingual."""

    def __init__(self, reason: str, path: str | os.PathLike[str]) -> None:
        super().__init__(errno.EINVAL, reason, os.fspath(path))


def _hops(path: str) -> tuple[str, bool]:
    """The path with its symlinks followed one by one (folders resolved at each hop),
    and whether it ends at an open descriptor (``/proc/…/fd/N``) rather than a file."""
    current = os.path.abspath(path)
    for _ in range(_MAX_HOPS):
        head, tail = os.path.split(current)
        current = os.path.join(os.path.realpath(head), tail)
        if _DESCRIPTOR().fullmatch(current):
            # A descriptor's link names no real path ("pipe:[42]"); stat follows it.
            return current, True
        if not os.path.islink(current):
            return current, False
        target = os.readlink(current)
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    raise DestinationError("符号链接层数过多 / too many levels of symbolic links", path)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def _is_input(real: str, status: os.stat_result, inputs: Iterable[Path]) -> bool:
    mine = (status.st_dev, status.st_ino)
    for candidate in inputs:
        if _identity(candidate) == mine:
            return True
        try:
            if os.path.realpath(candidate) == real:
                return True
        except (OSError, ValueError):
            continue
    return False


def same_file(path: str | os.PathLike[str], other: Path) -> bool:
    """Whether ``path`` (symlinks followed) is the file ``other`` is, hard links included."""
    try:
        real = os.path.realpath(path)
        status = os.stat(real)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(status.st_mode) and _is_input(real, status, (other,))


def _write_in_place(path: str, payload: bytes, *, fifo: bool, append: bool) -> None:
    flags = os.O_WRONLY | os.O_NOCTTY | (os.O_NONBLOCK if fifo else 0)
    flags |= os.O_APPEND if append else 0
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            raise DestinationError(
                "命名管道没有读取者 / no process is reading the FIFO", path
            ) from None
        raise
    try:
        if fifo:
            # Opened without blocking only to learn that a reader exists; the writes
            # themselves should wait for the reader like any other pipe.
            fcntl.fcntl(handle, fcntl.F_SETFL, fcntl.fcntl(handle, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        view = memoryview(payload)
        while view:
            written = os.write(handle, view)
            view = view[written:]
    finally:
        os.close(handle)


def write_output(
    path: str | os.PathLike[str],
    data: str | bytes,
    inputs: Iterable[Path] = (),
    what: str = "report",
) -> None:
    """Write ``data`` to ``path`` as the path's real kind allows (see the module doc).

    Raises :class:`DestinationError` (an ``OSError``) when the path may not be written,
    including when its real file is one of ``inputs``.
    """
    given = os.fspath(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        _write(given, payload, inputs, what)
    except DestinationError:
        raise
    except OSError as exc:
        # Name the path the user gave, not the resolved or temporary one.
        raise OSError(exc.errno, exc.strerror, given) from None


def _write(given: str, payload: bytes, inputs: Iterable[Path], what: str) -> None:
    real, through_descriptor = _hops(given)
    try:
        status = os.stat(real)
    except FileNotFoundError:
        write_atomic(real, payload)
        return
    mode = status.st_mode
    if stat.S_ISREG(mode):
        if _is_input(os.path.realpath(real), status, inputs):
            raise DestinationError(
                f"拒绝覆盖输入文件 / refusing to overwrite an input file with the {what}", given
            )
        if through_descriptor:
            # /dev/stdout redirected to a file: the shell opened it; append to what it gave us.
            _write_in_place(real, payload, fifo=False, append=True)
        else:
            write_atomic(real, payload)
    elif stat.S_ISCHR(mode):
        _write_in_place(real, payload, fifo=False, append=False)
    elif stat.S_ISFIFO(mode):
        _write_in_place(real, payload, fifo=True, append=False)
    elif stat.S_ISDIR(mode):
        raise DestinationError("是一个目录 / is a directory", given)
    else:
        raise DestinationError(
            "不是普通文件、字符设备或命名管道 / not a regular file, character device or FIFO",
            given,
        )
