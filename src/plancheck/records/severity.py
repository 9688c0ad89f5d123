"""How much a finding matters."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on thresholds."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]
