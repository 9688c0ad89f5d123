"""The exception :func:`plancheck.load` raises for a plan it cannot model."""

from __future__ import annotations

from plancheck.records.diagnostic import Diagnostic


class PlanLoadError(Exception):
    """Raised by :func:`plancheck.load` when a plan cannot be turned into a model."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = str(diagnostics[0]) if diagnostics else "unknown error"
        more = f" (+{len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(first + more)
