"""Enumerations describing how a plan writes an amount."""

from __future__ import annotations

from enum import StrEnum


class ValueStatus(StrEnum):
    """Whether an amount is written at all."""

    GIVEN = "given"
    """A number is written ("14.24亿元", "≥90%")."""
    NONE = "none"
    """Explicitly nothing: "——", "—", "－", "/"."""
    MISSING = "missing"
    """The cell or field is absent (built by the model layer, never parsed)."""
    UNREADABLE = "unreadable"
    """Written, but not readable as an amount; ``Value.problem`` says why."""


class Comparator(StrEnum):
    """How the written number bounds the actual amount."""

    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    ABOUT = "about"

    @property
    def symbol(self) -> str:
        """How messages write it before an amount: nothing for "=", 约 for "about"."""
        return {"=": "", "about": "约"}.get(self.value, self.value)


class ChangeDirection(StrEnum):
    """Which way an amount written as a change moves ("下降16%", "新增4500万人")."""

    INCREASE = "increase"
    DECREASE = "decrease"
