"""Declared counts: 十大子网, 三个专家管理系统, 九大产业集群（…） with the list they count."""

from __future__ import annotations

import re
from typing import Final

from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item, source
from plancheck.extraction._text import cjk_number

_PHRASE: Final = re.compile(
    r"(?P<num>[一二三四五六七八九十]{1,2}|\d{1,2})(?P<cls>大|个|级|类|种|项|网|区)"
    r"(?P<noun>(?:(?![的和与])[\u4e00-\u9fff]){0,4})"
)
_LIST_AFTER: Final = re.compile(r"[”\"]?[（(](?P<list>[^（）()]{2,400})[）)]")
_PROJECTS: Final = re.compile(r"[\u4e00-\u9fff]{0,6}?工程")
_LEADING: Final = re.compile(
    r"^.*(?:了|按照|汇接|连接|包括|实现|完善|覆盖|围绕|推进|涵盖|建立|形成|开发|设立|将|在|以)"
)


def _list_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "“”、"


def _items_before(text: str) -> tuple[list[str], bool, int] | None:
    """The enumeration that ends right before a count phrase: A、B和C(等)(的)“."""
    tail = text.rstrip("“")
    tail = tail.removesuffix("的")
    open_ended = tail.endswith("等")
    tail = tail.removesuffix("等")
    start = len(tail)
    while start > 0 and _list_char(tail[start - 1]):
        start -= 1
    written = tail[start:]
    if "、" not in written:
        return None
    raw = written.replace("“", "").replace("”", "")
    parts = raw.split("、")
    if parts and "和" in parts[-1]:
        parts[-1:] = parts[-1].split("和", 1)
    if len(parts) < 2 or not all(parts) or any(len(part) > 16 for part in parts[1:]):
        return None
    if parts[-1].endswith("等"):
        parts[-1] = parts[-1][:-1]
        open_ended = True
    others = max(len(part) for part in parts[1:])
    first = _LEADING.sub("", parts[0]) or parts[0]
    if len(first) > others + 2:
        first = first[-others:]
    parts[0] = first
    found = text.rfind(first, start, start + len(written))
    return parts, open_ended, found if found >= 0 else start


def scan(
    doc: Document, line: int, start: int, end: int, counts: list[Item], pending: list[Item]
) -> None:
    """Counts with the list they count; ``pending`` gets 八大…工程 phrases with no list."""
    original = doc.lines[line - 1]
    folded = doc.folded[line - 1]
    for match in _PHRASE.finditer(folded, start, end):
        digits = match.group("num")
        count = int(digits) if digits.isdigit() else cjk_number(digits)
        if count is None or count < 2:
            continue
        window = max(start, match.start() - 300)
        before = _items_before(folded[window : match.start()])
        items: list[str] = []
        open_ended = False
        quote_start, quote_end = match.start(), match.end()
        if before is not None:
            items, open_ended, offset = before
            quote_start = window + offset
        else:
            after = _LIST_AFTER.match(folded, match.end(), min(end, match.end() + 420))
            if after is None:
                project_noun = _PROJECTS.match(folded, match.end("cls"))
                if match.group("cls") == "大" and project_noun is not None:
                    pending.append(
                        _entry(
                            line,
                            original,
                            match,
                            count,
                            [],
                            False,
                            match.start(),
                            project_noun.end(),
                            len(counts) + len(pending),
                            project_noun.end(),
                        )
                    )
                continue
            items = [part.strip() for part in after.group("list").split("、") if part.strip()]
            open_ended = items[-1].endswith("等") if items else False
            items = [part.removesuffix("等") for part in items]
            quote_end = after.end()
            if len(items) < 2:
                continue
        counts.append(
            _entry(
                line, original, match, count, items, open_ended, quote_start, quote_end, len(counts)
            )
        )


def _entry(
    line: int,
    original: str,
    match: re.Match[str],
    count: int,
    items: list[str],
    open_ended: bool,
    quote_start: int,
    quote_end: int,
    number: int,
    phrase_end: int | None = None,
) -> Item:
    entry = Item()
    entry["id"] = f"count-{number + 1}"
    entry["phrase"] = original[match.start() : phrase_end or match.end()]
    entry["count"] = count
    entry["items"] = items
    if open_ended:
        entry["open_ended"] = True
    entry.doubt("items", "列举范围由标点推断 / where the list starts is guessed from punctuation")
    entry["source"] = source(line, original[quote_start:quote_end])
    return entry


def resolve_pending(pending: list[Item], categories: list[str], counts: list[Item]) -> None:
    """八大信息化工程 names no list; the appendix's category headings are its list."""
    for entry in pending:
        if entry["count"] == len(categories):
            entry["items"] = list(categories)
            entry.unsure["items"] = (
                "列举取自附件的分类标题 / the list is the appendix's category headings"
            )
            counts.append(entry)
    counts.sort(key=lambda item: (item["source"]["line"], item["source"].get("quote", "")))
    for number, entry in enumerate(counts, 1):
        entry["id"] = f"count-{number}"
