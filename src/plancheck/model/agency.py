"""Agencies: the bodies that implement projects."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from plancheck._factories import empty_list
from plancheck.model._base import ID_PATTERN, Entity


class AgencyKind(StrEnum):
    GOVERNMENT = "government"  # a government body or department
    ENTERPRISE = "enterprise"  # one named company or group
    INSTITUTION = "institution"  # public institution, university, association
    COLLECTIVE = "collective"  # an unnamed set of bodies (相关企业, 各示范企业)
    OTHER = "other"


class Agency(Entity):
    """A body named as an implementing unit, with the other names it goes by."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, description="Full name, e.g. 宝鸡市工业和信息化局.")
    aliases: list[str] = Field(
        default_factory=empty_list, description="Other names used in the document, e.g. 工信局."
    )
    kind: AgencyKind = AgencyKind.OTHER
    parent: str | None = Field(default=None, description="Id of the parent agency.")

    @property
    def key(self) -> str:
        return f"agencies/{self.id}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
