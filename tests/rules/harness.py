"""Running a rule's documented examples and fixture cases through the real CLI path."""

from __future__ import annotations

from pathlib import Path

from plancheck import Checker, Config, Finding
from plancheck.engine.rule import Example

BASE_PLAN = """\
plancheck: 1
id: fixture
title: 示例市“十四五”信息化规划
jurisdiction: {name: 示例市, level: city, parent: 示例省}
period: 2021-2025
"""


def plan_text(example: Example) -> str:
    if example.text is not None:
        return example.text
    return BASE_PLAN + (example.plan or "")


def run_example(code: str, example: Example, folder: Path) -> tuple[list[Finding], int]:
    """Findings of ``code`` and how many subjects the rule judged (passed or failed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(plan_text(example), encoding="utf-8")
    checker = Checker(Config(select=[code]))
    report = checker.check_path(path)
    findings = [f for f in report.findings if f.rule == code]
    stats = report.stats.get(code)
    judged = (stats.passed + stats.failed) if stats else 0
    return findings, judged


def expected_pairs(example: Example) -> list[tuple[str, str | None]]:
    return sorted((f.key, f.severity.value if f.severity else None) for f in example.findings)


def actual_pairs(findings: list[Finding], example: Example) -> list[tuple[str, str | None]]:
    with_severity = {f.key for f in example.findings if f.severity is not None}
    return sorted(
        (f.subject.key, f.severity.value if f.subject.key in with_severity else None)
        for f in findings
    )
