"""Boxed panels (专栏): indicator tables and key-project lists."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, PrivateAttr, StrictBool, StrictInt

from plancheck._factories import empty_list
from plancheck.model._base import Entity


class BoxKind(StrEnum):
    INDICATORS = "indicators"
    PROJECTS = "projects"
    OTHER = "other"


class BoxItem(Entity):
    """A numbered entry of a 专栏, usually a key project."""

    number: StrictInt = Field(ge=0, description="The item number as written (1. 2. …).")
    name: str = Field(min_length=1, description="The item's name as written, before the colon.")
    text: str | None = Field(default=None, description="The description after the name.")

    _box: StrictInt = PrivateAttr(default=0)

    @property
    def box_number(self) -> int:
        return self._box

    @property
    def ref(self) -> str:
        """How projects trace to this item: ``<box>.<item>``, e.g. ``3.2``."""
        return f"{self._box}.{self.number}"

    @property
    def key(self) -> str:
        return f"boxes/{self._box}/items/{self.number}"


class Box(Entity):
    """A 专栏 exactly as present in the document."""

    number: StrictInt = Field(ge=0, description="专栏 number as written.")
    title: str = Field(min_length=1)
    section: str | None = Field(
        default=None,
        pattern=r"^\d+(\.\d+)*$",
        description="Dotted ordinal path of the section the box sits in, e.g. `3.2`.",
    )
    kind: BoxKind = BoxKind.OTHER
    type_column: StrictBool | None = Field(
        default=None,
        description="For an indicator table: `false` when the document's table has no "
        "属性 (预期性/约束性) column at all.",
    )
    items: list[BoxItem] = Field(default_factory=empty_list)

    @property
    def key(self) -> str:
        return f"boxes/{self.number}"
