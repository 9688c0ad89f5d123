"""Implementing units (实施单位): who is accountable for each funded project.

* PC501 a unit that resolves to no agency;
* PC502 units that are no specific accountable body (collective agencies, vague
  words such as 相关企业, an open list ending in 等);
* PC503 a project with no implementing unit at all.

A project's units are its ``implementers``.  When the encoder left that list empty
but kept the 实施单位 cell in ``implementers_text``, the cell is split the way the
format describes (on 、，； and 及/以及, a trailing 等 dropped; not when the whole
cell is one agency's name) so the rules still see the units.  Names resolve through
``PlanIndex.agencies_by_name`` (normalised names and aliases), so each project costs
a few dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field, field_validator

from plancheck._patterns import lazy_pattern
from plancheck.checks._roles import without_role
from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import normalise
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, DistinctTexts, NoParams
from plancheck.engine.registry import check
from plancheck.model import Agency, AgencyKind, Project


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str  # as written
    agency: str | None  # the explicit agency id, if any
    field: str  # where it is written in the project


# 、，,；; and the conjunctions the format splits the 实施单位 cell on.
_SEPARATORS = lazy_pattern(r"[、，,；;/／]|以及|及")
# A trailing 等 (possibly followed by punctuation) marks an open-ended list.
_OPEN_LIST = lazy_pattern(r"等[\s。.，,；;）)]*$")
# Cells that say there is no unit: dashes, blanks, 无 / 暂无 / 待定.
_DASHES = lazy_pattern(r"^[\s\-—–－―/／]*$")
_NO_UNIT = frozenset({"无", "暂无", "待定", "未定"})


def _open_ended(text: str | None) -> bool:
    return text is not None and bool(_OPEN_LIST().search(text.strip()))


def _units(project: Project, index: PlanIndex) -> list[_Unit]:
    """The project's implementing units, in the order written."""
    if project.implementers:
        return [
            _Unit(implementer.text, implementer.agency, f"implementers/{position}/text")
            for position, implementer in enumerate(project.implementers)
        ]
    text = project.implementers_text
    if text is None or _unassigned(text):
        return []
    text = _OPEN_LIST().sub("", text.strip())
    if normalise(text) in index.agencies_by_name:
        return [_Unit(text, None, "implementers_text")]  # one unit whose name has 及 or 、
    parts = (without_role(part)[0] for part in _SEPARATORS().split(text))
    return [_Unit(part, None, "implementers_text") for part in parts if part]


def _has_lead(project: Project, index: PlanIndex, words: tuple[str, ...]) -> bool:
    """Whether the 实施单位 cell names a specific body that leads (…牵头, 由…负责)."""
    text = project.implementers_text
    if text is None:
        return False
    ids = {normalise(unit.text): unit.agency for unit in _units(project, index)}
    for part in _SEPARATORS().split(text):
        name, leads = without_role(part)
        if not leads or any(word in name for word in words):
            continue
        agency = _resolve(_Unit(name, ids.get(normalise(name)), "implementers_text"), index)
        if agency is not None and agency.kind is not AgencyKind.COLLECTIVE:
            return True
    return False


def _unassigned(text: str) -> bool:
    return bool(_DASHES().match(text)) or text.strip() in _NO_UNIT


def _resolve(unit: _Unit, index: PlanIndex) -> Agency | None:
    """The agency a unit names: its explicit id, else its normalised name or alias."""
    if unit.agency is not None:
        found = index.agencies.get(unit.agency, [])
        return found[0] if found else None
    named = index.agencies_by_name.get(normalise(unit.text), [])
    return named[0] if named else None


# -- PC501 -------------------------------------------------------------------------


@check("unresolved-implementer", given="projects")
def unresolved_implementer(
    project: Project, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """Every implementing unit must name an agency of the plan's agency list."""
    units = _units(project, index)
    if not units:
        yield NotApplicable("the project names no implementing unit (see PC503)")
        return
    for unit in units:
        if unit.agency is not None:
            continue  # an explicit id; one that names nothing is PC005's
        if normalise(unit.text) in index.agencies_by_name:
            continue
        yield Fail(
            args={"unit": unit.text},
            evidence={"unit": unit.text},
            field=unit.field,
        )


# -- PC502 -------------------------------------------------------------------------

DEFAULT_VAGUE_WORDS = (
    "相关企业",
    "相关单位",
    "相关部门",
    "相关机构",
    "有关",
    "各示范企业",
    "各企业",
    "各单位",
    "各部门",
    "各县区",
    "各区县",
    "其他",
    "其它",
    "园区内",
)


MAX_VAGUE_WORD_CHARS = 100


class VagueImplementerParams(CheckParams):
    vague_words: DistinctTexts = Field(
        default=DEFAULT_VAGUE_WORDS,
        max_length=1000,
        description="Words that make an implementing unit vague when its text contains one.",
    )

    @field_validator("vague_words")
    @classmethod
    def _short_words(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        # Each word is searched for in every unit's text: keep that cost bounded.
        if any(len(word) > MAX_VAGUE_WORD_CHARS for word in words):
            raise ValueError(f"each word may have at most {MAX_VAGUE_WORD_CHARS} characters")
        return words


@check("vague-implementer", given="projects", params=VagueImplementerParams)
def vague_implementer(
    project: Project, index: PlanIndex, params: VagueImplementerParams
) -> Iterator[Result]:
    """Implementing units must be specific bodies that can be held to account."""
    units = _units(project, index)
    open_list = _open_ended(project.implementers_text)
    if not units and not open_list:
        yield NotApplicable("the project names no implementing unit (see PC503)")
        return
    words = params.vague_words
    if _has_lead(project, index, words):
        return  # a named lead answers for the project, whoever else takes part
    reasons_zh: list[str] = []
    reasons_en: list[str] = []
    vague: list[str] = []
    for unit in units:
        agency = _resolve(unit, index)
        word = next((w for w in words if w in unit.text), None)
        if agency is not None and agency.kind is AgencyKind.COLLECTIVE:
            reasons_zh.append(f"“{unit.text}”（泛指的一类单位）")
            reasons_en.append(f"“{unit.text}” (an unnamed set of bodies)")
        elif word is not None:
            reasons_zh.append(f"“{unit.text}”（含“{word}”）")
            reasons_en.append(f"“{unit.text}” (contains “{word}”)")
        else:
            continue
        vague.append(unit.text)
    if open_list:
        cell = (project.implementers_text or "").strip()
        reasons_zh.append(f"“{cell}”（以“等”结尾的开放式列举）")
        reasons_en.append(f"“{cell}” (an open list ending in 等)")
        vague.append(cell)
    if not vague:
        return
    yield Fail(
        args={"units_zh": "；".join(reasons_zh), "units_en": "; ".join(reasons_en)},
        evidence={"units": "、".join(vague)},
        field="implementers_text" if project.implementers_text is not None else "implementers",
    )


# -- PC503 -------------------------------------------------------------------------


@check("unassigned-project", given="projects")
def unassigned_project(project: Project, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Every project must name at least one implementing unit."""
    if project.implementers:
        return
    text = project.implementers_text
    if text is not None and not _unassigned(text):
        return
    written = (text or "").strip()
    yield Fail(
        args={"written": written},
        evidence={"implementers_text": written},
        field="implementers_text" if text is not None else None,
        variant="written" if written else None,
    )
