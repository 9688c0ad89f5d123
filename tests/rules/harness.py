"""Running a rule's documented examples and fixture cases through the real CLI path."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from plancheck import Checker, Config, Finding
from plancheck.engine.rule import Example
from plancheck.review import apply_review, load_waivers

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


REVIEW_TODAY = date(2025, 6, 30)


def run_example(code: str, example: Example, folder: Path) -> tuple[list[Finding], int]:
    """Findings of ``code`` and how many subjects the rule judged (passed or failed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(plan_text(example), encoding="utf-8")
    if code in REVIEW_RULES:
        return _run_review_example(code, example, path), 1
    params = {code: example.params} if example.params is not None else {}
    checker = Checker(Config(select=[code], params=params))
    report = checker.check_path(path)
    others = []
    for number, text in enumerate(example.plans, start=1):
        # Other plans of the run (set-level rules) sit in folders of their own.
        other = folder / f"set-{number}" / "plan.yaml"
        other.parent.mkdir()
        other.write_text(text, encoding="utf-8")
        others.append(checker.check_path(other))
    checker.check_set([report, *others])
    findings = [f for f in report.findings if f.rule == code]
    stats = report.stats.get(code)
    judged = (stats.passed + stats.failed) if stats else 0
    return findings, judged


REVIEW_RULES = ("PC009", "PC010", "PC011")


def _run_review_example(code: str, example: Example, path: Path) -> list[Finding]:
    """Review rules judge waivers and ignores, so the rules they name must run too."""
    waivers = None
    if example.waivers is not None:
        waivers_path = path.parent / "waivers.yaml"
        waivers_path.write_text(example.waivers, encoding="utf-8")
        waivers = load_waivers(waivers_path)
    named = set(re.findall(r"\bPC[0-9]{3}\b", plan_text(example) + (example.waivers or "")))
    checker = Checker(Config(select=[code, *sorted(named - set(REVIEW_RULES))]))
    severities = {active.rule.code: active.severity for active in checker.rules}
    report = apply_review(
        checker.report([checker.check_path(path)]),
        waivers,
        today=REVIEW_TODAY,
        severities=severities,
    )
    return [f for f in report.findings if f.rule == code]


def expected_pairs(example: Example) -> list[tuple[str, str | None]]:
    return sorted((f.key, f.severity.value if f.severity else None) for f in example.findings)


def actual_pairs(findings: list[Finding], example: Example) -> list[tuple[str, str | None]]:
    with_severity = {f.key for f in example.findings if f.severity is not None}
    return sorted(
        (f.subject.key, f.severity.value if f.subject.key in with_severity else None)
        for f in findings
    )
