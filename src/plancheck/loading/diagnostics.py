"""Problems found while reading plan files, before any rule runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One load problem: an input-family rule code, a bilingual message and a position."""

    code: str
    message: str
    file: str
    line: int = 1
    column: int = 1
    pointer: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.message}"


class PlanLoadError(Exception):
    """Raised by :func:`plancheck.load` when a plan cannot be turned into a model."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = str(diagnostics[0]) if diagnostics else "unknown error"
        more = f" (+{len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(first + more)
