"""The indicator table (主要指标): header, rows, group rows, 其中 rows, value columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from plancheck.extraction._cells import is_none_mark, is_value, known_unit, split_unit, value_like
from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item, source
from plancheck.extraction._text import fold, squeeze
from plancheck.quantities import QuantityError, parse_value

NAME_HEADS: Final = frozenset({"指标", "指标名称", "主要指标", "名称", "指标项", "具体指标"})
UNIT_HEADS: Final = frozenset({"单位", "计量单位", "指标单位"})
GROUP_HEADS: Final = frozenset({"类别", "分类", "领域", "指标类别", "板块"})
TYPE_HEADS: Final = frozenset({"属性", "指标属性", "指标类型", "类型", "性质", "指标性质"})
_YEAR_HEAD: Final = re.compile(r"^(\d{4})年?(?:末)?(.{0,10})$")
_OTHER_HEAD: Final = re.compile(r"(增长|备注|累计|说明|序号|变化|增减|年均)")
_TYPES: Final = {"预期性": "expected", "约束性": "binding"}
_CHILD: Final = re.compile(r"^(\s*)(其中[:：]?)\s*")


@dataclass(slots=True)
class Column:
    kind: str  # name, unit, type, year, other
    year: int = 0
    estimated: bool = False
    label: str = ""


@dataclass(slots=True)
class Table:
    start: int  # 0-based index of the first header cell
    end: int  # 0-based index after the last line used
    columns: list[Column]
    indicators: list[Item] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)


def header_cell(text: str) -> Column | None:
    cell = squeeze(text)
    if cell in UNIT_HEADS:
        return Column("unit", label=cell)
    if cell in TYPE_HEADS:
        return Column("type", label=cell)
    match = _YEAR_HEAD.match(cell)
    if match:
        rest = match.group(2)
        return Column(
            "year", int(match.group(1)), estimated=("预计" in rest or "估计" in rest), label=cell
        )
    if len(cell) <= 12 and _OTHER_HEAD.search(cell):
        return Column("other", label=cell)
    return None


def find_header(doc: Document, index: int) -> list[Column] | None:
    """The columns when an indicator table header starts at ``index`` (0-based).

    A leading 类别 column is a ``group`` column: scraped tables give its cell only in the
    first row of the rows it spans.
    """
    columns: list[Column] = []
    cursor = index
    if squeeze(doc.lines[cursor]) in GROUP_HEADS:
        columns.append(Column("group"))
        cursor += 1
    if cursor >= len(doc) or squeeze(doc.lines[cursor]) not in NAME_HEADS:
        return None
    columns.append(Column("name"))
    cursor += 1
    while cursor < len(doc) and (column := header_cell(doc.lines[cursor])) is not None:
        columns.append(column)
        cursor += 1
    if not any(column.kind == "year" for column in columns):
        return None
    return columns


def _valid_cell(column: Column, text: str) -> bool:
    cell = squeeze(text)
    if column.kind == "unit":
        return len(cell) <= 10 and not cell[:1].isdigit()
    if column.kind == "type":
        return cell in _TYPES or cell == "" or (len(cell) <= 6 and "性" in cell)
    if column.kind == "year":
        return value_like(text)
    return len(cell) <= 30


_NOT_A_ROW: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|专栏|【专栏|\d{1,2}[.、]\D)"
)


def _name_like(text: str) -> bool:
    cell = squeeze(text)
    return (
        bool(cell)
        and len(cell) <= 60
        and "。" not in cell
        and not is_value(text)
        and _NOT_A_ROW.match(fold(text)) is None
    )


def _row_fits(doc: Document, at: int, columns: list[Column]) -> bool:
    if at >= len(doc) or not _name_like(doc.lines[at]):
        return False
    cells = list(doc.lines[at + 1 : at + len(columns)])
    return len(cells) == len(columns) - 1 and all(
        _valid_cell(column, cell) for column, cell in zip(columns[1:], cells, strict=True)
    )


def parse_table(
    doc: Document, index: int, period: tuple[int, int] | None, box: int | None, first_id: int
) -> Table:
    columns = find_header(doc, index) or []
    table = Table(index, index + len(columns), columns)
    cursor = table.end
    group: str | None = None
    parent: Item | None = None
    grouped = bool(columns) and columns[0].kind == "group"
    row_columns = columns[1:] if grouped else columns
    while cursor < len(doc):
        if (
            grouped
            and len(squeeze(doc.lines[cursor])) <= 20
            and _row_fits(doc, cursor + 1, row_columns)
            and _name_like(doc.lines[cursor])
        ):
            group = squeeze(doc.lines[cursor])
            parent = None
            cursor += 1
        name = doc.lines[cursor] if cursor < len(doc) else ""
        if not _name_like(name):
            break
        if _row_fits(doc, cursor, row_columns):
            indicator = _row(
                doc, cursor, row_columns, period, box, first_id + len(table.indicators)
            )
            child = _CHILD.match(name)
            if child and parent is not None:
                indicator["parent"] = parent["id"]
            elif name[:1].isspace() and parent is not None and fold(name[:1]) == " ":
                indicator["parent"] = parent["id"]
                indicator.doubt(
                    "parent",
                    "缩进行，推定为上一行的其中项 / indented row taken as part of the row above",
                )
            else:
                parent = indicator
            if group is not None:
                indicator["group"] = group
            table.indicators.append(indicator)
            cursor += len(row_columns)
            continue
        # A group row spans the table: one cell, followed by a row that fits.
        if not grouped and len(squeeze(name)) <= 20 and _row_fits(doc, cursor + 1, columns):
            group = squeeze(name)
            parent = None
            cursor += 1
            continue
        break
    table.end = cursor
    return table


def _row(
    doc: Document,
    line_index: int,
    columns: list[Column],
    period: tuple[int, int] | None,
    box: int | None,
    number: int,
) -> Item:
    raw = doc.lines[line_index]
    written = _CHILD.sub("", raw).strip()
    name, unit = split_unit(written)
    indicator = Item()
    indicator["id"] = f"indicator-{number}"
    indicator["name"] = name
    cells = {k: doc.lines[line_index + k] for k in range(1, len(columns))}
    for k, column in enumerate(columns):
        if column.kind == "unit" and cells[k].strip():
            unit = fold(cells[k]).strip()
    if unit is not None:
        indicator["unit"] = unit
        if not known_unit(unit):
            indicator.unreadable.add("unit")
            indicator.doubt(
                "unit", "单位暂不可读，按原文保留 / unit not readable yet, kept as written"
            )
    if box is not None:
        indicator["box"] = box
    indicator["type"] = "unspecified"
    year_columns = [(k, column) for k, column in enumerate(columns) if column.kind == "year"]
    for k, column in enumerate(columns):
        if column.kind == "type":
            written_type = squeeze(cells[k])
            if written_type in _TYPES:
                indicator["type"] = _TYPES[written_type]
            elif written_type:
                indicator.doubt("type", f"属性写作“{written_type}” / type written {written_type!r}")
    if not any(column.kind == "type" for column in columns):
        indicator.doubt("type", "表中无属性列 / the table has no type column")
    baseline_k, targets = _roles(year_columns, period)
    values: dict[str, list[Item]] = {"observations": [], "targets": []}
    baseline: Item | None = None
    for k, column in year_columns:
        entry = _value(doc, line_index + k, column)
        if k == baseline_k:
            baseline = entry
        elif k in targets:
            values["targets"].append(entry)
        else:
            values["observations"].append(entry)
    if baseline is not None:
        indicator["baseline"] = baseline
    if values["targets"]:
        indicator["targets"] = values["targets"]
    if values["observations"]:
        indicator["observations"] = values["observations"]
    direction = _direction(baseline, values["targets"])
    if direction is not None:
        indicator["direction"] = direction
        indicator.doubt("direction", "由基期与目标值推断 / inferred from baseline and target")
    indicator["source"] = source(line_index + 1, raw.strip())
    return indicator


def _roles(
    year_columns: list[tuple[int, Column]], period: tuple[int, int] | None
) -> tuple[int | None, set[int]]:
    if not year_columns:
        return None, set()
    start = period[0] if period else None
    before = [k for k, column in year_columns if start is not None and column.year < start]
    after = {k for k, column in year_columns if start is None or column.year >= start}
    if start is None and len(year_columns) > 1:
        first = year_columns[0][0]
        return first, after - {first}
    return (before[-1] if before else None), after


def _value(doc: Document, line_index: int, column: Column) -> Item:
    cell = doc.lines[line_index]
    entry = Item()
    entry["year"] = column.year
    text = cell.strip()
    if text:
        entry.set_value("value", "——" if is_none_mark(text) else text)
    if column.estimated:
        entry["estimated"] = True
    entry["source"] = source(line_index + 1, text)
    return entry


def _amount(entry: Item | None) -> Decimal | None:
    if entry is None or "value" not in entry.fields or "value" in entry.unreadable:
        return None
    try:
        return parse_value(str(entry["value"])).amount
    except QuantityError:
        return None


def _direction(baseline: Item | None, targets: list[Item]) -> str | None:
    first = _amount(baseline)
    last = _amount(targets[-1]) if targets else None
    if first is None or last is None:
        return None
    if last > first:
        return "increase"
    if last < first:
        return "decrease"
    return "maintain"
