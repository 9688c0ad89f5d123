"""References from plan data into the source document (the published text)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator


class SourceRef(BaseModel):
    """A reference into the source document (the published plan text).

    Either a ``line`` (best: findings then point at the exact words) or, where the
    encoder only knows the section, a ``section`` path such as ``3.2``.
    """

    model_config = ConfigDict(extra="forbid")

    line: StrictInt | None = Field(
        default=None, ge=1, description="1-based line in the source document."
    )
    column: StrictInt | None = Field(
        default=None,
        ge=1,
        description="1-based column (in characters); derived from `quote` when omitted.",
    )
    quote: str | None = Field(
        default=None,
        min_length=1,
        description="The words as written at that line; lets tools find the exact column.",
    )
    section: str | None = Field(
        default=None,
        pattern=r"^\d+(\.\d+)*$",
        description="Dotted ordinal path of the section, when no line is given.",
    )

    @model_validator(mode="after")
    def _line_or_section(self) -> SourceRef:
        if self.line is None and self.section is None:
            raise ValueError("a source reference needs a `line` or a `section`")
        return self
