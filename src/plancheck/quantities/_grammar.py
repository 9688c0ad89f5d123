"""The grammar of an amount as plans write it, split into its parts.

    [比2015年] [hedge] [change word] [comparator word or symbol] number [多|余] [unit]
    [suffix] [(qualifier)]

e.g. "突破350万", "≥90%", "1600多户", "99%以上", "20（80%用户）", "达到45台/百户以上",
"力争达到1Gbps", "基本达到20Mbps", "比2015年下降16%", "提高4个百分点", "累计新增4500万人".
This module only splits the text; ``_value`` resolves the unit and builds the
``Value``.  Everything is linear in the input, which is capped in length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from plancheck._patterns import lazy_pattern

from ._enums import ChangeDirection, Comparator, ValueStatus
from ._errors import quantity_error, quote
from ._registry import SPECS, UnitKind

MAX_CHARS: Final = 200
MAX_DIGITS: Final = 50

# Verbs that state a change ("下降16%") unless followed by 到/至 ("下降到16%": a level).
# The first six go up, the rest down.
_LEVEL_VERBS: Final = (
    "提高",
    "提升",
    "增加",
    "增长",
    "上升",
    "扩大",
    "下降",
    "降低",
    "减少",
    "减小",
    "缩小",
    "缩短",
    "压减",
    "压缩",
)
_CHANGE_WORDS: Final[dict[str, ChangeDirection]] = {
    "累计新增": ChangeDirection.INCREASE,
    "累计增加": ChangeDirection.INCREASE,
    "累计减少": ChangeDirection.DECREASE,
    "累计下降": ChangeDirection.DECREASE,
    "新增": ChangeDirection.INCREASE,
    "净增": ChangeDirection.INCREASE,
    **dict.fromkeys(("提高", "提升", "增加", "增长", "上升", "扩大"), ChangeDirection.INCREASE),
    **dict.fromkeys(
        ("下降", "降低", "减少", "减小", "缩小", "缩短", "压减", "压缩"), ChangeDirection.DECREASE
    ),
}
# Words that qualify how firmly an amount is promised.  基本 ("basically") makes the
# amount approximate; the others (aspiration, possibility, forecast) are kept as notes.
_HEDGES: Final[dict[str, Comparator | None]] = {
    "基本": Comparator.ABOUT,
    "力争": None,
    "争取": None,
    "努力": None,
    "预计": None,
    "可": None,
}
# "比2015年", "较2010年", "与2015年相比", "同2015年相比": the year a change counts from.
_SINCE: Final = lazy_pattern(r"(?:比|较|与|同|相比)\s*([0-9]{4})\s*年(?:末|底)?(?:相比|比)?")

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
    "实现": Comparator.EQ,
    "保持在": Comparator.EQ,
    "保持": Comparator.EQ,
    # "粮食播种面积稳定在52万亩": a level to hold, as 保持在.
    "稳定在": Comparator.EQ,
    "维持在": Comparator.EQ,
    # "提高到47%" states the level reached, unlike "提高4个百分点" (a change).
    **{f"{verb}{to}": Comparator.EQ for verb in _LEVEL_VERBS for to in ("到", "至")},
    "降至": Comparator.EQ,
    "降到": Comparator.EQ,
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
_HEDGE_ORDER: Final = tuple(sorted(_HEDGES.items(), key=lambda item: -len(item[0])))
_CHANGE_ORDER: Final = tuple(sorted(_CHANGE_WORDS.items(), key=lambda item: -len(item[0])))
_CUMULATIVE_VERBS: Final = ("完成", "投资", "投入", "建成", "达到")
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
_NONE_MARK: Final = lazy_pattern(r"[\-‐‑‒–—―─━]{1,4}|/")


@dataclass(frozen=True, slots=True)
class Parts:
    """An amount's text split into parts; ``number`` has no separators."""

    status: ValueStatus
    comparator: Comparator
    number: str | None
    unit_text: str | None
    qualifier: str | None
    hedge: str | None = None
    change: ChangeDirection | None = None
    cumulative: bool = False
    since: int | None = None


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


