"""Quantitative claims of the running text (到2015年…达到X), linked to indicators by name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Final

from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item, source
from plancheck.quantities import QuantityError, Value, parse_value

_NUMBER: Final = re.compile(r"(?<![\d.A-Za-z])\d+(?:,\d{3})*(?:\.\d+)?")
_UNIT_CHARS: Final = set("万亿千百元户人公里米条台部家个项所座套吨亩平方公顷%‰MGbpsk兆/倍多余")
_AMOUNT_CHARS: Final = frozenset(_UNIT_CHARS | set("0123456789.,"))
_SUFFIXES: Final = ("以上", "左右", "以下", "以内")
_NOT_AFTER: Final = tuple("年月日号届期〕]》")
_COMPARATORS: Final = (
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "控制在",
    "达到",
    "突破",
    "超过",
    "大于",
    "高于",
    "低于",
    "少于",
    "多于",
    "大约",
    "达",
    "约",
    "近",
)
_GROWTH_UP: Final = ("年均增长", "增长", "增加", "提高", "提升")
_GROWTH_DOWN: Final = ("年均下降", "下降", "减少", "降低")
_WINDOW: Final = 300
_CLAUSE: Final = ",;。:!?，；：！？"
_SENTENCE: Final = "。;!?；！？"
_LEAD: Final = re.compile(
    r"^(?:到\d{4}年(?:末|底)?|截[止至]\d{4}年(?:末|底)?|\d{4}年(?:末|底)?|其中|我市|全市|全省|全县|"
    r"目前|实现|使|已有|有|预计|计划|力争|确保|努力|同时|并|在|的)+"
)
_TRAIL: Final = re.compile(r"(?:保持在|为|是|可)$")
_VERB_END: Final = re.compile(
    r"(培育|实施|建设|培训|新增|完成|引进|打造|扶持|建成|发展|开展|达到|达)$"
)
_STATUS_CUES: Final = re.compile(r"目前|已有|已经|现有|截[止至]|累计")
_STATUS_CHAPTER: Final = re.compile(r"现状|成绩|成就|回顾|发展基础|取得")
_EACH_YEAR: Final = re.compile(r"每年|年均")
_YEAR: Final = re.compile(r"(\d{4})年")
_CONTEXT: Final = re.compile(r"(?:到|截[止至]|至)(\d{4})年")


@dataclass(slots=True)
class Context:
    period: tuple[int, int] | None
    indicators: list[Item]
    status_paths: set[str] = field(default_factory=set)
    years: dict[str, int] = field(default_factory=dict)
    claims: list[Item] = field(default_factory=list)


def _parse(text: str) -> Value | None:
    try:
        return parse_value(text)
    except QuantityError:
        return None


def _value_end(folded: str, start: int, end: int) -> int | None:
    """End of the number with its unit, or None when it is not an amount with a unit."""
    limit = start
    while (
        limit < len(folded)
        and limit - end < 8
        and folded[limit] in _UNIT_CHARS | set("0123456789.,")
    ):
        limit += 1
    for stop in range(limit, end, -1):
        value = _parse(folded[start:stop])
        if value is not None and value.unit is not None:
            return stop
    return None


def scan(doc: Document, line: int, start: int, end: int, path: str | None, ctx: Context) -> None:
    original = doc.lines[line - 1]
    folded = doc.folded[line - 1]
    previous_subject: str | None = None
    sentence_start = scanned = start
    for match in _NUMBER.finditer(folded, start, end):
        s, e = match.span()
        for at in range(scanned, s):
            if folded[at] in _SENTENCE:
                sentence_start = at + 1
                previous_subject = None
        scanned = s
        # Bounded windows keep a pathological one-line document linear.
        sentence_start = max(sentence_start, s - _WINDOW)
        sentence = folded[sentence_start:s]
        for found in _CONTEXT.finditer(sentence):
            if path is not None:
                ctx.years[path] = int(found.group(1))
        if e < len(folded) and folded[e] in _NOT_AFTER:
            continue
        if e < len(folded) and folded[e].isascii() and folded[e].isalpha() and folded[e] != "M":
            continue
        value_end = _value_end(folded, s, e)
        bare = False
        if value_end is None:
            after = folded[e : e + 1]
            if folded[:s].endswith(("达到", "达")) and (not after or after in _CLAUSE):
                value_end, bare = e, True
            else:
                continue
        for suffix in _SUFFIXES:
            if folded.startswith(suffix, value_end):
                value_end += len(suffix)
                break
        claim = _claim(original, folded, s, value_end, sentence_start, path, ctx, bare, line)
        if claim is None:
            continue
        if not claim.get("subject") and previous_subject:
            claim["subject"] = previous_subject
            claim.doubt(
                "subject", "沿用前一分句的主语 / subject carried over from the clause before"
            )
        previous_subject = claim.get("subject") or previous_subject
        ctx.claims.append(claim)


def _claim(
    original: str,
    folded: str,
    s: int,
    e: int,
    sentence_start: int,
    path: str | None,
    ctx: Context,
    bare: bool,
    line: int,
) -> Item | None:
    clause_start = max((folded.rfind(ch, sentence_start, s) for ch in _CLAUSE), default=-1) + 1
    clause_start = max(clause_start, sentence_start)
    horizon = min(len(folded), e + _WINDOW)
    ends = [at for ch in _CLAUSE if (at := folded.find(ch, e, horizon)) >= 0]
    clause_end = min(ends) if ends else horizon
    head = folded[clause_start:s]
    value_start = s
    kind = "target"
    growth_down = next((w for w in _GROWTH_DOWN if head.endswith(w)), None)
    growth_up = next((w for w in _GROWTH_UP if head.endswith(w)), None)
    if growth_down or growth_up:
        kind = "growth"
        if growth_down:
            value_start = s - len(growth_down)
    else:
        comparator = next((w for w in _COMPARATORS if head.endswith(w)), None)
        if comparator:
            value_start = s - len(comparator)
    value_text = original[value_start:e]
    pre = _TRAIL.sub("", _LEAD.sub("", folded[clause_start:value_start].strip()))
    for word in (growth_up, growth_down):
        if word and pre.endswith(word):
            pre = pre[: -len(word)]
    post = folded[e:clause_end].lstrip("的").strip()
    subject_after = not pre or bool(_VERB_END.search(pre))
    subject = post if subject_after else pre
    quote_end = clause_end if subject_after and post else e
    quote = original[clause_start:quote_end].strip()
    claim = Item()
    claim["id"] = f"claim-{len(ctx.claims) + 1}"
    sentence = folded[sentence_start:clause_end]
    year = _year(folded[sentence_start:s], path, ctx)
    status_chapter = path is not None and any(
        path == p or path.startswith(f"{p}.") for p in ctx.status_paths
    )
    start_year = ctx.period[0] if ctx.period else None
    if kind != "growth":
        if year is not None and start_year is not None:
            kind = "status" if year < start_year else "target"
        elif _STATUS_CUES.search(sentence) or status_chapter:
            kind = "status"
    if year is None and kind == "target" and ctx.period and not _EACH_YEAR.search(sentence):
        year = ctx.period[1]
        claim.doubt("year", "原文未写年份，取规划期末 / no year written: the period's end")
    claim["kind"] = kind
    claim["quote"] = quote or value_text
    if subject:
        at = folded.find(subject, clause_start, clause_end)
        claim["subject"] = original[at : at + len(subject)] if at >= 0 else subject
    if path is not None:
        claim["section"] = path
    if year is not None:
        claim["year"] = year
    if "年均" in folded[clause_start:e]:
        claim["annual"] = True
    claim.set_value("value", value_text)
    if bare:
        claim.doubt("value", "无单位的数 / a number without a unit")
    claim["source"] = source(line, claim["quote"])
    return claim


def _year(prefix: str, path: str | None, ctx: Context) -> int | None:
    explicit = list(_YEAR.finditer(prefix))
    if explicit:
        return int(explicit[-1].group(1))
    while path:
        if path in ctx.years:
            return ctx.years[path]
        path = path.rpartition(".")[0]
    return None


def _amount(text: object) -> Decimal | None:
    value = _parse(str(text))
    return value.amount if value is not None else None


def link(claims: list[Item], indicators: list[Item]) -> None:
    """Link claims to indicators: by name, or by a close name that the number confirms."""
    for claim in claims:
        subject = claim.get("subject")
        if not subject or "value" in claim.unreadable:
            continue
        best: tuple[float, Item] | None = None
        for indicator in indicators:
            name = indicator["name"]
            if subject == name or name in subject:
                best = (2.0, indicator)
                break
            # A shorter subject (互联网普及率 within 企业互联网普及率) may be another measure:
            # like a merely similar name, it links only when the number agrees.
            ratio = 1.0 if subject in name else SequenceMatcher(None, subject, name).ratio()
            if ratio >= 0.6 and _agrees(claim, indicator) and (best is None or ratio > best[0]):
                best = (ratio, indicator)
        if best is None:
            continue
        claim["indicator"] = best[1]["id"]
        if best[0] < 2.0:
            claim.doubt(
                "indicator",
                f"名称相近且数值一致 / close name ({best[0]:.2f}) and the number agrees",
            )


def _agrees(claim: Item, indicator: Item) -> bool:
    amount = _amount(claim["value"])
    year = claim.get("year")
    if amount is None:
        return False
    entries = [
        indicator.get("baseline"),
        *indicator.get("targets", []),
        *indicator.get("observations", []),
    ]
    return any(
        isinstance(entry, Item)
        and entry.get("year") == year
        and "value" in entry.fields
        and _amount(entry["value"]) == amount
        for entry in entries
    )
