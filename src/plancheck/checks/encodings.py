"""Two encodings of one fact must agree: the 实施单位 text and the implementers list
(PC504), a claim's subject and its indicator's name (PC310), one indicator under two
names (PC311), successive targets (PC312), 专栏 item numbers (PC406), declared counts
and the structure they count (PC605), and the period and the title (PC106).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from typing import Final
from weakref import WeakKeyDictionary

from plancheck._patterns import lazy_pattern
from plancheck.checks import _bounds as b
from plancheck.checks._roles import without_role
from plancheck.checks.traceability import _breaks, _numbering_fail
from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import normalise
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import (
    Box,
    Claim,
    DeclaredCount,
    Direction,
    Indicator,
    Plan,
    Project,
    Section,
)
from plancheck.quantities import QuantityError

# -- PC406 -----------------------------------------------------------------------------


@check("box-item-numbering-gap", given="boxes")
def box_item_numbering_gap(box: Box, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """The items of a 专栏 must be numbered 1, 2, 3 … with nothing skipped."""
    if not box.items:
        yield NotApplicable("the 专栏 has no numbered items")
        return
    numbers = [item.number for item in box.items]

    def write(n: int) -> str:
        return f"{n}."

    for found in _breaks(numbers):
        item = box.items[found.position]
        previous = write(numbers[found.position - 1]) if found.position else None
        fail = _numbering_fail(found, item, write(item.number), previous, write, write(1))
        yield Fail(
            args={**fail.args, "box": f"专栏{box.number}"},
            evidence={**fail.evidence, "box": str(box.number)},
            node=item,
            field="number",
            variant=fail.variant,
        )


# -- PC504 -----------------------------------------------------------------------------

_PUNCTUATION: Final = lazy_pattern(r"[、，,；;/／]")
_CONJUNCTIONS: Final = lazy_pattern(r"以及|及|和|与")
_ETC: Final = lazy_pattern(r"等+$")


def _named(text: str) -> list[str]:
    # Role words first: 参与 ends in the conjunction 与.
    chunks = (without_role(_ETC().sub("", c.strip()))[0] for c in _PUNCTUATION().split(text))
    parts = [part.strip() for chunk in chunks for part in _CONJUNCTIONS().split(chunk)]
    return [normalise(_ETC().sub("", part).strip()) for part in parts if part]


@check("mismatched-implementers", given="projects")
def mismatched_implementers(
    project: Project, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """The implementers list must name the bodies the 实施单位 cell names, no more, no less."""
    if project.implementers_text is None or not project.implementers:
        yield NotApplicable("the project does not give both the 实施单位 text and a list")
        return
    written = _named(project.implementers_text)
    listed = [normalise(implementer.text) for implementer in project.implementers]
    whole = normalise(project.implementers_text)
    extra = [
        implementer.text
        for implementer, key in zip(project.implementers, listed, strict=True)
        if key not in written and key not in whole
    ]
    missing = [
        part for part in written if part not in listed and not any(part in k for k in listed)
    ]
    if not extra and not missing:
        return
    yield Fail(
        args={
            "project": project.name,
            "text": project.implementers_text,
            "extra": "、".join(extra) or "—",
            "missing": "、".join(missing) or "—",
        },
        evidence={"extra": "、".join(extra), "missing": "、".join(missing)},
        field="implementers",
    )


# -- PC310 -----------------------------------------------------------------------------

# Who or what a figure is about; the first of these in a name ends its population.
_POPULATIONS: Final = (
    "企业", "用户", "家庭", "居民", "人口", "农户", "农民", "行政村", "学校", "医院", "城市",
    "城镇", "农村", "县区", "乡镇", "社区", "机关", "人员", "学生", "网民", "园区",
)  # fmt: skip


def population(name: str) -> str | None:
    """The population a name is about: its text up to the first run of population words.

    "农村家庭电脑拥有率" -> 农村家庭; "装备制造型企业达到…比例" -> 装备制造型企业.
    """
    text = normalise(name)
    ends = [(text.find(word) + len(word)) for word in _POPULATIONS if word in text]
    if not ends:
        return None
    end = min(ends)
    extended = True
    while extended:
        extended = False
        for word in _POPULATIONS:
            if text.startswith(word, end):
                end += len(word)
                extended = True
    return text[:end]


@check("mismatched-claim-subject", given="claims")
def mismatched_claim_subject(claim: Claim, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A claim about an indicator must be about the same population as the indicator."""
    if claim.indicator is None or claim.subject is None:
        yield NotApplicable("the claim names no indicator or no subject")
        return
    indicator = b.indicator(index, claim.indicator)
    if indicator is None:
        yield NotApplicable("the claim names an undefined or duplicated indicator (see PC005)")
        return
    said, named = population(claim.subject), population(indicator.name)
    if said is None or named is None:
        yield NotApplicable("the subject or the indicator's name names no population")
        return
    if _subsequence(said, named) or _subsequence(named, said):
        return  # one narrows or widens the other (农村家庭用户 and 农村用户)
    yield Fail(
        args={"subject": claim.subject, "indicator": indicator.name, "said": said, "named": named},
        evidence={"subject": claim.subject, "indicator": indicator.name},
        field="subject",
    )


