"""Values against their own words: every value, count and claim that carries a quote
must agree with the number(s) in that quote (PC013), and a claim's quote must be
what the document says on its line (PC014).

Retyped numbers are the commonest data-entry slip: "303.99" keyed as "309.39", a
count of 9 for 八大, "90%以上" keyed as "90%". A quote is the document's own words,
so comparing a value with the numbers in its quote catches the slip without any
knowledge of the plan. Units and comparators are respected: "3亿元" in a quote agrees
with a value of 30000万元, and "超过50%" does not agree with "50%".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from plancheck._patterns import lazy_pattern
from plancheck.checks import _bounds as b
from plancheck.checks.sources import NO_SOURCE_DOCUMENT, UNREADABLE_SOURCE
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import Claim, DeclaredCount, Node, Plan
from plancheck.quantities import QuantityError, Value, canonical_unit

_NUMBER: Final = lazy_pattern(r"(?<![0-9.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_CJK_DIGITS: Final = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CJK_NUMERAL: Final = lazy_pattern(r"[零〇一二两三四五六七八九十百]+")
_UP_BEFORE: Final = ("超过", "突破", "不低于", "不少于", "至少", "大于", "高于", "多于", "≥", ">")
_DOWN_BEFORE: Final = ("不超过", "不高于", "不多于", "控制在", "小于", "低于", "少于", "≤", "<")
_UP_AFTER: Final = ("以上", "多", "余")
_DOWN_AFTER: Final = ("以下", "以内")
_MAX_UNIT_CHARS: Final = 8


@dataclass(frozen=True, slots=True)
class _Number:
    """A number written in a quote, with the unit written right after it (if known)."""

    amount: Decimal
    unit: str | None
    sense: int  # +1 以上/超过, -1 以下/不超过, 0 none


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _unit_after(text: str) -> tuple[str | None, int]:
    for size in range(min(_MAX_UNIT_CHARS, len(text)), 0, -1):
        try:
            return canonical_unit(text[:size]), size
        except QuantityError:
            continue
    return None, 0


def _sense(before: str, after: str) -> int:
    # The longest word wins: 不低于 ends in 低于 but bounds from below.
    words = [(len(w), 1) for w in _UP_BEFORE if before.endswith(w)]
    words += [(len(w), -1) for w in _DOWN_BEFORE if before.endswith(w)]
    leading = max(words)[1] if words else 0
    if leading == -1 or any(after.startswith(word) for word in _DOWN_AFTER):
        return -1
    if leading == 1:
        return 1
    return 1 if any(after.startswith(word) for word in _UP_AFTER) else 0


def numbers_in(quote: str) -> list[_Number]:
    """The numbers a quote writes, with their units and bounds, in order."""
    text = _normal(quote)
    found = []
    for match in _NUMBER().finditer(text):
        rest = text[match.end() :]
        if rest.startswith("年") and "." not in match.group() and len(match.group()) == 4:
            continue  # a year ("2015年"), not an amount
        more = 1 if rest[:1] in ("多", "余") else 0
        unit, size = _unit_after(rest[more:])
        after = rest[more + size :]
        sense = _sense(text[: match.start()].rstrip(), rest[:more] + after.lstrip())
        amount = Decimal(match.group().replace(",", ""))
        found.append(_Number(amount, unit, sense))
    return found


def cjk_number(text: str) -> int | None:
    """A Chinese numeral as written in counts (八, 十, 十二, 二十, 一百): its value."""
    if not text or any(char not in _CJK_DIGITS and char not in "十百" for char in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char]
        elif char == "十":
            total += (digit if digit is not None else 1) * 10
            digit = None
        else:  # 百
            total += (digit if digit is not None else 1) * 100
            digit = None
    return total + (digit or 0)


def _agrees(number: _Number, value: Value) -> bool:
    amount = value.amount
    if amount is None:
        return True
    if number.amount == amount:
        return True
    if number.unit is None or value.unit is None:
        return False
    try:
        return (
            b.amount_in(
                Value(None, value.status, amount=number.amount, unit=number.unit), value.unit
            )
            == amount
        )
    except QuantityError:
        return False


def _value_against(value: Value, quote: str) -> tuple[str, str] | None:
    """None when the quote agrees with ``value``; else (variant, what the quote says)."""
    numbers = numbers_in(quote)
    if not numbers or not value.is_given:
        return None
    matching = [n for n in numbers if _agrees(n, value)]
    if not matching:
        return "value", "、".join(b.number(n.amount) + (n.unit or "") for n in numbers)
    wanted = b.sense(value.comparator)
    if any(n.sense == wanted for n in matching):
        return None
    return "comparator", quote


def _fail(node: Node, field: str, value: Value, quote: str, verdict: tuple[str, str]) -> Fail:
    variant, said = verdict
    shown = b.shown(value)
    return Fail(
        args={"value": shown, "quote": quote, "said": said},
        evidence={"value": shown, "quote": quote},
        node=node,
        field=field,
        variant=None if variant == "value" else variant,
    )


def _count_against(count: DeclaredCount) -> int | None:
    """The number the counting phrase states, when it states one and it differs."""
    phrase = _normal(count.phrase)
    stated: list[int] = [int(m.group()) for m in re.finditer(r"[0-9]+", phrase)]
    stated += [
        n for m in _CJK_NUMERAL().finditer(phrase) if (n := cjk_number(m.group())) is not None
    ]
    if not stated or count.count in stated:
        return None
    return stated[0]


@check(
    "value-contradicting-quote",
    given="plan",
    reports_on=("indicator-values", "claims", "counts", "totals"),
)
def value_contradicting_quote(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Each value must be one of the numbers its own quote writes (comparator included)."""
    cells: list[tuple[Node, Value | None, str | None]] = []
    for indicator in plan.indicators:
        for item in b.table_values(indicator):
            cells.append((item, item.value, item.source.quote if item.source else None))
    for total in plan.totals:
        cells.append((total, total.value, total.source.quote if total.source else None))
    for node, value, quote in cells:
        if value is None or quote is None:
            continue
        verdict = _value_against(value, quote)
        if verdict is not None:
            yield _fail(node, "value", value, quote, verdict)
    for claim in plan.claims:
        yield from _claim_against(claim)
    for count in plan.counts:
        stated = _count_against(count)
        if stated is not None:
            yield Fail(
                args={"count": count.count, "phrase": count.phrase, "stated": stated},
                evidence={"count": str(count.count), "phrase": count.phrase},
                node=count,
                field="count",
                variant="count",
            )


def _claim_against(claim: Claim) -> Iterator[Fail]:
    verdict = _value_against(claim.value, claim.quote)
    if verdict is not None:
        yield _fail(claim, "value", claim.value, claim.quote, verdict)


@check("claim-quote-not-in-source", given="claims")
def claim_quote_not_in_source(claim: Claim, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A claim's quote must be what the document says on the claim's source line."""
    ref = claim.source
    if ref is None or ref.line is None:
        yield NotApplicable("the claim gives no source line")
        return
    if index.plan.source_document is None:
        yield NotApplicable(NO_SOURCE_DOCUMENT)
        return
    line = index.source_line(ref.line)
    if line is None:
        yield NotApplicable(
            UNREADABLE_SOURCE
            if index.source_text is None
            else "the line is beyond the document (see PC007)"
        )
        return
    if claim.quote in line or _normal(claim.quote) in _normal(line):
        return
    yield Fail(
        args={"quote": claim.quote, "line": ref.line},
        evidence={"quote": claim.quote, "line": str(ref.line)},
        field="quote",
    )
