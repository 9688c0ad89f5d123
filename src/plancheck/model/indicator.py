"""Indicators of the 主要指标 table: baseline and targets with units."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool, StrictInt, field_validator

from plancheck._factories import empty_list
from plancheck.model._base import ID_PATTERN, Entity
from plancheck.model.links import AlignmentLink
from plancheck.quantities import Value, ValueStatus, canonical_unit


class IndicatorType(StrEnum):
    """预期性 (expected, guiding) or 约束性 (binding, enforced)."""

    EXPECTED = "expected"
    BINDING = "binding"
    UNSPECIFIED = "unspecified"


class Direction(StrEnum):
    """Which way the indicator should move for the plan to succeed."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class PathKind(StrEnum):
    """How the 序时进度 path from baseline to target is drawn."""

    LINEAR = "linear"  # equal steps each year
    COMPOUND = "compound"  # equal growth rate each year


class IndicatorValue(Entity):
    """A baseline, target or observed value of an indicator for one year."""

    year: StrictInt | None = Field(default=None, ge=1000, le=9999)
    value: Value | None = Field(
        default=None,
        description="Amount as written (`350`, `80%`, `>= 98`, `——`); omitted when the "
        "document leaves the cell empty.",
    )
    estimated: StrictBool = Field(
        default=False, description="The document calls it an estimate (预计)."
    )

    @property
    def status(self) -> ValueStatus:
        return ValueStatus.MISSING if self.value is None else self.value.status


class Indicator(Entity):
    """One row of an indicator table (or an indicator stated only in a box)."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, description="Name as written, without the unit.")
    unit: str | None = Field(
        default=None, description="Unit from the row heading, e.g. `万户`, `%`, `Mbps`."
    )

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str | None) -> str | None:
        # Checked here so an unknown unit is reported at this field, not at the plan.
        if unit is not None:
            canonical_unit(unit)  # raises on an unknown unit, without loading pint
        return unit

    box: StrictInt | None = Field(default=None, description="Number of the 专栏 holding the row.")
    group: str | None = Field(default=None, description="Row group heading, if any.")
    parent: str | None = Field(
        default=None, description="Id of the indicator this is a 其中 (part) of."
    )
    type: IndicatorType = IndicatorType.UNSPECIFIED
    direction: Direction | None = Field(
        default=None, description="Desired direction; omitted when it cannot be told."
    )
    baseline: IndicatorValue | None = None
    targets: list[IndicatorValue] = Field(default_factory=empty_list)
    observations: list[IndicatorValue] = Field(
        default_factory=empty_list,
        description="Other stated values (e.g. an earlier year) that are neither baseline "
        "nor target.",
    )

    aligns_with: list[AlignmentLink] = Field(
        default_factory=empty_list,
        description="Upper-level plans' indicators this one is aligned with (衔接).",
    )
    path: PathKind | None = Field(
        default=None,
        description="How the 序时进度 path is drawn: linear (default) or compound.",
    )

    @property
    def key(self) -> str:
        return f"indicators/{self.id}"
