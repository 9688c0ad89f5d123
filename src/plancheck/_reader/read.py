"""Reading plan files from disk: size limit, encoding, nothing executed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from plancheck.records import Diagnostic

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOM_UTF8 = b"\xef\xbb\xbf"


class ReadProblem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def _fail(file: str, message: str, line: int = 1, column: int = 1) -> ReadProblem:
    return ReadProblem(Diagnostic("PC001", message, file, line, column))


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the file's text, or raise ReadProblem naming what is wrong with it."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; fstat on the open
        # descriptor then tells a regular file from a pipe, device or directory.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise _fail(display, "不是普通文件 / not a regular file")
            if status.st_size > max_bytes:
                raise _fail(
                    display,
                    f"文件过大 / file too large: {status.st_size} bytes (limit {max_bytes}; "
                    "set max_file_bytes to raise it)",
                )
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _fail(display, f"无法读取文件 / cannot read file: {reason}") from None
    if len(raw) > max_bytes:  # grew while we read it
        raise _fail(display, f"文件过大 / file too large (limit {max_bytes} bytes)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(display, "文件是 UTF-16 编码 / file is UTF-16; plan files must be UTF-8")
    if raw.startswith(_BOM_UTF8):
        raw = raw[len(_BOM_UTF8) :]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise _fail(display, "二进制文件 / binary file (NUL byte), not YAML", line)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        # Columns count characters everywhere else, so decode the line's prefix.
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise _fail(
            display, f"不是有效的 UTF-8 / invalid UTF-8 (byte 0x{raw[exc.start]:02x})", line, column
        ) from None
