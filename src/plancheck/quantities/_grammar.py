"""The grammar of an amount as plans write it, split into its parts.

    [comparator word or symbol] number [多|余] [unit] [suffix] [(qualifier)]

e.g. "突破350万", "≥90%", "1600多户", "99%以上", "20（80%用户）", "达到45台/百户以上".
This module only splits the text; ``_value`` resolves the unit and builds the
``Value``.  Everything is linear in the input, which is capped in length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from ._enums import Comparator, ValueStatus
from ._errors import quantity_error, quote
from ._registry import SPECS, UnitKind

MAX_CHARS: Final = 200
MAX_DIGITS: Final = 50

_PREFIX_WORDS: Final[dict[str, Comparator]] = {
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "至少": Comparator.GE,
    "不超过": Comparator.LE,
    "不高于": Comparator.LE,
    "不多于": Comparator.LE,
    "控制在": Comparator.LE,
    "大于": Comparator.GT,
    "高于": Comparator.GT,
    "超过": Comparator.GT,
    "突破": Comparator.GT,
    "多于": Comparator.GT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "大约": Comparator.ABOUT,
    "约": Comparator.ABOUT,
    "近": Comparator.ABOUT,
    "达到": Comparator.EQ,
    "达": Comparator.EQ,
}
# Symbols after NFKC ("＞" has become ">", "＝" has become "=").
_PREFIX_SYMBOLS: Final[dict[str, Comparator]] = {
    ">=": Comparator.GE,
    "<=": Comparator.LE,
    "≥": Comparator.GE,
    "≧": Comparator.GE,
    "⩾": Comparator.GE,
    "≤": Comparator.LE,
    "≦": Comparator.LE,
    "⩽": Comparator.LE,
    ">": Comparator.GT,
    "<": Comparator.LT,
    "=": Comparator.EQ,
    "≈": Comparator.ABOUT,
}
_SUFFIXES: Final[dict[str, Comparator]] = {
    "及以上": Comparator.GE,
    "以上": Comparator.GE,
    "及以下": Comparator.LE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "左右": Comparator.ABOUT,
    "上下": Comparator.ABOUT,
}
# "1600多户", "1600余户", "3万多户": more than the written number.
_MORE: Final = ("多", "余")


def _longest_first(words: dict[str, Comparator]) -> tuple[tuple[str, Comparator], ...]:
    return tuple(sorted(words.items(), key=lambda item: -len(item[0])))


_PREFIXES: Final = _longest_first(_PREFIX_WORDS) + _longest_first(_PREFIX_SYMBOLS)
_SUFFIX_ORDER: Final = _longest_first(_SUFFIXES)
_MULTIPLIER_WORDS: Final = tuple(
    sorted(
        (spec.canonical for spec in SPECS if spec.kind is UnitKind.MULTIPLIER),
        key=lambda word: -len(word),
    )
)
# Thousands separators must be well formed ("30,000", not "3,00").
_NUMBER: Final = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", re.ASCII)
# Dash runs that mean "explicitly none"; "－" has become "-" under NFKC.
_NONE_MARK: Final = re.compile(r"[\-‐‑‒–—―─━]{1,4}|/")


@dataclass(frozen=True, slots=True)
class Parts:
    """An amount's text split into parts; ``number`` has no separators."""

    status: ValueStatus
    comparator: Comparator
    number: str | None
    unit_text: str | None
    qualifier: str | None


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, "％", "（）", "＞" and "，"; U+2212 is a
    # mathematical minus that NFKC keeps, so fold it by hand.
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()


def _take_qualifier(raw: str, body: str) -> tuple[str, str | None]:
    if not body.endswith(")"):
        return body, None
    start = body.rfind("(")
    if start < 0:
        raise quantity_error(raw, "unbalanced parentheses")
    qualifier = body[start + 1 : -1].strip()
    if not qualifier:
        raise quantity_error(raw, "empty parentheses")
    return body[:start].rstrip(), qualifier


def _take_suffix(body: str) -> tuple[str, Comparator | None]:
    for word, comparator in _SUFFIX_ORDER:
        if body.endswith(word):
            return body[: -len(word)].rstrip(), comparator
    return body, None


def _take_prefix(body: str) -> tuple[str, Comparator | None]:
    for word, comparator in _PREFIXES:
        if body.startswith(word):
            return body[len(word) :].lstrip(), comparator
    return body, None


def _take_more(rest: str) -> tuple[str, Comparator | None]:
    if rest[:1] in _MORE:
        return rest[1:], Comparator.GT
    for word in _MULTIPLIER_WORDS:
        if rest.startswith(word) and rest[len(word) : len(word) + 1] in _MORE:
            return word + rest[len(word) + 1 :], Comparator.GT
    return rest, None


def combine(raw: str, comparators: list[Comparator | None]) -> Comparator:
    """Merge the comparators of prefix, "多" and suffix ("达到…以上" -> ">=")."""
    result = Comparator.EQ
    for comparator in comparators:
        if comparator is None or comparator is Comparator.EQ or comparator is result:
            continue
        if result is Comparator.EQ:
            result = comparator
        elif {result, comparator} == {Comparator.GT, Comparator.GE}:
            result = Comparator.GT  # "超过50%以上": the strict bound is the claim
        elif {result, comparator} == {Comparator.LT, Comparator.LE}:
            result = Comparator.LT
        else:
            raise quantity_error(
                raw, f"conflicting comparators {quote(result.value)} and {quote(comparator.value)}"
            )
    return result


def split_amount(raw: str) -> Parts:
    """Split written amount ``raw`` into parts; raise ``QuantityError`` if malformed."""
    if len(raw) > MAX_CHARS:
        raise quantity_error(raw, f"longer than {MAX_CHARS} characters")
    text = _normalise(raw)
    if not text:
        raise quantity_error(raw, "empty text")

    body, qualifier = _take_qualifier(raw, text)
    body, suffix = _take_suffix(body)
    if qualifier is None:
        body, qualifier = _take_qualifier(raw, body)
    if "(" in body or ")" in body:
        raise quantity_error(raw, "misplaced parentheses")
    if suffix is None and _NONE_MARK.fullmatch(body):
        return Parts(ValueStatus.NONE, Comparator.EQ, None, None, qualifier)

    body, prefix = _take_prefix(body)
    match = _NUMBER.match(body)
    if match is None:
        raise quantity_error(raw, "no number found")
    number = match.group().replace(",", "")
    if sum(char.isdigit() for char in number) > MAX_DIGITS:
        raise quantity_error(raw, f"more than {MAX_DIGITS} digits")
    rest, more = _take_more(body[match.end() :])
    comparator = combine(raw, [prefix, more, suffix])
    unit_text = rest.strip() or None
    return Parts(ValueStatus.GIVEN, comparator, number, unit_text, qualifier)
