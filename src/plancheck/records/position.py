"""Positions: where something is written in a plan data file or in the source document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class YamlLocation:
    """A position in a plan data file; line and column are 1-based."""

    file: str
    line: int
    column: int
    pointer: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, order=True)
class SourcePosition:
    """A position in the published source document."""

    file: str
    line: int
    column: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
