"""Running the recognisers over a document in order and assembling the draft."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import ValidationError

from plancheck.extraction import _appendix, _boxes, _claims, _counts, _indicators
from plancheck.extraction._agencies import resolve
from plancheck.extraction._boxes import Segment
from plancheck.extraction._document import Document
from plancheck.extraction._draft import Draft, Item, plain, source
from plancheck.extraction._headings import Tree, candidates
from plancheck.extraction._meta import read_meta
from plancheck.extraction._report import ExtractReport, Region
from plancheck.extraction._text import squeeze
from plancheck.model import Plan

_ANNEX: Final = re.compile(r"^(附件|附表)\d*[:：]?$")
_HEADLINE: Final = re.compile(
    r"(\d{4})年(?:末|底)?(?:我市|全市|全省|全县|全区|全国)?"
    r"(?P<name>[\u4e00-\u9fff“”]{2,24}?)(?:达到|达|突破|超过)(?P<value>\d[^,，。;；]*)"
)
_STATUS_TITLE: Final = re.compile(r"现状|成绩|成就|回顾|发展基础|取得")


@dataclass(slots=True)
class _State:
    doc: Document
    draft: Draft
    report: ExtractReport
    period: tuple[int, int] | None
    tree: Tree = field(default_factory=Tree)
    ctx: _claims.Context = field(init=False)
    text_lines: list[int] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)
    pending_counts: list[Item] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ctx = _claims.Context(self.period, self.draft.indicators)


def _running_text(state: _State, segment: Segment, section: str | None = None) -> None:
    doc = state.doc
    line = segment.line
    original, folded = doc.lines[line - 1], doc.folded[line - 1]
    pieces: list[tuple[int, int]] = []
    cursor = segment.start
    if segment.box is None:
        for heading in candidates(line, original, folded, segment.start, segment.end):
            if state.tree.add(heading):
                pieces.append((cursor, heading.column))
                cursor = heading.end
                state.placed.add(line)
                if _STATUS_TITLE.search(heading.title):
                    state.ctx.status_paths.add(heading.path)
            elif heading.title:
                state.report.unplaced.append(
                    Region(
                        line,
                        line,
                        f"编号“{heading.number}”不合章节顺序，按正文处理 / "
                        f"number {heading.number!r} does not fit the section sequence; "
                        "read as text",
                    )
                )
    pieces.append((cursor, segment.end))
    before = len(state.ctx.claims)
    for start, end in pieces:
        path = section if section is not None else state.tree.path_at(line, start)
        if start < end:
            _claims.scan(doc, line, start, end, path, state.ctx)
    # Counts are read in headings too (建立覆盖市、县、乡三级的…平台).
    _counts.scan(doc, line, segment.start, segment.end, state.draft.counts, state.pending_counts)
    if len(state.ctx.claims) > before:
        state.placed.add(line)
    if segment.box is None and segment.start == 0:
        state.text_lines.append(line)


def _box(state: _State, index: int) -> int:
    doc = state.doc
    scan = _boxes.parse_box(doc, index)
    box = scan.box
    section = state.tree.path_at(index + 1, 0, max_level=2)
    if section is not None:
        box["section"] = section
        box.doubt(
            "section", "取其前最近的一、/（一）级标题 / the nearest 一、/（一） heading before it"
        )
        fields = box.fields
        box.fields = {k: fields[k] for k in ("number", "title") if k in fields}
        box.fields["section"] = section
        box.fields.update({k: v for k, v in fields.items() if k not in box.fields})
    state.draft.boxes.append(box)
    cursor = scan.end
    columns = _indicators.find_header(doc, cursor) if cursor < len(doc) else None
    if columns is not None and "items" not in box.fields:
        table = _indicators.parse_table(
            doc, cursor, state.period, box["number"], len(state.draft.indicators) + 1
        )
        box["kind"] = "indicators"
        state.draft.indicators.extend(table.indicators)
        for segment in scan.preamble:
            _headline(state, segment, box)
        cursor = table.end
    for segment in scan.segments:
        _running_text(state, segment, section)
    state.placed.update(range(index + 1, cursor + 1))
    if scan.tail is not None:
        _running_text(state, scan.tail)
    return cursor


def _headline(state: _State, segment: Segment, box: Item) -> None:
    """总体目标：…2015年末…指数达到0.812 — an indicator stated in the box, not in the table."""
    text = state.doc.folded[segment.line - 1]
    original = state.doc.lines[segment.line - 1]
    label = text.split(":", 1)[0].strip() if ":" in text else None
    for match in _HEADLINE.finditer(text):
        year = int(match.group(1))
        if state.period is not None and year < state.period[0]:
            continue
        indicator = Item()
        indicator["id"] = f"indicator-{len(state.draft.indicators) + 1}"
        indicator["name"] = original[match.start("name") : match.end("name")]
        indicator["box"] = box["number"]
        if label:
            indicator["group"] = label
        indicator["type"] = "unspecified"
        indicator.doubt("type", "专栏文字所述，无属性 / stated in the box text, no type given")
        target = Item()
        target["year"] = year
        target.set_value("value", original[match.start("value") : match.end("value")].strip())
        target["source"] = source(segment.line, original[match.start() : match.end()])
        indicator["targets"] = [target]
        indicator["source"] = source(
            segment.line, original[match.start("name") : match.end("value")]
        )
        state.draft.indicators.append(indicator)


def _appendix_at(state: _State, index: int, jurisdiction: str | None) -> int | None:
    appendix = _appendix.parse_appendix(state.doc, index, jurisdiction)
    if appendix is None:
        return None
    state.draft.projects.extend(appendix.projects)
    state.draft.totals.extend(appendix.totals)
    state.categories.extend(name for _, name in appendix.categories)
    if appendix.currency:
        state.draft.meta["currency"] = appendix.currency
    state.placed.update(range(index + 1, appendix.end + 1))
    return appendix.end


def _annex_title(doc: Document, index: int) -> bool:
    """附件 and the appendix's own title just before its table."""
    if _ANNEX.match(squeeze(doc.lines[index])):
        return True
    if index > 0 and _ANNEX.match(squeeze(doc.lines[index - 1])):
        following = range(index + 1, min(index + 3, len(doc)))
        return any(_appendix.find_header(doc, at) for at in following)
    return False


