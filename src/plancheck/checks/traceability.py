"""Traceability between the 专栏, the section tree and the funded projects.

* PC401 a funded project planned in no 专栏 (先规划后立项), with near-miss names;
* PC402 a 专栏 project item that no funded project traces to;
* PC403 gaps, repeats and disorder in the 专栏 numbering;
* PC404 the same for sibling section numbers, and siblings mixing numbering styles;
* PC405 a project whose category heading differs from the title of its 专栏.

A project traces to a 专栏 item through ``PlanIndex.project_box_items`` (its explicit
``box_item``, else its normalised name).  Everything else a rule needs beyond the
index is built once per plan by ``_lookup`` and kept beside the index, so every rule
here is linear (or close to it) in the size of the plan.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from pydantic import Field

from plancheck._patterns import lazy_pattern
from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import bigrams, compared, dice
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, NoParams
from plancheck.engine.registry import check
from plancheck.model import Box, BoxItem, BoxKind, Node, NumberStyle, Plan, Project, Section
from plancheck.records import Severity

# -- lookups built once per plan ----------------------------------------------------

# An inverted index from character bigram to the 专栏 items whose (compared) name has it.
_GramIndex = dict[str, list[BoxItem]]


def _index_items(items: Iterable[BoxItem]) -> _GramIndex:
    by_gram: _GramIndex = defaultdict(list)
    for item in items:
        name = compared(item.name)
        if name:
            for gram in dict.fromkeys(bigrams(name)):
                by_gram[gram].append(item)
    return dict(by_gram)


class _Lookup:
    """Per-plan lookups that ``PlanIndex`` does not provide."""

    def __init__(self, index: PlanIndex) -> None:
        plan = index.plan
        by_title: dict[str, list[Box]] = defaultdict(list)
        # id(item) -> the box holding it (items know only their box's number)
        self.box_of_item: dict[int, Box] = {}
        for box in plan.boxes:
            by_title[index.normalised(box.title)].append(box)
            for item in box.items:
                self.box_of_item[id(item)] = box
        # normalised 专栏 title -> the boxes with that title
        self.boxes_by_title = dict(by_title)
        self._plan = plan
        self._items_by_gram: _GramIndex | None = None
        # the bigram index of the items of each 专栏 title (built when first searched)
        self.items_by_title_gram: dict[str, _GramIndex] = {}
        # id(item) -> its name as similarity compares it (normalised once, not per comparison)
        self.compared_names: dict[int, str] = {}

    @property
    def items_by_gram(self) -> _GramIndex:
        """The bigram index of every item, built when a near miss is first searched."""
        if self._items_by_gram is None:
            every_item = (item for box in self._plan.boxes for item in box.items)
            self._items_by_gram = _index_items(every_item)
        return self._items_by_gram

    def compared_name(self, item: BoxItem) -> str:
        found = self.compared_names.get(id(item))
        if found is None:
            found = self.compared_names[id(item)] = compared(item.name)
        return found


_LOOKUPS: WeakKeyDictionary[PlanIndex, _Lookup] = WeakKeyDictionary()


def _lookup(index: PlanIndex) -> _Lookup:
    found = _LOOKUPS.get(index)
    if found is None:
        found = _LOOKUPS[index] = _Lookup(index)
    return found


# -- PC401 -------------------------------------------------------------------------

_NEAR_MISSES = 3  # candidates named in the hint
# Bounds that keep the near-miss search linear in the plan, whatever its names: at most
# this many items are scored per unplanned project, chosen by reading at most this many
# entries of the bigram index, the project's rarest bigrams first.
MAX_SCORED = 16
MAX_POSTINGS = 512


def _likely(name: str, by_gram: _GramIndex) -> list[BoxItem]:
    """Up to MAX_SCORED items sharing the most of ``name``'s rarest bigrams.

    Rare bigrams tell names apart; one as common as 工程 is read only as far as the
    budget allows. Ties go to the item met first, so the choice is deterministic.
    """
    grams = sorted(dict.fromkeys(bigrams(name)), key=lambda g: (len(by_gram.get(g, ())), g))
    shared: dict[int, list[Any]] = {}  # id(item) -> [count, first seen, item]
    budget = MAX_POSTINGS
    for gram in grams:
        if budget <= 0:
            break
        posting = by_gram.get(gram, ())[:budget]
        budget -= len(posting)
        for item in posting:
            entry = shared.setdefault(id(item), [0, len(shared), item])
            entry[0] += 1
    ranked = sorted(shared.values(), key=lambda entry: (-entry[0], entry[1]))
    return [entry[2] for entry in ranked[:MAX_SCORED]]


def _near_misses(
    project: Project, lookup: _Lookup, title: str | None, threshold: float
) -> list[tuple[float, BoxItem]]:
    """The 专栏 items whose names come closest to the project's, best first.

    Items of the boxes titled like the project's category are scored first; when none
    of them is close enough, the search falls back to every 专栏.  Where there are more
    than MAX_SCORED items to choose from, only the MAX_SCORED items sharing the most
    rare bigrams with the project's name are scored (an item sharing none has
    similarity 0), so an unplanned project costs a bounded amount, however many items
    and however long the names.
    """

    name = compared(project.name)
    if not name:
        return []

    def best(items: Sequence[BoxItem]) -> list[tuple[float, BoxItem]]:
        scored = [(dice(name, lookup.compared_name(item)), item) for item in items]
        close = [(score, item) for score, item in scored if score >= threshold]
        close.sort(key=lambda pair: (-pair[0], pair[1].box_number, pair[1].number))
        return close[:_NEAR_MISSES]

    boxes = lookup.boxes_by_title.get(title, []) if title is not None else []
    pool = [item for box in boxes for item in box.items]
    if title is not None and len(pool) > MAX_SCORED:
        if title not in lookup.items_by_title_gram:
            lookup.items_by_title_gram[title] = _index_items(pool)
        pool = _likely(name, lookup.items_by_title_gram[title])
    found = best(pool)
    if found:
        return found
    return best(_likely(name, lookup.items_by_gram))


def _boxes_named(boxes: Sequence[Box], separator: str) -> str:
    return separator.join(f"专栏{box.number}" for box in boxes)


def _candidates(near: list[tuple[float, BoxItem]]) -> tuple[str, str]:
    if not near:
        return "无", "none"
    zh = "；".join(
        f"专栏{item.box_number}第{item.number}项“{item.name}”（相似度{score:.2f}）"
        for score, item in near
    )
    en = "; ".join(
        f"专栏{item.box_number} item {item.number} “{item.name}” (similarity {score:.2f})"
        for score, item in near
    )
    return zh, en


class UnplannedProjectParams(CheckParams):
    similarity: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="Least character-bigram similarity of a 专栏 item named in the hint.",
    )


@check("unplanned-project", given="projects", params=UnplannedProjectParams)
def unplanned_project(
    project: Project, index: PlanIndex, params: UnplannedProjectParams
) -> Iterator[Result]:
    """Every funded project must be planned as an item of some 专栏."""
    if project.box_item is not None:
        if project.box_item not in index.box_items:
            yield NotApplicable("the project's box_item names no 专栏 item (see PC005)")
        return  # an explicit trace to an existing item: planned
    if index.normalised(project.name) in index.box_items_by_name:
        return  # planned by name
    lookup = _lookup(index)
    category = project.category
    title = index.normalised(category) if category else None
    boxes = lookup.boxes_by_title.get(title, []) if title is not None else []
    near = _near_misses(project, lookup, title, params.similarity)
    near_zh, near_en = _candidates(near)
    if category is None:
        variant = "uncategorised"
    elif not boxes:
        variant = "no-box"
    else:
        variant = None
    yield Fail(
        args={
            "category": category or "",
            "boxes_zh": _boxes_named(boxes, "、"),
            "boxes_en": _boxes_named(boxes, ", "),
            "near_zh": near_zh,
            "near_en": near_en,
        },
        evidence={"project": project.name, "category": category or ""},
        field="name",
        variant=variant,
    )


# -- PC402 -------------------------------------------------------------------------


@check("unfunded-box-item", given="box-items")
def unfunded_box_item(item: BoxItem, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Every item of a 专栏 of projects must have a funded project tracing to it."""
    box = _lookup(index).box_of_item.get(id(item))
    if box is None or box.kind is not BoxKind.PROJECTS:
        yield NotApplicable("the 专栏 is not a list of projects")
        return
    if index.ref(item) in index.box_item_projects:
        return
    yield Fail(
        args={"box": box.number, "number": item.number, "title": box.title},
        evidence={"box": str(box.number), "item": item.name},
    )


