"""What a table cell holds: a value, a year range, a unit, a heading."""

from __future__ import annotations

import re
from typing import Final

from plancheck.extraction._text import fold, squeeze
from plancheck.quantities import QuantityError, parse_unit, parse_value

NONE_MARKS: Final = frozenset({"——", "—", "-", "--", "—-", "/", "无", "－", "─"})
_WORD_VALUES: Final = re.compile(
    r"(达到|实现|完成|保持|稳定|持续|下降|提高|增长|减少|控制|基本|全面)"
)
_YEARS: Final = re.compile(
    r"^(\d{4})(?:年(?:度)?)?(?:(?:-|–|—|~|～|至|到)+(\d{4})(?:年(?:度)?)?)?$"
)
_BRACKET_UNIT: Final = re.compile(r"^(.*?)[(（]([^()（）]{1,12})[)）]$")
_HAS_DIGIT: Final = re.compile(r"\d")


def is_none_mark(cell: str) -> bool:
    return squeeze(cell) in NONE_MARKS


def value_like(cell: str) -> bool:
    """A cell that holds a value (or is explicitly or really empty)."""
    text = squeeze(cell)
    if not text or text in NONE_MARKS:
        return True
    if len(text) > 24 or "。" in text:
        return False
    if _HAS_DIGIT.search(text):
        return True
    return len(text) <= 8 and bool(_WORD_VALUES.search(text))


def is_value(cell: str) -> bool:
    """A cell that is a value as written (so not a name, even if it has digits: 5G基站)."""
    text = squeeze(cell)
    if not text or text in NONE_MARKS or years(cell) is not None:
        return True
    try:
        parse_value(text)
    except QuantityError:
        return False
    return True


def years(cell: str) -> tuple[int, int] | None:
    """A year range as tables write it: 2011-2015, 2011—2015, 2011~2015, 2011年至2015年."""
    match = _YEARS.match(squeeze(cell))
    if match is None:
        return None
    start = int(match.group(1))
    return start, int(match.group(2) or start)


def year_text(span: tuple[int, int]) -> str | int:
    return span[0] if span[0] == span[1] else f"{span[0]}-{span[1]}"


def known_unit(text: str) -> bool:
    try:
        parse_unit(text)
    except (QuantityError, ValueError, KeyError):
        return False
    return True


def split_unit(name: str) -> tuple[str, str | None]:
    """``电话用户数（万户）`` -> (电话用户数, 万户); a bracket that is not a unit stays."""
    stripped = name.strip()
    match = _BRACKET_UNIT.match(stripped)
    if match is None:
        return stripped, None
    inner = fold(match.group(2)).strip()
    if known_unit(inner) or _unit_shaped(inner):
        return match.group(1).strip(), inner
    return stripped, None


def _unit_shaped(text: str) -> bool:
    # Units plancheck does not know yet (TB, 万千瓦时 …) are still units of the row; they
    # are written as found and flagged, not mistaken for part of the name.
    return bool(
        re.fullmatch(
            r"[A-Za-z%‰/]{1,6}|[万亿千百]?[\u4e00-\u9fff]{1,2}(/[\u4e00-\u9fff]{1,3})?", text
        )
    ) and not re.search(r"[年含计预]", text)
