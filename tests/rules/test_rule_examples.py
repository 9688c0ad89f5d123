"""Every documented example and fixture case of every rule, asserting exact findings.

Cases come from two places: the `examples` of each rule file (what `plancheck explain`
shows, so documentation cannot drift from behaviour) and `tests/rules/cases/PCnnn.yaml`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plancheck.engine.catalogue import load_catalogue
from plancheck.engine.registry import builtin_registry
from plancheck.records import Example, Examples

from .harness import actual_pairs, expected_pairs, run_example

CATALOGUE = load_catalogue(builtin_registry())
CASES_DIR = Path(__file__).parent / "cases"


def _fixture_cases(code: str) -> Examples | None:
    path = CASES_DIR / f"{code}.yaml"
    if not path.exists():
        return None
    return Examples.model_validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def _collect() -> list[tuple[str, str, bool, Example]]:
    cases = []
    for code in sorted(CATALOGUE.rules):
        rule = CATALOGUE.rules[code]
        sources = [("doc", rule.examples), ("case", _fixture_cases(code))]
        for origin, examples in sources:
            if examples is None:
                continue
            for i, example in enumerate(examples.passing):
                cases.append((code, f"{origin}-pass-{i}", True, example))
            for i, example in enumerate(examples.failing):
                cases.append((code, f"{origin}-fail-{i}", False, example))
    return cases


CASES = _collect()


@pytest.mark.parametrize(
    ("code", "label", "passing", "example"),
    CASES,
    ids=[f"{c[0]}-{c[1]}" for c in CASES],
)
def test_case(code: str, label: str, passing: bool, example: Example, tmp_path: Path) -> None:
    findings, judged = run_example(code, example, tmp_path)
    if passing:
        assert findings == [], [f.message_en for f in findings]
        if CATALOGUE.rules[code].check is not None:
            # A passing case must exercise the rule, not merely give it nothing to see.
            assert judged > 0, f"{code}: the passing example gave the rule no subject"
    else:
        assert findings, f"{code}: failing example produced no finding"
        assert actual_pairs(findings, example) == expected_pairs(example)


def test_every_rule_has_pass_and_fail_cases() -> None:
    missing = [
        code
        for code, rule in CATALOGUE.rules.items()
        if code != "PC000" and (rule.examples is None)
    ]
    assert missing == []
