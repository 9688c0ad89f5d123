"""Quantitative statements in the running text."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool, StrictInt

from plancheck.model._base import ID_PATTERN, Entity
from plancheck.model.links import Citation
from plancheck.quantities import Value


class ClaimKind(StrEnum):
    TARGET = "target"  # a commitment for a future year (到2015年 … 达到)
    STATUS = "status"  # a reported figure (截止2009年 …)
    GROWTH = "growth"  # a stated rate of change between two years


class Claim(Entity):
    """A quantitative statement in the text, with its subject and value."""

    id: str = Field(pattern=ID_PATTERN)
    kind: ClaimKind = ClaimKind.TARGET
    quote: str = Field(min_length=1, description="The statement as written.")
    subject: str | None = Field(default=None, description="What it measures, as written.")
    section: str | None = Field(
        default=None,
        pattern=r"^\d+(\.\d+)*$",
        description="Dotted ordinal path of the section it is in.",
    )
    indicator: str | None = Field(
        default=None, description="Id of the table indicator it speaks about, if any."
    )
    year: StrictInt | None = Field(default=None, ge=1000, le=9999)
    base_year: StrictInt | None = Field(
        default=None, ge=1000, le=9999, description="For growth claims: the starting year."
    )
    annual: StrictBool = Field(
        default=False, description="For growth claims: the rate is per year (年均)."
    )
    value: Value = Field(description="The figure with its comparator, e.g. `突破350万`.")
    cite: Citation | None = Field(
        default=None, description="The upper plan's indicator whose figure the claim quotes."
    )

    @property
    def key(self) -> str:
        return f"claims/{self.id}"
