"""Section and item numbering as Chinese documents write it (一、 （一） 1. （1）)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

_CJK_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_UNITS = {"十": 10, "百": 100}


class NumberStyle(StrEnum):
    """How a heading is numbered; siblings should share one style."""

    CJK = "cjk"  # 一、
    CJK_PAREN = "cjk-paren"  # （一）
    ARABIC = "arabic"  # 1.  1、
    ARABIC_PAREN = "arabic-paren"  # （1）
    # The 纲要 style of national and provincial plans: 篇 hold 章, which hold 节.
    PART = "part"  # 第一篇
    CHAPTER = "chapter"  # 第一章
    SECTION = "section"  # 第一节


@dataclass(frozen=True, slots=True)
class SectionNumber:
    style: NumberStyle
    ordinal: int


class NumberingError(ValueError):
    """A heading number that is not one of the recognised styles."""


def cjk_to_int(text: str) -> int:
    """Convert 一 … 九十九 (and 百) to an int; raises NumberingError otherwise."""
    if not text or any(ch not in _CJK_DIGITS and ch not in _CJK_UNITS for ch in text):
        raise NumberingError(f"not a Chinese numeral: {text!r}")
    total = 0
    current = 0
    for ch in text:
        if ch in _CJK_DIGITS:
            current = _CJK_DIGITS[ch]
        else:
            total += (current or 1) * _CJK_UNITS[ch]
            current = 0
    return total + current


_PATTERNS: tuple[tuple[re.Pattern[str], NumberStyle], ...] = (
    (re.compile(r"^([零一二三四五六七八九十百]+)、$"), NumberStyle.CJK),
    (re.compile(r"^\(([零一二三四五六七八九十百]+)\)$"), NumberStyle.CJK_PAREN),
    (re.compile(r"^(\d{1,3})[.、]$"), NumberStyle.ARABIC),
    (re.compile(r"^\((\d{1,3})\)$"), NumberStyle.ARABIC_PAREN),
    (re.compile(r"^第([零一二三四五六七八九十百]+|\d{1,3})篇$"), NumberStyle.PART),
    (re.compile(r"^第([零一二三四五六七八九十百]+|\d{1,3})章$"), NumberStyle.CHAPTER),
    (re.compile(r"^第([零一二三四五六七八九十百]+|\d{1,3})节$"), NumberStyle.SECTION),
)


def parse_section_number(text: str) -> SectionNumber:
    """Parse a heading number as written, e.g. ``（三）`` -> (cjk-paren, 3).

    NFKC folds full-width brackets and digits, so ``（3）`` and ``(3)`` agree.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    for pattern, style in _PATTERNS:
        match = pattern.match(folded)
        if match:
            digits = match.group(1)
            ordinal = int(digits) if digits.isdigit() else cjk_to_int(digits)
            return SectionNumber(style, ordinal)
    raise NumberingError(
        f"无法识别的章节编号 / unrecognised section number {text!r} "
        "(expected 一、 （一） 1. （1） or 第一章)"
    )
