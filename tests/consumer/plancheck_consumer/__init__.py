"""A downstream tool built on plancheck's public API only: it must type-check under
``mypy --strict`` (tests/test_typed_usage.py), so the API's types are what users see."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import plancheck
from plancheck import (
    Config,
    Finding,
    Plan,
    Project,
    Report,
    Severity,
    check,
    load,
    render,
)
from plancheck.units import Quantity, convert, quantity


def worst_first(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered by severity rank, errors first."""
    return sorted(findings, key=operator.attrgetter("severity"), reverse=True)


def at_least(findings: Iterable[Finding], threshold: Severity) -> list[Finding]:
    return [finding for finding in findings if finding.severity >= threshold]


def funded(projects: Iterable[Project]) -> Quantity:
    """The total funding of ``projects`` in 万元, exactly."""
    total = quantity(0, "万元")
    for project in projects:
        if project.funding is not None and project.funding.is_given:
            total = total + convert(project.funding.quantity, "万元")
    return total


def total_in_yi(plan: Plan) -> Decimal:
    magnitude: Decimal = convert(funded(plan.projects), "亿元").magnitude
    return magnitude


def summary(path: Path) -> str:
    plan = load(path)
    report: Report = check(plan, Config(select=["PC2", "PC4"], fail_on=Severity.WARNING))
    lines = [f"{plan.id}: {total_in_yi(plan)} 亿元, exit {report.exit_code}"]
    for finding in worst_first(at_least(report.findings, Severity.WARNING)):
        lines.append(f"{finding.rule} {finding.severity} {finding.subject.key}")
    return "\n".join(lines)


def sarif(path: Path) -> str:
    return render(plancheck.check(path), "sarif")
