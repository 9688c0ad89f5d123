"""A .docx to the text rendering (needs the optional extra ``plancheck[docx]``)."""

from __future__ import annotations

import io
import re
from typing import Any

_SPACE = re.compile(r"[ \t\r\n]+")


def _missing() -> Exception:
    from plancheck.extraction._readers import ExtractError

    return ExtractError(
        "读取 .docx 需要 python-docx：pip install 'plancheck[docx]' / reading .docx needs "
        "python-docx: pip install 'plancheck[docx]'"
    )


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def render_docx(raw: bytes, display: str) -> list[str]:
    """Paragraphs one per line and table cells one per line, in body order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise _missing() from None
    from plancheck.extraction._readers import ExtractError

    try:
        document: Any = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise ExtractError(f"不是可读的 .docx / not a readable .docx: {display} ({exc})") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _clean(Paragraph(child, document).text)
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
    return lines
