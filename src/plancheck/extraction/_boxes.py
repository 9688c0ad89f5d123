"""专栏 boxes: the title line in its spellings, numbered items, a table inside."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item, source
from plancheck.extraction._headings import _MARKER

TITLE: Final = re.compile(
    r"^\s*(?:【\s*专栏\s*(?P<a>\d{1,3})\s*】|\[\s*专栏\s*(?P<b>\d{1,3})\s*\]|专栏\s*(?P<c>\d{1,3}))"
    r"\s*[:.、]?\s*(?P<title>.*?)\s*$"
)
ITEM: Final = re.compile(r"^\s*(?:(?P<n>\d{1,2})\s*[.、]|\((?P<p>\d{1,2})\))\s*(?P<rest>\S.*)$")
_PREAMBLE: Final = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}:")


@dataclass(slots=True)
class Segment:
    """A stretch of running text: line (1-based) and 0-based columns."""

    line: int
    start: int
    end: int
    box: Item | None = None


@dataclass(slots=True)
class BoxScan:
    box: Item
    end: int  # 0-based index after the box's last line
    segments: list[Segment] = field(default_factory=list)
    preamble: list[Segment] = field(default_factory=list)
    tail: Segment | None = None  # running text after the last item on its line


def title_at(doc: Document, index: int) -> tuple[int, str] | None:
    match = TITLE.match(doc.folded[index])
    if match is None:
        return None
    number = match.group("a") or match.group("b") or match.group("c")
    title_start = match.start("title")
    return int(number), doc.lines[index][title_start:].strip()


def parse_box(doc: Document, index: int) -> BoxScan:
    number, title = title_at(doc, index) or (0, "")
    box = Item()
    box["number"] = number
    box["title"] = title or f"专栏{number}"
    if not title:
        box.doubt("title", "原文无标题 / no title in the document")
    box["kind"] = "other"
    box["source"] = source(index + 1, doc.lines[index].strip())
    scan = BoxScan(box, index + 1)
    cursor = index + 1
    items: list[Item] = []
    while (
        cursor < len(doc)
        and not items
        and _PREAMBLE.match(doc.folded[cursor])
        and (ITEM.match(doc.folded[cursor]) is None)
    ):
        segment = Segment(cursor + 1, 0, len(doc.lines[cursor]), box)
        scan.preamble.append(segment)
        scan.segments.append(segment)
        cursor += 1
        if len(scan.preamble) >= 3:
            break
    # Text between the title and a table just below it is the box's own text too.
    ahead = _table_ahead(doc, cursor)
    for at in range(cursor, ahead or cursor):
        if not doc.lines[at].strip():
            continue
        segment = Segment(at + 1, 0, len(doc.lines[at]), box)
        scan.preamble.append(segment)
        scan.segments.append(segment)
    cursor = ahead or cursor
    scan.end = cursor
    expected = 1
    while cursor < len(doc):
        match = ITEM.match(doc.folded[cursor])
        if match is None and items:
            following = _continuation(doc, cursor, expected)
            if following:
                for at in range(cursor, following):
                    if doc.lines[at].strip():
                        scan.segments.append(Segment(at + 1, 0, len(doc.lines[at]), box))
                last = items[-1]
                last["text"] = (last.get("text") or "") + "".join(
                    doc.lines[at].strip() for at in range(cursor, following)
                )
                last.doubt(
                    "text",
                    f"续写 {following - cursor} 行 / continues over "
                    f"{following - cursor} more line(s)",
                )
                cursor = following
                continue
        if match is None:
            break
        item_number = int(match.group("n") or match.group("p"))
        if item_number != expected and not (items and item_number == expected):
            break
        item, tail = _item(doc, cursor, match, item_number)
        item_segment_end = tail.start if tail else len(doc.lines[cursor])
        scan.segments.append(Segment(cursor + 1, match.start("rest"), item_segment_end, box))
        items.append(item)
        expected = item_number + 1
        cursor += 1
        scan.end = cursor
        if tail is not None:
            scan.tail = tail
            break
    if items:
        box["items"] = items
        if re.search(r"工程|项目|平台|建设", box["title"]):
            box["kind"] = "projects"
    return scan


_BREAKS: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|专栏|【专栏|附件|附表)"
)


def _plain(doc: Document, at: int) -> bool:
    """A line of running text (or an empty one): not a heading, box title or item."""
    text = doc.folded[at]
    return not _BREAKS.match(text) and ITEM.match(text) is None


def _table_ahead(doc: Document, cursor: int) -> int | None:
    from plancheck.extraction._indicators import find_header

    for at in range(cursor, min(cursor + 4, len(doc))):
        if find_header(doc, at) is not None:
            return at if at > cursor else None
        if not _plain(doc, at):
            return None
    return None


def _continuation(doc: Document, cursor: int, expected: int) -> int | None:
    """Where the next item starts when the lines at ``cursor`` continue the item above.

    Only lines sandwiched between two items are taken: after the last item, text may as
    well be the section's next paragraph.
    """
    for at in range(cursor, min(cursor + 6, len(doc))):
        match = ITEM.match(doc.folded[at])
        if match is not None:
            number = int(match.group("n") or match.group("p"))
            return at if at > cursor and number == expected else None
        if not _plain(doc, at):
            return None
    return None


def _item(
    doc: Document, index: int, match: re.Match[str], number: int
) -> tuple[Item, Segment | None]:
    original = doc.lines[index]
    folded = doc.folded[index]
    rest_at = match.start("rest")
    tail: Segment | None = None
    end = len(original)
    # A section heading may follow the item on the same line, after a full stop.
    for marker in _MARKER.finditer(folded, rest_at):
        kind = marker.lastgroup or ""
        if kind in {"cjk", "pcjk"} and folded[: marker.start()].rstrip().endswith("。"):
            end = marker.start()
            tail = Segment(index + 1, end, len(original))
            break
    body = original[rest_at:end]
    colon = min((at for at in (body.find("："), body.find(":")) if at >= 0), default=-1)
    item = Item()
    item["number"] = number
    if 0 < colon <= 60:
        item["name"] = body[:colon].strip()
        text = body[colon + 1 :].strip()
        if text:
            item["text"] = text
    else:
        stop = body.find("。")
        name = body[:stop] if 0 < stop <= 60 else body
        item["name"] = name.strip()
        if name != body:
            item["text"] = body[stop + 1 :].strip() or None
            if item["text"] is None:
                del item.fields["text"]
        item.doubt("name", "条目无冒号，名称取至句号 / no colon: name taken up to the full stop")
    item["source"] = source(
        index + 1,
        original[match.start() : rest_at + len(item["name"])].strip()
        if colon > 0
        else f"{original[match.start() : rest_at]}{item['name']}".strip(),
    )
    return item, tail
