"""The plan: metadata plus every entity, as one typed document."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Literal, NamedTuple

from pydantic import Field, PrivateAttr, StrictInt, field_validator, model_validator

from plancheck._factories import empty_list
from plancheck._patterns import lazy_pattern
from plancheck.model._base import DATE_PATTERN, ID_PATTERN, Entity, Node
from plancheck.model.agency import Agency
from plancheck.model.box import Box
from plancheck.model.claim import Claim
from plancheck.model.declarations import DeclaredCount, Identity, Total
from plancheck.model.evaluation import Evaluation
from plancheck.model.indicator import Indicator, IndicatorValue
from plancheck.model.period import YearRange
from plancheck.model.project import Project
from plancheck.model.revision import Revision
from plancheck.model.section import Section
from plancheck.quantities import Value, canonical_unit
from plancheck.records import YamlLocation

FORMAT_VERSION = 1
_NUMBER_YEAR = lazy_pattern(r"[〔\[［(（【]\s*([0-9]{4})\s*[〕\]］)）】]")


class IssuedDate(NamedTuple):
    """When a document was issued, as precisely as it says."""

    year: int
    month: int | None
    day: int | None


class Level(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


class Jurisdiction(Node):
    name: str = Field(min_length=1, description="e.g. 宝鸡市")
    level: Level
    parent: str | None = Field(default=None, description="e.g. 陕西省")


class SourceDocument(Node):
    """The published text this data encodes, kept beside the plan file."""

    path: str = Field(min_length=1, description="Path relative to the plan file.")
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")

    @field_validator("path")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        # No file name holds a NUL, and Python's file functions refuse one.
        if "\0" in value:
            raise ValueError("路径含有空字符（NUL）/ the path contains a NUL character")
        return value


class Plan(Node):
    """A development plan (规划) encoded as data."""

    plancheck: Literal[1] = Field(description="Marks a plan file and its format version.")
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    jurisdiction: Jurisdiction
    period: YearRange
    base_year: StrictInt | None = Field(
        default=None, ge=1000, le=9999, description="Base year, only if the document states one."
    )
    currency: str = Field(default="万元", description="Unit of bare funding numbers.")

    @field_validator("currency")
    @classmethod
    def _currency_unit(cls, unit: str) -> str:
        # A known unit is required here (so the error points at this field); that it is
        # money is PC203's finding.
        canonical_unit(unit)  # raises on an unknown unit, without loading pint
        return unit

    revision: str | None = Field(
        default=None, description="Which revision of the plan this encodes (e.g. `2012-03`)."
    )
    approved_by: str | None = Field(
        default=None,
        min_length=1,
        description="The body that approved the plan (审批机关), e.g. 宝鸡市人民政府.",
    )
    revisions: list[Revision] = Field(
        default_factory=empty_list, description="The revisions made since the plan was approved."
    )
    issued: str | None = Field(
        default=None,
        pattern=DATE_PATTERN,
        description="When the document was issued (印发), as a string: `2012-06-18`, "
        "`2012-06` or `2012`, only as precise as the document says.",
    )
    document_number: str | None = Field(
        default=None,
        min_length=1,
        description="The document number (文号) as written, e.g. `宝政发〔2012〕25号`.",
    )
    issuer: str | None = Field(
        default=None, min_length=1, description="Who issued it, as written (e.g. 宝鸡市人民政府)."
    )
    source_document: SourceDocument | None = None
    based_on: list[str] = Field(
        default_factory=empty_list,
        description="编制依据: the plans this one follows, in the order the document cites "
        "them: plan ids, or titles with 文号 as written.",
    )
    parts: list[str] = Field(
        default_factory=empty_list, description="Part files (relative paths) merged into this plan."
    )
    sections: list[Section] = Field(default_factory=empty_list)
    boxes: list[Box] = Field(default_factory=empty_list)
    indicators: list[Indicator] = Field(default_factory=empty_list)
    agencies: list[Agency] = Field(default_factory=empty_list)
    projects: list[Project] = Field(default_factory=empty_list)
    totals: list[Total] = Field(default_factory=empty_list)
    counts: list[DeclaredCount] = Field(default_factory=empty_list)
    identities: list[Identity] = Field(default_factory=empty_list)
    claims: list[Claim] = Field(default_factory=empty_list)
    evaluations: list[Evaluation] = Field(
        default_factory=empty_list, description="Evaluations of the plan against actuals."
    )

    _locations: Mapping[str, YamlLocation] = PrivateAttr(default_factory=dict)
    _path: str = PrivateAttr(default="")
    # JSON pointer -> why the cell there could not be read (set aside by the loader).
    _unreadable: dict[str, str] = PrivateAttr(default_factory=dict)

    @property
    def key(self) -> str:
        return "plan"

    @property
    def issued_date(self) -> IssuedDate | None:
        """``issued`` as (year, month or None, day or None); None when not stated."""
        if self.issued is None:
            return None
        parts = [int(part) for part in self.issued.split("-")]
        parts += [0] * (3 - len(parts))
        return IssuedDate(parts[0], parts[1] or None, parts[2] or None)

    @property
    def document_number_year(self) -> int | None:
        """The year in the 文号's brackets (〔2012〕, [2012], （2012）), if it has one."""
        if self.document_number is None:
            return None
        match = _NUMBER_YEAR().search(self.document_number)
        return int(match.group(1)) if match else None

    @property
    def path(self) -> str:
        """The plan file or directory it was loaded from ('' when built in memory)."""
        return self._path

    def locate(self, node: Node | None = None, field: str | None = None) -> YamlLocation | None:
        """Where ``node`` (or one of its fields) is written in the plan data."""
        pointer = "" if node is None else node.pointer
        if field is not None:
            found = self._locations.get(f"{pointer}/{field}")
            if found is not None:
                return found
        return self._locations.get(pointer)

    def unreadable(self, node: Node, field: str) -> str | None:
        """Why ``node``'s ``field`` could not be read, or None when it was read (or absent)."""
        return self._unreadable.get(f"{node.pointer}/{field}")

    @property
    def unreadable_cells(self) -> dict[str, str]:
        """Every cell the loader could not read: JSON pointer -> the reason."""
        return dict(self._unreadable)

    def iter_sections(self) -> Iterator[Section]:
        """Every section, depth first in document order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.sections))

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity that may carry a ``source`` reference, in document order."""
        yield from self.iter_sections()
        for box in self.boxes:
            yield box
            yield from box.items
        for indicator in self.indicators:
            yield indicator
            if indicator.baseline is not None:
                yield indicator.baseline
            yield from indicator.targets
            yield from indicator.observations
        yield from self.agencies
        yield from self.projects
        yield from self.totals
        yield from self.counts
        yield from self.identities
        yield from self.claims
        yield from self.revisions

    @model_validator(mode="after")
    def _derive(self) -> Plan:
        _number_sections(self.sections, "")
        for box in self.boxes:
            for item in box.items:
                item._box = box.number
        self._fill_implied_units()
        return self

    def _fill_implied_units(self) -> None:
        # Bare numbers take their unit from context; doing it once here means
        # no rule has to know where a unit may have been left implicit.
        for project in self.projects:
            project.funding = _with_unit(project.funding, self.currency)
        for total in self.totals:
            filled = _with_unit(total.value, self.currency)
            if filled is not None:
                total.value = filled
        units: dict[str, str] = {}
        for indicator in self.indicators:
            unit = indicator.unit or _first_unit(indicator)
            if unit is None:
                continue
            units.setdefault(indicator.id, unit)
            values = [indicator.baseline, *indicator.targets, *indicator.observations]
            for item in values:
                if item is not None:
                    item.value = _with_unit(item.value, unit)
        for evaluation in self.evaluations:
            for result in evaluation.results:
                if result.indicator in units:
                    result.actual = _with_unit(result.actual, units[result.indicator])
        for claim in self.claims:
            if claim.indicator in units and claim.kind != "growth":
                filled = _with_unit(claim.value, units[claim.indicator])
                if filled is not None:
                    claim.value = filled


def _number_sections(sections: list[Section], prefix: str) -> None:
    for section in sections:
        try:
            ordinal = section.parsed_number.ordinal
        except ValueError:  # already reported by the field validator
            ordinal = 0
        section._path = f"{prefix}{ordinal}"
        _number_sections(section.sections, f"{section._path}.")


def _with_unit(value: Value | None, unit: str) -> Value | None:
    if value is None or value.unit is not None or value.amount is None:
        return value
    return value.with_unit(unit)


def _first_unit(indicator: Indicator) -> str | None:
    values: list[IndicatorValue | None] = [
        indicator.baseline,
        *indicator.targets,
        *indicator.observations,
    ]
    for item in values:
        if item is not None and item.value is not None and item.value.unit is not None:
            return item.value.unit
    return None
