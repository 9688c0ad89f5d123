"""Numbered headings (一、 （一） 1. （1）) in running text, and the tree they form."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Final

from plancheck.extraction._draft import Item, source
from plancheck.extraction._text import cjk_number

_MARKER: Final = re.compile(
    r"(?P<cjk>[一二三四五六七八九十]{1,3})、"
    r"|\((?P<pcjk>[一二三四五六七八九十]{1,3})\)"
    r"|(?<![\d.])(?P<arabic>\d{1,2})[.、](?![\d.])"
    r"|\((?P<parabic>\d{1,2})\)"
)
_BARE_CJK: Final = re.compile(r"^(\s*)([一二三四五六七八九十]{1,3})[ \t]+(\S.{0,40})$")
_SENTENCE_END: Final = "。;!?"
_TITLE_END: Final = "。;:!?"
# Words that open body text when a heading runs straight into its paragraph.
_BODY_CUES: Final = (
    "目前",
    "我市",
    "“十一五”时期",
    "“十二五”时期",
    "“十三五”时期",
    "深入",
    "认真",
    "进一步",
    "在“",
    "为了",
    "根据",
    "按照",
)
_RUN_IN: Final = 25
MARK_LEVEL: Final = {"cjk": 1, "pcjk": 2, "arabic": 3, "parabic": 4}


@dataclass(slots=True)
class Heading:
    line: int
    column: int  # 0-based
    level: int
    ordinal: int
    number: str
    title: str
    end: int  # 0-based column after the title
    doubt: str | None = None
    quote: str = ""
    path: str = ""
    item: Item = field(default_factory=Item)


def _boundary_ok(folded: str, start: int, segment_start: int, kind: str) -> bool:
    before = folded[segment_start:start].rstrip()
    if not before:
        return True
    if kind in {"pcjk", "parabic"}:
        return not before[-1].isalnum() or not before[-1].isascii()
    return before[-1] in _SENTENCE_END + ":"


def candidates(line: int, original: str, folded: str, start: int, end: int) -> list[Heading]:
    """Heading candidates in one stretch of running text, in order."""
    found: list[Heading] = []
    bare = _BARE_CJK.match(folded[start:end]) if start == 0 else None
    if bare and "。" not in bare.group(3) and cjk_number(bare.group(2)):
        column = len(bare.group(1))
        title_at = bare.start(3)
        heading = Heading(
            line,
            column,
            1,
            cjk_number(bare.group(2)) or 0,
            f"{bare.group(2)}、",
            original[title_at:end].strip(),
            end,
        )
        heading.doubt = "原文编号无“、” / the number is written without 、"
        heading.quote = original[column:end].strip()
        return [heading]
    for match in _MARKER.finditer(folded, start, end):
        kind = match.lastgroup or ""
        if not _boundary_ok(folded, match.start(), start, kind):
            continue
        digits = match.group(kind)
        ordinal = int(digits) if digits.isdigit() else (cjk_number(digits) or 0)
        found.append(
            Heading(
                line,
                match.start(),
                MARK_LEVEL[kind],
                ordinal,
                original[match.start() : match.end()],
                "",
                match.end(),
            )
        )
    for index, heading in enumerate(found):
        limit = found[index + 1].column if index + 1 < len(found) else end
        _title(heading, original, folded, heading.end, limit)
        heading.quote = original[heading.column : heading.end].strip()
    return found


def _title(heading: Heading, original: str, folded: str, start: int, limit: int) -> None:
    stop = limit
    ended_by_text = False
    for position in range(start, limit):
        if folded[position] in _TITLE_END or original[position] == "。":
            stop = position
            ended_by_text = True
            break
    text = original[start:stop]
    if (ended_by_text or stop == limit) and len(text) > _RUN_IN:
        cut = min((at for cue in _BODY_CUES if (at := text.find(cue, 2)) > 0), default=-1)
        if cut > 0:
            text = text[:cut]
            heading.doubt = (
                "标题与正文相连，按常见起句词截断 / heading runs into its text; "
                "cut before a common opening word"
            )
        else:
            heading.doubt = "标题较长，请核对其结尾 / long heading: check where it ends"
    heading.title = text.strip()
    heading.end = start + len(text)


@dataclass(slots=True)
class Tree:
    roots: list[Item] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    rejected: list[Heading] = field(default_factory=list)
    _keys: list[tuple[int, int]] = field(default_factory=list)

    def add(self, heading: Heading) -> bool:
        if not heading.title:
            self.rejected.append(heading)
            return False
        stack = self._open()
        parent = next((h for h in reversed(stack) if h.level < heading.level), None)
        sibling = next(
            (
                h
                for h in reversed(stack)
                if h.level == heading.level
                and (parent is None or self.headings.index(h) > self.headings.index(parent))
            ),
            None,
        )
        if sibling is None and heading.ordinal > 2:
            self.rejected.append(heading)
            return False
        if sibling is not None and not (sibling.ordinal < heading.ordinal <= sibling.ordinal + 3):
            self.rejected.append(heading)
            return False
        prefix = f"{parent.path}." if parent is not None else ""
        heading.path = f"{prefix}{heading.ordinal}"
        item = heading.item
        item["number"] = heading.number
        item["title"] = heading.title
        if heading.doubt:
            item.doubt("title" if "标题" in heading.doubt else "number", heading.doubt)
        item["source"] = source(heading.line, heading.quote)
        if parent is None:
            self.roots.append(item)
        else:
            parent.item.fields.setdefault("sections", []).append(item)
        self.headings.append(heading)
        self._keys.append((heading.line, heading.column))
        return True

    def _open(self) -> list[Heading]:
        """The current chain of headings, outermost first."""
        chain: list[Heading] = []
        for heading in self.headings:
            while chain and chain[-1].level >= heading.level:
                chain.pop()
            chain.append(heading)
        return chain

    def path_at(self, line: int, column: int, max_level: int = 9) -> str | None:
        """Ordinal path of the deepest heading (up to ``max_level``) before a position."""
        index = bisect_right(self._keys, (line, column))
        for heading in reversed(self.headings[:index]):
            if heading.level <= max_level:
                return heading.path
        return None
