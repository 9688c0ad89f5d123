"""The numbered section tree as written (一、 / （一） / 1.)."""

from __future__ import annotations

from pydantic import Field, PrivateAttr, field_validator

from plancheck._factories import empty_list
from plancheck.model._base import Entity
from plancheck.model.numbering import SectionNumber, parse_section_number


class Section(Entity):
    """One numbered heading and the headings nested under it."""

    number: str = Field(description="The number exactly as written, e.g. `三、`, `（二）`, `4.`.")
    title: str = Field(min_length=1, description="The heading text as written.")
    sections: list[Section] = Field(default_factory=empty_list, description="Nested headings.")

    # Dotted ordinal path from the root (三、（二） -> "3.2"); set by Plan.
    _path: str = PrivateAttr(default="")

    @field_validator("number")
    @classmethod
    def _check_number(cls, value: str) -> str:
        parse_section_number(value)
        return value

    @property
    def parsed_number(self) -> SectionNumber:
        return parse_section_number(self.number)

    @property
    def path(self) -> str:
        """Dotted ordinal path (``3.2`` for 三、（二）); the stable way to name a section."""
        return self._path

    @property
    def key(self) -> str:
        return f"sections/{self._path}"