def run(doc: Document) -> tuple[Draft, ExtractReport]:
    report = ExtractReport(doc.path, doc.kind)
    draft = Draft()
    meta, period, jurisdiction, title_index = read_meta(doc)
    draft.meta = meta
    state = _State(doc, draft, report, period)
    index = 0
    while index < len(doc):
        line = doc.lines[index]
        if index == title_index or not line.strip():
            state.placed.add(index + 1)
            index += 1
            continue
        if _boxes.title_at(doc, index) is not None:
            index = _box(state, index)
            continue
        if _indicators.find_header(doc, index) is not None:
            table = _indicators.parse_table(doc, index, period, None, len(draft.indicators) + 1)
            draft.indicators.extend(table.indicators)
            state.placed.update(range(index + 1, table.end + 1))
            index = table.end
            continue
        end = _appendix_at(state, index, jurisdiction)
        if end is not None:
            index = end
            continue
        if _annex_title(doc, index):
            state.placed.add(index + 1)
            index += 1
            continue
        _running_text(state, Segment(index + 1, 0, len(line)))
        index += 1
    _counts.resolve_pending(state.pending_counts, state.categories, draft.counts)
    draft.sections = state.tree.roots
    draft.claims = state.ctx.claims
    _claims.link(draft.claims, draft.indicators)
    draft.agencies = resolve(draft.projects, jurisdiction)
    _account(state)
    return draft, report


def _account(state: _State) -> None:
    report, draft, doc = state.report, state.draft, state.doc
    report.found = {
        "sections": sum(1 for _ in state.tree.headings),
        "boxes": len(draft.boxes),
        "box items": sum(len(box.get("items", [])) for box in draft.boxes),
        "indicators": len(draft.indicators),
        "projects": len(draft.projects),
        "agencies": len(draft.agencies),
        "totals": len(draft.totals),
        "counts": len(draft.counts),
        "claims": len(draft.claims),
    }
    if "title" not in draft.meta.fields and not draft.has_content():
        report.no_plan = True
        return
    # Short lines no recogniser took are most likely a table of an unknown layout.
    run_start: int | None = None
    for number in range(1, len(doc) + 2):
        text = doc.lines[number - 1].strip() if number <= len(doc) else ""
        # A short sentence is prose; short lines without a full stop look like cells.
        short = (
            number not in state.placed
            and 0 < len(text) <= 40
            and not text.endswith(("。", "；", "！", "？", ".", ";"))
        )
        if short and run_start is None:
            run_start = number
        elif not short and run_start is not None:
            if number - run_start >= 2:
                report.unplaced.append(
                    Region(
                        run_start,
                        number - 1,
                        "短行未能识别（可能是未知版式的表格），未提取 / short lines not recognised "
                        "(perhaps a table of an unknown layout); nothing extracted",
                    )
                )
            run_start = None
    report.unplaced.sort(key=lambda region: (region.start, region.end))
    for entity, line in _all_items(draft):
        for key, why in sorted(entity.unsure.items()):
            report.guesses.append(Region(line, line, f"{key}: {why}"))
    report.guesses.sort(key=lambda region: (region.start, region.what))


def _all_items(draft: Draft) -> list[tuple[Item, int]]:
    """Every mapping with the source line of the nearest entity that has one (0: none)."""
    found: list[tuple[Item, int]] = []

    def walk(value: Any, line: int = 0) -> None:
        if isinstance(value, Item):
            where = value.get("source")
            if isinstance(where, dict):
                line = int(where.get("line", line))
            found.append((value, line))
            for inner in value.fields.values():
                walk(inner, line)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, line)

    walk(draft.meta)
    for key in (
        "sections",
        "boxes",
        "indicators",
        "agencies",
        "projects",
        "totals",
        "counts",
        "claims",
    ):
        walk(getattr(draft, key))
    return found


def build_plan(draft: Draft, report: ExtractReport) -> Plan | None:
    """The in-memory plan (fields plancheck cannot read yet left out)."""
    if report.no_plan:
        return None
    data: dict[str, Any] = plain(draft.meta, readable_only=True)
    data.setdefault("currency", "万元")
    for key in (
        "sections",
        "boxes",
        "indicators",
        "agencies",
        "projects",
        "totals",
        "counts",
        "claims",
    ):
        # A claim or total is its value: without a readable one it stays in the YAML only.
        entries = [
            entry
            for entry in getattr(draft, key)
            if not (key in {"claims", "totals"} and "value" in entry.unreadable)
        ]
        if entries:
            data[key] = plain(entries, readable_only=True)
    missing = [key for key in ("title", "period", "jurisdiction") if key not in data]
    if missing:
        report.problems.append(
            f"缺少必需的元数据 {', '.join(missing)}，请补上 / required metadata not found: "
            f"{', '.join(missing)}; add it by hand"
        )
        return None
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors()[:10]:
            where = "/".join(str(part) for part in error["loc"])
            report.problems.append(f"{where}: {error['msg']}")
        return None