# -- PC311 -----------------------------------------------------------------------------


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


def _variants(name: str, text: str) -> Iterator[str]:
    """Names in ``text`` that begin and end like ``name`` but differ in between."""
    if len(name) < 5:
        return
    start, end = name[:2], name[-2:]
    at = text.find(start)
    while at >= 0:
        stop = text.find(end, at + len(start), at + len(name) + 4)
        if stop >= 0:
            candidate = text[at : stop + len(end)]
            if (
                candidate != name
                and not _subsequence(name, candidate)
                and not _subsequence(candidate, name)
            ):
                yield candidate
        at = text.find(start, at + 1)


def _texts(indicator: Indicator, index: PlanIndex) -> Iterator[str]:
    for item in (indicator, *b.table_values(indicator)):
        if item.source is not None and item.source.quote is not None:
            yield item.source.quote
    for claim in index.claims_by_indicator.get(indicator.id, []):
        yield claim.quote
        if claim.subject is not None:
            yield claim.subject


@check("renamed-indicator", given="indicators")
def renamed_indicator(indicator: Indicator, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """The text should call an indicator by one name."""
    name = normalise(indicator.name)
    others = sorted(
        {v for text in _texts(indicator, index) for v in _variants(name, normalise(text))}
    )
    if not others:
        return
    yield Fail(
        args={"indicator": indicator.name, "others": "、".join(others)},
        evidence={"indicator": indicator.name, "others": "、".join(others)},
        field="name",
    )


# -- PC312 -----------------------------------------------------------------------------


@check("regressing-target", given="indicators")
def regressing_target(indicator: Indicator, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A later target must not fall behind an earlier one, in the indicator's direction."""
    if indicator.direction not in (Direction.INCREASE, Direction.DECREASE):
        yield NotApplicable("the indicator should neither increase nor decrease")
        return
    levels = sorted(
        (
            t
            for t in indicator.targets
            if t.year is not None and t.value is not None and t.value.is_level
        ),
        key=lambda t: t.year or 0,
    )
    if len(levels) < 2:
        yield NotApplicable("the indicator has fewer than two targets that are levels")
        return
    sign = 1 if indicator.direction is Direction.INCREASE else -1
    for earlier, later in pairwise(levels):
        assert earlier.value is not None and later.value is not None
        if earlier.year == later.year or not b.same_qualifier(earlier.value, later.value):
            continue
        try:
            first, second, _ = b.in_common_unit(earlier.value, later.value)
        except QuantityError:
            continue
        if sign > 0:
            ahead = b.upper_end(later.value.comparator, second)
            behind = b.lower_end(earlier.value.comparator, first)
            regressed = ahead is not None and behind is not None and ahead < behind
        else:
            ahead = b.lower_end(later.value.comparator, second)
            behind = b.upper_end(earlier.value.comparator, first)
            regressed = ahead is not None and behind is not None and ahead > behind
        if regressed:
            yield Fail(
                args={
                    "indicator": indicator.name,
                    "year": later.year,
                    "target": b.shown(later.value),
                    "earlier_year": earlier.year,
                    "earlier": b.shown(earlier.value),
                    "direction_zh": "提高" if sign > 0 else "降低",
                    "direction_en": "increase" if sign > 0 else "decrease",
                },
                evidence={
                    "target": f"{b.shown(later.value)} ({later.year})",
                    "earlier": f"{b.shown(earlier.value)} ({earlier.year})",
                },
                node=later,
                field="value",
            )


# -- PC605 -----------------------------------------------------------------------------


class _Structures:
    """What counts count, gathered once per plan however many counts it declares."""

    def __init__(self, plan: Plan) -> None:
        names = [p.category for p in plan.projects if p.category]
        self.categories = list(dict.fromkeys(names))
        self.boxes = [f"专栏{box.number}" for box in plan.boxes]
        self.boxes_by_number: dict[int, list[Box]] = defaultdict(list)
        for box in plan.boxes:
            self.boxes_by_number[box.number].append(box)
        self.sections_by_path: dict[str, list[Section]] = defaultdict(list)
        for section in plan.iter_sections():
            self.sections_by_path[section.path].append(section)


_STRUCTURES: WeakKeyDictionary[PlanIndex, _Structures] = WeakKeyDictionary()


def _structure(count: DeclaredCount, index: PlanIndex) -> tuple[list[str], str] | NotApplicable:
    """The items of the structure a count counts, and how to name it."""
    known = _STRUCTURES.get(index)
    if known is None:
        known = _STRUCTURES[index] = _Structures(index.plan)
    of = count.of
    if of == "project-categories":
        return list(known.categories), "附件项目类别 / project categories of the appendix"
    if of == "boxes":
        return list(known.boxes), "专栏 / boxes"
    if of is not None and of.startswith("box:"):
        number = int(of.split(":", 1)[1])
        boxes = known.boxes_by_number.get(number, [])
        if len(boxes) != 1:
            return NotApplicable(f"专栏{number} is undefined or duplicated (see PC005/PC006)")
        return [item.name for item in boxes[0].items], f"专栏{number}"
    if of is not None and of.startswith("section:"):
        path = of.split(":", 1)[1]
        found = known.sections_by_path.get(path, [])
        if len(found) != 1:
            return NotApplicable(f"section {path} is undefined (see PC005)")
        return [s.title for s in found[0].sections], f"{found[0].number}{found[0].title}"
    return NotApplicable("the count does not say which structure it counts (`of`)")


@check("miscounted-structure", given="counts")
def miscounted_structure(
    count: DeclaredCount, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A declared count must match the structure it counts (八大工程 vs the appendix headings)."""
    found = _structure(count, index)
    if isinstance(found, NotApplicable):
        yield found
        return
    items, where = found
    if len(items) == count.count:
        return
    listing = "、".join(items)
    yield Fail(
        args={
            "phrase": count.phrase,
            "count": count.count,
            "actual": len(items),
            "where": where,
            "items": listing,
        },
        evidence={"count": str(count.count), "actual": str(len(items)), "of": count.of or ""},
        field="count",
    )


# -- PC106 -----------------------------------------------------------------------------

_FIVE_YEAR: Final = lazy_pattern(
    r"(?:“|\"|「)?十([一二三四五六七八九]?)五(?:”|\"|」)?(?:时期|期间|规划|计划)?"
)
_ORDINAL: Final = "一二三四五六七八九"


def five_year_period(title: str) -> tuple[str, int, int] | None:
    """The 五年规划 a title names (十二五 -> 2011–2015), as (words, start, end)."""
    match = _FIVE_YEAR().search(title)
    if match is None:
        return None
    ones = _ORDINAL.index(match.group(1)) + 1 if match.group(1) else 0
    number = 10 + ones
    # From the 3rd plan (1966–1970) on, the plans follow one another every five years.
    start = 1966 + 5 * (number - 3)
    words = f"十{match.group(1)}五"
    return words, start, start + 4


@check("period-title-mismatch", given="plan")
def period_title_mismatch(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """The period must lie within the five years the title names (“十二五” is 2011–2015)."""
    named = five_year_period(plan.title)
    if named is None:
        yield NotApplicable("the title names no five-year plan (十二五, 十四五 …)")
        return
    words, start, end = named
    if start <= plan.period.start <= plan.period.end <= end:
        return  # the whole five years, or a part of them (a 后三年行动计划)
    years = plan.period.end - plan.period.start + 1
    yield Fail(
        args={
            "title": plan.title,
            "words": words,
            "start": start,
            "end": end,
            "period": str(plan.period),
            "years": years,
        },
        evidence={"words": words, "period": str(plan.period)},
        field="period",
    )
