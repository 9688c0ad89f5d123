"""Declared counts: 十大子网, 三个专家管理系统, 九大产业集群（…） with the list they count."""

from __future__ import annotations

import re
from typing import Final

from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item, source
from plancheck.extraction._text import cjk_number

_PHRASE: Final = re.compile(
    r"(?P<num>[一二三四五六七八九十]{1,2}|\d{1,2})(?P<cls>大|个|级|类|种|项)"
    r"(?P<noun>[\u4e00-\u9fff]{1,6}?)(?=[的和与，。；、：“”（）(),;:]|$|[\u4e00-\u9fff]{0}$)"
)
_LIST_BEFORE: Final = re.compile(
    r"(?P<list>[\u4e00-\u9fff“”]{1,16}(?:、[\u4e00-\u9fff“”]{1,16})+(?:和[\u4e00-\u9fff]{1,12})?)"
    r"(?P<etc>等)?(?P<the>的)?[“]?$"
)
_LIST_AFTER: Final = re.compile(r"^[”\"]?[（(](?P<list>[^（）()]{2,400})[）)]")
_LEADING: Final = re.compile(
    r"^.*(?:了|按照|汇接|连接|包括|实现|完善|覆盖|围绕|推进|涵盖|建立|形成|开发|设立|将|在|以)"
)


def _items_before(text: str) -> tuple[list[str], bool, int] | None:
    match = _LIST_BEFORE.search(text)
    if match is None:
        return None
    raw = match.group("list")
    parts = re.split(r"、|和", raw.replace("“", "").replace("”", ""))
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return None
    others = max(len(part) for part in parts[1:])
    first = _LEADING.sub("", parts[0]) or parts[0]
    if len(first) > others + 2:
        first = first[-others:]
    parts[0] = first
    start = match.start("list") + match.group("list").find(first.replace("“", "")[:1] or first)
    start = text.rfind(first, 0, match.end("list")) if first in text else match.start("list")
    return parts, bool(match.group("etc")), start


def scan(doc: Document, line: int, start: int, end: int, counts: list[Item]) -> None:
    original = doc.lines[line - 1]
    folded = doc.folded[line - 1]
    for match in _PHRASE.finditer(folded, start, end):
        digits = match.group("num")
        count = int(digits) if digits.isdigit() else cjk_number(digits)
        if count is None or count < 2:
            continue
        phrase = original[match.start() : match.end()]
        before = _items_before(folded[start : match.start()])
        items: list[str] = []
        open_ended = False
        quote_start, quote_end = match.start(), match.end()
        if before is not None:
            items, open_ended, offset = before
            quote_start = start + offset
        else:
            after = _LIST_AFTER.match(folded, match.end(), end)
            if after is None:
                continue
            items = [part.strip() for part in after.group("list").split("、") if part.strip()]
            open_ended = items[-1].endswith("等") if items else False
            items = [part.removesuffix("等") for part in items]
            quote_end = after.end()
            if len(items) < 2:
                continue
        entry = Item()
        entry["id"] = f"count-{len(counts) + 1}"
        entry["phrase"] = phrase
        entry["count"] = count
        entry["items"] = items
        if open_ended:
            entry["open_ended"] = True
        entry.doubt(
            "items", "列举范围由标点推断 / where the list starts is guessed from punctuation"
        )
        entry["source"] = source(line, original[quote_start:quote_end])
        counts.append(entry)
