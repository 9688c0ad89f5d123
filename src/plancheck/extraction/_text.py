"""Full- and half-width folding that keeps every character at its place.

Recognisers match on the folded text but quote the original: because folding maps one
character to one character, a match's columns are valid in both.
"""

from __future__ import annotations

import re
from typing import Final

_TABLE: Final[dict[int, int]] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TABLE[0x3000] = 0x20  # ideographic space
_TABLE[0x00A0] = 0x20  # no-break space (table padding in scraped pages)
_TABLE[0x2002] = 0x20
_TABLE[0x2003] = 0x20

CJK_NUMERALS: Final = "零一二三四五六七八九十百"


def fold(text: str) -> str:
    """Full-width ASCII (and wide spaces) to half-width, one character for one."""
    return text.translate(_TABLE)


def squeeze(text: str) -> str:
    """Folded text without any whitespace, for comparing table cells like 名　　称."""
    return re.sub(r"\s+", "", fold(text))


def cjk_number(text: str) -> int | None:
    """一 … 九十九 as an int, None when ``text`` is not such a numeral."""
    digits = {ch: index for index, ch in enumerate("零一二三四五六七八九")}
    if not text or any(ch not in CJK_NUMERALS for ch in text):
        return None
    total = current = 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        else:
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
    return total + current
