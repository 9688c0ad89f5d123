"""Reading a source document: plain text, HTML or .docx, by its file name."""

from __future__ import annotations

import os
import re
from pathlib import Path

from plancheck.extraction._document import Document

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
MAX_BYTES = 20 * 1024 * 1024  # like every other file plancheck reads


class ExtractError(Exception):
    """The source cannot be read at all (one clear line for the user)."""


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as plancheck counts them: CRLF, lone CR and LF each end one line."""
    lines = _LINE_BREAKS.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def _decode(raw: bytes, display: str) -> tuple[str, bool]:
    """Text and whether it had to be re-encoded (it was not UTF-8)."""
    try:
        return raw.decode("utf-8-sig"), raw.startswith(b"\xef\xbb\xbf")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), True
    except UnicodeDecodeError:
        raise ExtractError(
            f"无法解码（既非 UTF-8 也非 GB18030）/ cannot decode (neither UTF-8 nor GB18030): "
            f"{display}"
        ) from None


def read_document(path: str | os.PathLike[str]) -> tuple[Document, list[str]]:
    """The document and notes about how it was read (e.g. re-encoded to UTF-8)."""
    source = Path(path)
    display = source.as_posix()
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise ExtractError(f"不是普通文件 / not a regular file: {display}")
        if size > MAX_BYTES:
            raise ExtractError(f"文件过大 / file too large ({size} bytes): {display}")
        raw = source.read_bytes()
    except FileNotFoundError:
        raise ExtractError(f"文件不存在 / no such file: {display}") from None
    except OSError as exc:
        raise ExtractError(f"无法读取 / cannot read {display}: {exc.strerror or exc}") from None
    suffix = source.suffix.lower()
    notes: list[str] = []
    if suffix == ".docx":
        from plancheck.extraction._docx import render_docx

        lines, notes = render_docx(raw, display)
        return _rendered(display, "docx", lines), notes
    text, reencoded = _decode(raw, display)
    if suffix in {".html", ".htm", ".xhtml"}:
        from plancheck.extraction._html import render_html

        return _rendered(display, "html", render_html(text)), notes
    if reencoded:
        notes.append(
            "源文件不是无 BOM 的 UTF-8，source.txt 为其 UTF-8 文本 / the source is not "
            "BOM-less UTF-8; source.txt holds its text as UTF-8"
        )
        return Document(display, "text", text.encode("utf-8"), split_lines(text)), notes
    return Document(display, "text", raw, split_lines(text)), notes


def _rendered(display: str, kind: str, lines: list[str]) -> Document:
    text = "".join(f"{line}\n" for line in lines)
    return Document(display, kind, text.encode("utf-8"), tuple(lines))