def _take_since(body: str) -> tuple[str, int | None]:
    match = _SINCE().match(body)
    if match is None:
        return body, None
    return body[match.end() :].lstrip(), int(match.group(1))


def _take_hedge(body: str) -> tuple[str, str | None, Comparator | None]:
    for word, comparator in _HEDGE_ORDER:
        if body.startswith(word) and (word != "可" or body[1:2] == "达"):
            return body[len(word) :].lstrip(), word, comparator
    return body, None, None


def _take_change(body: str) -> tuple[str, ChangeDirection | None, bool]:
    cumulative = body.startswith("累计")
    for word, direction in _CHANGE_ORDER:
        if body.startswith(word) and body[len(word) : len(word) + 1] not in ("到", "至"):
            return body[len(word) :].lstrip(), direction, cumulative
    if cumulative:
        # "累计投资3000亿元": a sum over the years, not a level reached.
        rest = body[len("累计") :]
        for verb in _CUMULATIVE_VERBS:
            if rest.startswith(verb):
                rest = rest[len(verb) :]
                break
        return rest.lstrip(), None, True
    return body, None, False


def _unread_words(raw: str, body: str) -> Exception:
    digit = re.search(r"[0-9]", body)
    if digit is None:
        return quantity_error(
            raw, "no number found (expected digits such as 350 or 80%, or '——' for none)"
        )
    words = body[: digit.start()].strip()
    return quantity_error(
        raw,
        f"{quote(words)} is not a unit or comparator (expected a number, optionally after "
        "a word such as 约, 超过, 不低于, 力争, 基本达到, 下降)",
    )


def _digits(raw: str, written: str) -> str:
    """The number without thousands separators, within the digit limit."""
    number = written.replace(",", "")
    if len(number) > MAX_DIGITS and sum(char.isdigit() for char in number) > MAX_DIGITS:
        raise quantity_error(raw, f"more than {MAX_DIGITS} digits")
    return number


def split_amount(raw: str) -> Parts:
    """Split written amount ``raw`` into parts; raise ``QuantityError`` if malformed."""
    if len(raw) > MAX_CHARS:
        raise quantity_error(raw, f"longer than {MAX_CHARS} characters")
    text = _normalise(raw)
    if not text:
        raise quantity_error(raw, "empty text")
    if _NUMBER.fullmatch(text):
        # A bare number, the commonest cell of a large plan: no word, symbol or unit
        # can be in it, so the steps below would each find nothing.
        return Parts(ValueStatus.GIVEN, Comparator.EQ, _digits(raw, text), None, None)

    body, qualifier = _take_qualifier(raw, text)
    body, suffix = _take_suffix(body)
    if qualifier is None:
        body, qualifier = _take_qualifier(raw, body)
    if "(" in body or ")" in body:
        raise quantity_error(raw, "misplaced parentheses")
    if suffix is None and _NONE_MARK().fullmatch(body):
        return Parts(ValueStatus.NONE, Comparator.EQ, None, None, qualifier)

    body, since = _take_since(body)
    written = body
    body, hedge, hedged = _take_hedge(body)
    body, change, cumulative = _take_change(body)
    body, prefix = _take_prefix(body)
    match = _NUMBER.match(body)
    if match is None:
        raise _unread_words(raw, written)
    number = _digits(raw, match.group())
    rest, more = _take_more(body[match.end() :])
    comparator = combine(raw, [prefix, more, suffix])
    if hedged is not None and comparator is Comparator.EQ:
        comparator = hedged
    if since is not None and change is None and not cumulative:
        raise quantity_error(
            raw, f"'比{since}年' needs a change such as 下降, 提高 or 增加 after it"
        )
    unit_text = rest.strip() or None
    return Parts(
        ValueStatus.GIVEN,
        comparator,
        number,
        unit_text,
        qualifier,
        hedge=hedge,
        change=change,
        cumulative=cumulative,
        since=since,
    )
