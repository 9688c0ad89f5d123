"""Every documented example and fixture case of every rule, asserting exact findings.

Cases come from two places: the `examples` of each rule file (what `plancheck explain`
shows, so documentation cannot drift from behaviour) and `tests/rules/cases/PCnnn.yaml`.
Failing cases must report exactly the expected (subject, severity) pairs, and the wording
of every message and hint they render, in both languages, is pinned in
tests/snapshots/rules/PCnnn.txt (`pytest --snapshot-update` rewrites it for review).
"""

from __future__ import annotations

import pytest

from plancheck.engine.catalogue import load_catalogue
from plancheck.engine.registry import builtin_registry
from tests._snapshots import SNAPSHOTS, Snapshots

from .harness import Case, CaseRuns, actual_pairs, collect_cases, expected_pairs

CATALOGUE = load_catalogue(builtin_registry())
CASES = collect_cases(CATALOGUE)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.label}" for c in CASES])
def test_case(case: Case, case_runs: CaseRuns) -> None:
    findings, judged = case_runs.run(case)
    code, example = case.code, case.example
    if case.passing:
        assert findings == [], [f.message_en for f in findings]
        if CATALOGUE.rules[code].check is not None:
            # A passing case must exercise the rule, not merely give it nothing to see.
            assert judged > 0, f"{code}: the passing example gave the rule no subject"
    else:
        assert findings, f"{code}: failing example produced no finding"
        assert actual_pairs(findings, example) == expected_pairs(example)


FAILING_CODES = sorted({case.code for case in CASES if not case.passing})


@pytest.mark.parametrize("code", FAILING_CODES)
def test_messages_of_failing_cases_are_pinned(
    code: str, case_runs: CaseRuns, snapshot: Snapshots
) -> None:
    rule = CATALOGUE.rules[code]
    lines = [f"# {code} {rule.name}: what its failing examples and fixture cases report", ""]
    for case in CASES:
        if case.code != code or case.passing:
            continue
        lines.append(f"## {case.label}: {case.example.title}")
        for finding in case_runs.run(case)[0]:
            lines += [
                f"{finding.subject.key} [{finding.severity.value}]",
                f"  zh: {finding.message_zh}",
                f"  en: {finding.message_en}",
            ]
            if finding.hint_zh is not None or finding.hint_en is not None:
                lines += [f"  hint zh: {finding.hint_zh}", f"  hint en: {finding.hint_en}"]
        lines.append("")
    snapshot.check("\n".join(lines), f"rules/{code}.txt")


def test_no_stale_message_snapshots() -> None:
    """A rule removed or left without failing cases leaves no pinned messages behind."""
    present = {p.name for p in (SNAPSHOTS / "rules").iterdir()}
    assert present == {f"{code}.txt" for code in FAILING_CODES}


def test_every_rule_has_pass_and_fail_cases() -> None:
    missing = [
        code
        for code, rule in CATALOGUE.rules.items()
        if code != "PC000" and (rule.examples is None)
    ]
    assert missing == []
