"""A .docx to the text rendering (needs the optional extra ``plancheck[docx]``)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

_SPACE = re.compile(r"[ \t\r\n]+")
# A .docx is a zip: its size on disk says little about what it unpacks to.
MAX_UNPACKED = 200 * 1024 * 1024


def _missing() -> Exception:
    from plancheck.extraction._readers import ExtractError

    return ExtractError(
        "读取 .docx 需要 python-docx：pip install 'plancheck[docx]' / reading .docx needs "
        "python-docx: pip install 'plancheck[docx]'"
    )


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def render_docx(raw: bytes, display: str) -> tuple[list[str], list[str]]:
    """Paragraphs one per line and table cells one per line, in body order; and notes."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise _missing() from None
    from plancheck.extraction._readers import ExtractError

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractError(f"不是可读的 .docx / not a readable .docx: {display} ({exc})") from None
    if unpacked > MAX_UNPACKED:
        raise ExtractError(
            f".docx 解压后过大 / .docx unpacks to too much ({unpacked} bytes): {display}"
        )
    try:
        document: Any = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise ExtractError(f"不是可读的 .docx / not a readable .docx: {display} ({exc})") from None
    lines: list[str] = []
    numbered = 0
    numbered_styles = {
        style.style_id for style in document.styles if style.element.find(".//{*}numPr") is not None
    }
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            # Word's automatic numbering is not part of the text: 一、 would be lost.
            paragraph = Paragraph(child, document)
            style = paragraph.style.style_id if paragraph.style is not None else None
            if child.find(".//{*}numPr") is not None or style in numbered_styles:
                numbered += 1
            text = _clean(paragraph.text)
            if text:
                lines.append(text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen: set[int] = set()
                for cell in row.cells:
                    # A merged cell is returned once per grid column it spans.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    lines.append("".join(_clean(p.text) for p in cell.paragraphs))
    notes = []
    if numbered:
        notes.append(
            f"{numbered} 个段落使用 Word 自动编号，编号不在文字中，相应标题无法识别 / "
            f"{numbered} paragraphs use Word's automatic numbering: their numbers are not in "
            "the text, so those headings cannot be recognised"
        )
    return lines, notes
