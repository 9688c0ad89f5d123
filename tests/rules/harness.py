"""Running a rule's documented examples and fixture cases through the real CLI path."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plancheck import Checker, Config, Finding, Rule, load
from plancheck.engine.catalogue import Catalogue, load_catalogue
from plancheck.engine.registry import builtin_registry
from plancheck.records import Example, Examples
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


def run_example(
    code: str, example: Example, folder: Path, rule: Rule | None = None
) -> tuple[list[Finding], int]:
    """Findings of ``code`` and how many subjects the rule judged (passed or failed).

    ``rule`` replaces the shipped rule of that code (to show what a broken rule does).
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(plan_text(example), encoding="utf-8")
    if code in REVIEW_RULES:
        return _run_review_example(code, example, path), 1
    params = {code: example.params} if example.params is not None else {}
    checker = Checker(Config(select=[code], params=params))
    if rule is not None:
        checker.rules = [
            replace(active, rule=rule) if active.rule.code == code else active
            for active in checker.rules
        ]
    base = None
    if example.base is not None:
        # Revision rules: the earlier version is a plan of its own, beside the revised one.
        (folder / "base").mkdir(exist_ok=True)
        base_path = folder / "base" / "plan.yaml"
        base_path.write_text(BASE_PLAN + example.base, encoding="utf-8")
        base = load(base_path)
    report = checker.check_path(path, base=base)
    others = []
    for number, text in enumerate(example.plans, start=1):
        # Other plans of the run (set-level rules) sit in folders of their own.
        other = folder / f"set-{number}" / "plan.yaml"
        other.parent.mkdir()
        other.write_text(text, encoding="utf-8")
        others.append(checker.check_path(other))
    checker.check_set([report, *others])
    # A check that raises is reported as PC000 and judges nothing; say so, loudly.
    crashed = [f.message_en for f in report.findings if f.rule == "PC000"]
    assert not crashed, f"{code} failed internally: {crashed[0]}"
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
    # Rules that do not exist cannot be selected; the review reports them (PC009).
    runnable = (named & _known_codes()) - set(REVIEW_RULES)
    checker = Checker(Config(select=[code, *sorted(runnable)]))
    severities = {active.rule.code: active.severity for active in checker.rules}
    report = apply_review(
        checker.report([checker.check_path(path)]),
        waivers,
        today=REVIEW_TODAY,
        severities=severities,
    )
    return [f for f in report.findings if f.rule == code]


@cache
def _known_codes() -> frozenset[str]:
    return frozenset(load_catalogue(builtin_registry()).rules)


def expected_pairs(example: Example) -> list[tuple[str, str | None]]:
    return sorted((f.key, f.severity.value if f.severity else None) for f in example.findings)


def actual_pairs(findings: list[Finding], example: Example) -> list[tuple[str, str | None]]:
    with_severity = {f.key for f in example.findings if f.severity is not None}
    return sorted(
        (f.subject.key, f.severity.value if f.subject.key in with_severity else None)
        for f in findings
    )


CASES_DIR = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    code: str
    label: str  # doc-pass-0, case-fail-1 …: where it comes from, which kind, which one
    passing: bool
    example: Example

    @property
    def documented(self) -> bool:
        return self.label.startswith("doc-")


def fixture_cases(code: str) -> Examples | None:
    path = CASES_DIR / f"{code}.yaml"
    if not path.exists():
        return None
    return Examples.model_validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def collect_cases(catalogue: Catalogue) -> list[Case]:
    """The documented examples of every rule file, then its fixture cases."""
    cases = []
    for code in sorted(catalogue.rules):
        rule = catalogue.rules[code]
        for origin, examples in (("doc", rule.examples), ("case", fixture_cases(code))):
            if examples is None:
                continue
            for i, example in enumerate(examples.passing):
                cases.append(Case(code, f"{origin}-pass-{i}", True, example))
            for i, example in enumerate(examples.failing):
                cases.append(Case(code, f"{origin}-fail-{i}", False, example))
    return cases


class CaseRuns:
    """Each case run once per session, whichever test asks for it first."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._done: dict[tuple[str, str], tuple[list[Finding], int]] = {}

    def run(self, case: Case) -> tuple[list[Finding], int]:
        key = (case.code, case.label)
        if key not in self._done:
            folder = self._factory.mktemp(f"{case.code}-{case.label}")
            self._done[key] = run_example(case.code, case.example, folder)
        return self._done[key]
