"""Year ranges: the plan period and project implementation years."""

from __future__ import annotations

from typing import Any

from pydantic import (
    Field,
    GetJsonSchemaHandler,
    StrictInt,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from plancheck._patterns import lazy_pattern
from plancheck.model._base import Node

_RANGE = lazy_pattern(r"^\s*(\d{4})\s*(?:[-–—~～至到]\s*(\d{4}))?\s*年?\s*$")


class YearRange(Node):
    """Inclusive range of calendar years, written ``2011-2015``, ``2013`` or as a mapping.

    The order is kept as written: a reversed range is a finding, not a load error.
    """

    start: StrictInt = Field(ge=1000, le=9999)
    end: StrictInt = Field(ge=1000, le=9999)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError("a year range cannot be a boolean")
        if isinstance(data, int):
            return {"start": data, "end": data}
        if isinstance(data, str):
            match = _RANGE().match(data)
            if not match:
                raise ValueError(
                    f"无法解析年份范围 / cannot parse year range {data!r} (expected 2011-2015)"
                )
            start = int(match.group(1))
            end = int(match.group(2) or start)
            return {"start": start, "end": end}
        return data

    @model_serializer(mode="plain")
    def _to_text(self) -> str | int:
        if not isinstance(self, YearRange):
            # Assigned without validation (model_copy): written as it is, judged on reload.
            return str(self)
        return self.start if self.start == self.end else f"{self.start}-{self.end}"

    @classmethod
    def __get_pydantic_json_schema__(
        cls, _schema: core_schema.CoreSchema, _handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "title": "YearRange",
            "description": cls.__doc__.splitlines()[0] if cls.__doc__ else "",
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": r"^\s*\d{4}\s*([-–—~～至到]\s*\d{4})?\s*年?\s*$"},
                {
                    "type": "object",
                    "properties": {
                        "start": {"type": "integer", "minimum": 1000, "maximum": 9999},
                        "end": {"type": "integer", "minimum": 1000, "maximum": 9999},
                    },
                    "required": ["start", "end"],
                    "additionalProperties": False,
                },
            ],
        }

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def __str__(self) -> str:
        return str(self._to_text())
