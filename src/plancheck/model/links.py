"""Links from a plan to the upper-level plans it follows (衔接)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictInt

from plancheck.model._base import ID_PATTERN, Node


class Relation(StrEnum):
    """How a lower plan's indicator stands to the upper plan's (for the same year)."""

    NOT_BELOW = "not-below"  # at least the upper target (the lower plan may do more)
    NOT_ABOVE = "not-above"  # at most the upper target (a ceiling such as energy use)
    EQUAL = "equal"  # the same target
    RESTATES = "restates"  # the row quotes the upper plan's figure as its own


class AlignmentLink(Node):
    """``aligns_with`` entry: the upper plan's indicator this one is aligned with."""

    plan: str = Field(pattern=ID_PATTERN, description="Id of the upper plan.")
    indicator: str = Field(pattern=ID_PATTERN, description="Id of the upper plan's indicator.")
    relation: Relation = Field(description="not-below, not-above, equal or restates.")


class Citation(Node):
    """``cite``: a claim quoting an upper plan's figure."""

    plan: str = Field(pattern=ID_PATTERN, description="Id of the upper plan.")
    indicator: str = Field(pattern=ID_PATTERN, description="Id of the upper plan's indicator.")
    year: StrictInt | None = Field(
        default=None,
        ge=1000,
        le=9999,
        description="Year of the upper figure quoted; defaults to the claim's year.",
    )