# -- numbering (PC403, PC404) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Break:
    """Where a numbered sequence stops counting 1, 2, 3 …"""

    position: int  # of the element after the break
    variant: str | None  # None: a gap; else first-gap, order, first-order, repeat
    missing: tuple[tuple[int, int], ...]  # runs of numbers absent from the sequence (gaps)


def _absent(low: int, high: int, present: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """Runs of the numbers ``low``..``high`` missing from sorted ``present``.

    Works on runs, never number by number, so 专栏1 followed by 专栏1000000 costs
    nothing; the ranges of successive gaps do not overlap, so all calls together
    look at each present number at most once.
    """
    runs: list[tuple[int, int]] = []
    start = low
    at = bisect_left(present, low)
    while at < len(present) and present[at] <= high:
        if present[at] > start:
            runs.append((start, present[at] - 1))
        start = present[at] + 1
        at += 1
    if start <= high:
        runs.append((start, high))
    return tuple(runs)


def _breaks(numbers: Sequence[int]) -> Iterator[_Break]:
    """Gaps, repeats and disorder in ``numbers``, which should read 1, 2, 3 …

    Each element is judged against the one before it: ``n`` after ``n - 1`` is fine.
    A number used before is a repeat.  A jump forward that skips numbers found
    nowhere in the sequence is a gap naming them; one that skips numbers written
    elsewhere is disorder, and so is a step back.  After a run out of order,
    continuing from the highest number so far is fine again.  The first
    element should be 1: a higher one is a gap (or disorder), a lower one disorder.
    """
    present = sorted(set(numbers))
    seen: set[int] = set()
    previous: int | None = None
    highest = 0
    for position, number in enumerate(numbers):
        first = previous is None
        if number in seen:
            yield _Break(position, "repeat", ())
        elif previous is not None and number == previous + 1:
            pass
        elif number > highest + 1:
            missing = _absent(highest + 1, number - 1, present)
            if missing:
                yield _Break(position, "first-gap" if first else None, missing)
            else:
                yield _Break(position, "first-order" if first else "order", ())
        elif first:
            if number < 1:
                yield _Break(position, "first-order", ())
        elif number <= highest:
            yield _Break(position, "order", ())
        seen.add(number)
        highest = max(highest, number)
        previous = number


def _listing(runs: Sequence[tuple[int, int]], write: Callable[[int], str], separator: str) -> str:
    """Runs of numbers as written, long runs shortened: 专栏4、专栏5 or 专栏4–专栏9."""
    parts = []
    for low, high in runs:
        if high - low >= 2:
            parts.append(f"{write(low)}–{write(high)}")
        else:
            parts.extend(write(n) for n in range(low, high + 1))
    return separator.join(parts)


def _numbering_fail(
    found: _Break,
    node: Node,
    number: str,
    previous: str | None,
    write: Callable[[int], str],
    expected: str,
) -> Fail:
    args: dict[str, object] = {
        "number": number,
        "previous": previous or "",
        "expected": expected,
        "missing_zh": _listing(found.missing, write, "、"),
        "missing_en": _listing(found.missing, write, ", "),
    }
    evidence = {"number": number, "previous": previous or ""}
    if found.missing:
        evidence["missing"] = _listing(found.missing, write, "、")
    return Fail(args=args, evidence=evidence, node=node, field="number", variant=found.variant)


@check("box-numbering-gap", given="plan", reports_on=("boxes",))
def box_numbering_gap(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """专栏 in document order must be numbered 1, 2, 3 … with nothing skipped."""
    if not plan.boxes:
        yield NotApplicable("the plan has no 专栏")
        return
    numbers = [box.number for box in plan.boxes]

    def write(n: int) -> str:
        return f"专栏{n}"

    for found in _breaks(numbers):
        box = plan.boxes[found.position]
        previous = write(numbers[found.position - 1]) if found.position else None
        yield _numbering_fail(found, box, write(box.number), previous, write, write(1))


# PC404: heading numbers are re-written in the style of the heading after the gap.

_CJK = "零一二三四五六七八九"
_CJK_NUMERAL = lazy_pattern(r"[零一二三四五六七八九十百]+")
_DIGITS = lazy_pattern(r"[0-9０-９]+")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _cjk(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (what ``cjk_to_int`` reads)."""
    if n < 10:
        return _CJK[n]
    if n < 20:
        return "十" + (_CJK[n % 10] if n % 10 else "")
    if n < 100:
        return _CJK[n // 10] + "十" + (_CJK[n % 10] if n % 10 else "")
    rest = n % 100
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _CJK[rest]
    elif rest < 20:
        tail = "一" + _cjk(rest)  # 一百一十, not 一百十
    else:
        tail = _cjk(rest)
    return _cjk(n // 100) + "百" + tail


def _writer(written: str, style: NumberStyle) -> Callable[[int], str]:
    """A function writing any ordinal the way ``written`` (e.g. （四）, 4.) is written."""
    cjk = style in (NumberStyle.CJK, NumberStyle.CJK_PAREN) or (
        style in _ORDINAL_STYLES and _DIGITS().search(written) is None
    )
    match = (_CJK_NUMERAL() if cjk else _DIGITS()).search(written)
    if match is None:  # pragma: no cover - a parsed number always has its numeral
        return str
    head, tail = written[: match.start()], written[match.end() :]
    full_width = not cjk and unicodedata.normalize("NFKC", match.group()) != match.group()

    def write(n: int) -> str:
        if cjk:
            return f"{head}{_cjk(n)}{tail}"
        body = str(n).translate(_FULL_WIDTH) if full_width else str(n)
        return f"{head}{body}{tail}"

    return write


# 第一章 … may be written with Chinese numerals or digits (第3节).
_ORDINAL_STYLES = frozenset({NumberStyle.PART, NumberStyle.CHAPTER, NumberStyle.SECTION})


def _sibling_groups(plan: Plan) -> Iterator[list[Section]]:
    """Every list of sibling sections: the top level, then each heading's children.

    Chapters count on across 篇 (第一篇 holds 第一章–第三章, 第二篇 starts at 第四章), so
    the children of the parts of one level are counted as one list.
    """
    yield from _groups(plan.sections)


def _groups(siblings: list[Section]) -> Iterator[list[Section]]:
    yield siblings
    parts = [s for s in siblings if s.parsed_number.style is NumberStyle.PART]
    chapters = [child for part in parts for child in part.sections]
    if chapters:
        yield chapters
    others = [s for s in siblings if s.parsed_number.style is not NumberStyle.PART]
    for section in chapters + others:
        if section.sections:
            yield from _groups(section.sections)


@check("section-numbering-gap", given="plan", reports_on=("sections",))
def section_numbering_gap(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Sibling headings must count 1, 2, 3 … in one numbering style."""
    if not plan.sections:
        yield NotApplicable("the plan has no sections")
        return
    for siblings in _sibling_groups(plan):
        styles = [section.parsed_number.style for section in siblings]
        # The style most siblings use (the first one's on a tie) is the level's style;
        # headings in another style are reported as such and left out of the count.
        counts = Counter(styles)
        main = max(counts, key=lambda style: (counts[style], -styles.index(style)))
        model = siblings[styles.index(main)]
        for section, style in zip(siblings, styles, strict=True):
            if style is not main:
                yield Fail(
                    args={"number": section.number, "expected": model.number},
                    evidence={"number": section.number, "style": str(main)},
                    severity=Severity.WARNING,
                    node=section,
                    field="number",
                    variant="mixed-style",
                )
        counted = [s for s, style in zip(siblings, styles, strict=True) if style is main]
        numbers = [section.parsed_number.ordinal for section in counted]
        for found in _breaks(numbers):
            section = counted[found.position]
            write = _writer(section.number, main)
            previous = counted[found.position - 1].number if found.position else None
            yield _numbering_fail(found, section, section.number, previous, write, write(1))


# -- PC405 -------------------------------------------------------------------------


@check("mismatched-project-category", given="projects")
def mismatched_project_category(
    project: Project, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A project's category heading must match the title of the 专栏 that plans it."""
    # Traced as PlanIndex.project_box_items traces it, but for this project object
    # (that map is keyed by id, and PC006 may find two projects with one id).
    if project.box_item is not None:
        item = index.box_items.get(project.box_item)
    else:
        named = index.box_items_by_name.get(index.normalised(project.name), [])
        item = named[0] if named else None
    if item is None:
        yield NotApplicable("the project traces to no 专栏 item (see PC401)")
        return
    if project.category is None:
        yield NotApplicable("the project is listed under no category")
        return
    box = _lookup(index).box_of_item.get(id(item))
    if box is None:  # pragma: no cover - every indexed item sits in a box
        yield NotApplicable("the 专栏 of the traced item is unknown")
        return
    if index.normalised(project.category) == index.normalised(box.title):
        return
    yield Fail(
        args={
            "category": project.category,
            "box": box.number,
            "item": item.number,
            "title": box.title,
        },
        evidence={"category": project.category, "box_title": box.title},
        field="category",
    )
