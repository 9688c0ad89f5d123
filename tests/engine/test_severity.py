"""Severity orders by rank, never alphabetically (StrEnum would put "error" first)."""

from __future__ import annotations

import operator
from dataclasses import replace

import pytest

from plancheck import Severity
from tests.outputs.conftest import hand_findings


def test_comparisons_go_by_rank() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.ERROR >= Severity.WARNING and Severity.ERROR > Severity.INFO
    assert Severity.WARNING <= Severity.WARNING and not Severity.WARNING < Severity.WARNING
    # Alphabetically "error" < "info" < "warning"; every one of these would flip.
    assert not Severity.ERROR < Severity.INFO
    assert Severity.WARNING < Severity.ERROR


def test_filtering_at_or_above_a_threshold_keeps_errors() -> None:
    findings = hand_findings()
    kept = [f for f in findings if f.severity >= Severity.WARNING]
    assert {f.severity for f in kept} == {Severity.ERROR, Severity.WARNING}
    assert len(kept) == sum(f.severity is not Severity.INFO for f in findings)


def test_sorting_and_max_go_by_rank() -> None:
    assert sorted(Severity) == [Severity.INFO, Severity.WARNING, Severity.ERROR]
    assert max(Severity) is Severity.ERROR and min(Severity) is Severity.INFO
    findings = hand_findings()
    ordered = sorted(findings, key=operator.attrgetter("severity"), reverse=True)
    assert [f.severity for f in ordered][:3] == [Severity.ERROR] * 3
    assert ordered[-1].severity is Severity.INFO
    worst = max(findings, key=lambda f: f.severity)
    assert worst.severity is Severity.ERROR


def test_plain_strings_are_not_ordered_against_severities() -> None:
    with pytest.raises(TypeError, match="Severity"):
        _ = Severity.ERROR < "warning"
    with pytest.raises(TypeError, match="Severity"):
        _ = "warning" > Severity.ERROR  # noqa: SIM300 - the reflected operand


def test_values_and_equality_still_spell_the_name() -> None:
    assert Severity("warning") is Severity.WARNING
    assert Severity.ERROR == "error" and str(Severity.INFO) == "info"
    finding = replace(hand_findings()[0], severity=Severity.INFO)
    assert finding.severity.value == "info"
