"""Funded projects of the appendix (附件): who, when, how much."""

from __future__ import annotations

from pydantic import Field

from plancheck._factories import empty_list
from plancheck.model._base import ID_PATTERN, Entity, Node
from plancheck.model.period import YearRange
from plancheck.quantities import Value


class Implementer(Node):
    """One implementing unit as written, resolved to an agency when possible."""

    text: str = Field(min_length=1, description="The unit exactly as written, e.g. 移动.")
    agency: str | None = Field(default=None, description="Id of the agency it refers to.")


class Project(Entity):
    """A funded project (重点工程) from the plan's project list."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    category: str | None = Field(
        default=None, description="The category heading it is listed under, as written."
    )
    implementers_text: str | None = Field(
        default=None, description="The 实施单位 cell exactly as written, e.g. `工信局、公安局等`."
    )
    implementers: list[Implementer] = Field(default_factory=empty_list)
    years: YearRange | None = Field(default=None, description="实施年度, e.g. `2011-2013`.")
    funding: Value | None = Field(
        default=None,
        description="计划经费; a bare number is in the plan's `currency` unit.",
    )
    box_item: str | None = Field(
        default=None,
        pattern=r"^\d+\.\d+$",
        description="Explicit trace to a 专栏 item as `<box>.<item>`, e.g. `3.2`.",
    )

    @property
    def key(self) -> str:
        return f"projects/{self.id}"
