"""The project appendix: header, category rows, project rows, totals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from plancheck.extraction._cells import (
    is_none_mark,
    is_value,
    known_unit,
    value_like,
    year_text,
    years,
)
from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item, source
from plancheck.extraction._text import fold, squeeze

_HEADS: Final[dict[str, tuple[str, ...]]] = {
    "name": ("名称", "项目名称", "工程名称", "项目", "重点工程", "工程项目"),
    "implementers": ("实施单位", "责任单位", "承担单位", "建设单位", "牵头单位", "实施主体"),
    "years": ("实施年度", "建设年限", "实施年限", "建设期限", "起止年限", "建设年度", "实施年限"),
    "seq": ("序号",),
    "other": ("建设内容", "建设规模", "主要内容", "备注", "建设地点"),
}
_FUNDING: Final = re.compile(r"^(计划经费|总投资|投资|计划投资|投资额|资金|经费|估算投资|投资估算)")
_UNIT_IN: Final = re.compile(r"[(（]([^()（）]+)[)）]")
_TOTALS: Final = re.compile(r"^(合计|总计|共计|小计|总投资)[:：]?$")


@dataclass(slots=True)
class Appendix:
    start: int
    end: int
    columns: list[str]
    currency: str | None
    projects: list[Item] = field(default_factory=list)
    totals: list[Item] = field(default_factory=list)
    categories: list[tuple[int, str]] = field(default_factory=list)


def _head(text: str) -> tuple[str, str | None] | None:
    cell = squeeze(text)
    for kind, words in _HEADS.items():
        if cell in words:
            return kind, None
    match = _FUNDING.match(cell)
    if match:
        unit = _UNIT_IN.search(cell)
        return "funding", (fold(unit.group(1)) if unit else None)
    return None


def find_header(doc: Document, index: int) -> tuple[list[str], str | None, int] | None:
    """Columns, the funding unit and the first row's index, when a header starts here."""
    first = _head(doc.lines[index])
    if first is None or first[0] not in {"name", "seq"}:
        return None
    columns: list[str] = []
    currency: str | None = None
    cursor = index
    while cursor < len(doc):
        head = _head(doc.lines[cursor])
        if head is None:
            # A unit on a line of its own belongs to the header cell above it: 计划经费 / （万元）
            unit = _UNIT_IN.fullmatch(squeeze(doc.lines[cursor]))
            if unit and columns and columns[-1] == "funding" and known_unit(fold(unit.group(1))):
                currency = fold(unit.group(1))
                cursor += 1
                continue
            break
        columns.append(head[0])
        if head[0] == "funding" and head[1] is not None:
            currency = head[1]
        cursor += 1
    if "name" not in columns or not ({"funding", "implementers"} & set(columns)):
        return None
    return columns, currency, cursor


def _valid(kind: str, text: str) -> bool:
    cell = squeeze(text)
    if kind == "years":
        return not cell or years(text) is not None
    if kind == "funding":
        return value_like(text)
    if kind == "seq":
        return cell.isdigit()
    if kind == "name":
        return bool(cell) and not is_value(text) and _TOTALS.match(cell) is None
    if kind == "implementers":
        return len(cell) <= 60
    return True  # 建设内容 and the like may be long


def parse_appendix(doc: Document, index: int, jurisdiction: str | None) -> Appendix | None:
    header = find_header(doc, index)
    if header is None:
        return None
    columns, currency, cursor = header
    appendix = Appendix(index, cursor, columns, currency)
    width = len(columns)
    category: str | None = None
    while cursor < len(doc):
        label = squeeze(doc.lines[cursor])
        total = _TOTALS.match(label)
        if total:
            cursor = _total(doc, cursor, width, total.group(1), category, appendix)
            if total.group(1) != "小计":
                break
            continue
        cells = list(doc.lines[cursor : cursor + width])
        if len(cells) == width and all(
            _valid(kind, cell) for kind, cell in zip(columns, cells, strict=True)
        ):
            appendix.projects.append(
                _project(doc, cursor, columns, category, len(appendix.projects) + 1)
            )
            cursor += width
            continue
        if label and len(label) <= 40 and "。" not in label and not is_value(doc.lines[cursor]):
            category = doc.lines[cursor].strip()
            appendix.categories.append((cursor + 1, category))
            cursor += 1
            continue
        break
    appendix.end = cursor
    return appendix


def _total(
    doc: Document, cursor: int, width: int, label: str, category: str | None, appendix: Appendix
) -> int:
    for offset in range(1, width + 1):
        at = cursor + offset
        if at >= len(doc):
            break
        text = doc.lines[at].strip()
        if text and value_like(text) and any(ch.isdigit() for ch in text):
            total = Item()
            total["id"] = (
                "grand-total" if label != "小计" else f"subtotal-{len(appendix.totals) + 1}"
            )
            total["label"] = label
            total.set_value("value", text)
            total["projects"] = "all"
            if label == "小计" and category is not None:
                total["category"] = category
            total["source"] = source(at + 1, text)
            appendix.totals.append(total)
            # The row's remaining empty cells (a 小计 row is followed by more projects).
            after = at + 1
            while after < min(cursor + width, len(doc)) and not doc.lines[after].strip():
                after += 1
            return after
    return cursor + 1


def _project(
    doc: Document, cursor: int, columns: list[str], category: str | None, number: int
) -> Item:
    project = Item()
    project["id"] = f"project-{number}"
    cells = {kind: doc.lines[cursor + k].strip() for k, kind in enumerate(columns)}
    name_at = columns.index("name")
    project["name"] = cells["name"]
    if category is not None:
        project["category"] = category
    if cells.get("implementers"):
        project["implementers_text"] = cells["implementers"]
        project.lines["implementers"] = cursor + columns.index("implementers") + 1
    span = years(cells.get("years", ""))
    if span is not None:
        project["years"] = year_text(span)
        if cells["years"].strip() != str(project["years"]):
            project.doubt("years", f"原文写作“{cells['years']}” / written {cells['years']!r}")
    funding = cells.get("funding", "")
    if funding and not is_none_mark(funding):
        project.set_value("funding", funding)
    elif funding:
        project.set_value("funding", "——")
    project["source"] = source(cursor + name_at + 1, cells["name"])
    return project
