"""What each rule concluded about each subject, and the counts per rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from plancheck.records.subject import Subject


class Outcome(StrEnum):
    """What a rule concluded about one subject (SHACL-style: every subject gets one)."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True, slots=True)
class SubjectResult:
    """One rule's verdict on one subject, kept so reports say what was checked."""

    rule: str
    subject: Subject
    outcome: Outcome
    reason: str | None = None


@dataclass(slots=True)
class RuleStats:
    checked: int = 0
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


def merge_stats(into: dict[str, RuleStats], stats: Mapping[str, RuleStats]) -> None:
    """Add one plan's per-rule counts to the run's (``into``, changed in place)."""
    for code, one in stats.items():
        total = into.setdefault(code, RuleStats())
        total.checked += one.checked
        total.passed += one.passed
        total.failed += one.failed
        total.not_applicable += one.not_applicable
        for reason, count in one.reasons.items():
            total.reasons[reason] = total.reasons.get(reason, 0) + count
