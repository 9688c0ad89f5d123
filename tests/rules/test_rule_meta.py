"""Meta-tests: what makes a rule broken even when its own examples pass.

Each check is run on the shipped rules (expecting no problem) and on a deliberately
broken rule (expecting exactly that problem), so the checks cannot pass vacuously.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plancheck._resources import rules_dir
from plancheck.engine.catalogue import load_catalogue
from plancheck.engine.registry import CheckRegistry, builtin_registry
from plancheck.records import Text

from .harness import REVIEW_RULES, Case, CaseRuns, collect_cases, run_example
from .meta import (
    MAIN,
    check_usage_problems,
    file_name_problems,
    language_problems,
    own_checks,
    rendered_problems,
    unexercised_variants,
    variant_of,
)

CATALOGUE = load_catalogue(builtin_registry())
CASES = collect_cases(CATALOGUE)
FAILING = [case for case in CASES if not case.passing]
# Rules whose messages are filled from their templates: by a check, or by the review.
TEMPLATED = sorted(
    code for code, rule in CATALOGUE.rules.items() if rule.check or code in REVIEW_RULES
)
# Checks that always name a variant (one per kind of reference or of duplicate): their
# main message is only the fallback for a kind without one, so no plan can show it.
MAIN_IS_FALLBACK = {"PC005", "PC006"}


def _failing(code: str, *, documented_only: bool = False) -> list[Case]:
    return [c for c in FAILING if c.code == code and (c.documented or not documented_only)]


# -- file names ---------------------------------------------------------------------


def test_every_rule_file_is_named_after_its_code() -> None:
    assert file_name_problems(rules_dir()) == []
    assert len(list(rules_dir().glob("*.yaml"))) == len(CATALOGUE.rules)


def test_a_renamed_rule_file_is_caught(tmp_path: Path) -> None:
    shutil.copy(rules_dir() / "PC402.yaml", tmp_path / "PC402.yaml")
    shutil.copy(rules_dir() / "PC401.yaml", tmp_path / "PC499.yaml")
    assert file_name_problems(tmp_path) == [
        "PC499.yaml: defines 'PC401'; a rule file is named after its code"
    ]


# -- scaffold text ------------------------------------------------------------------

SCAFFOLD = "SCAFFOLD"  # what tools/new_rule.py marks every text the author must write with
SRC = Path(__file__).resolve().parents[2] / "src" / "plancheck" / "checks"
CASES_DIR = Path(__file__).parent / "cases"


def scaffold_problems(*folders: Path) -> list[str]:
    problems = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix in {".yaml", ".py"} and SCAFFOLD in path.read_text(encoding="utf-8"):
                problems.append(f"{folder.name}/{path.name} still has {SCAFFOLD} text to replace")
    return problems


def test_no_scaffold_text_is_left() -> None:
    assert scaffold_problems(rules_dir(), CASES_DIR, SRC) == []


def test_scaffold_text_is_caught(tmp_path: Path) -> None:
    (tmp_path / "PC999.yaml").write_text(f"title: {{en: '{SCAFFOLD}: title'}}\n", "utf-8")
    assert scaffold_problems(tmp_path) == [
        f"{tmp_path.name}/PC999.yaml still has {SCAFFOLD} text to replace"
    ]


# -- placeholders -------------------------------------------------------------------


def test_zh_and_en_templates_use_the_same_placeholders() -> None:
    problems = [p for rule in CATALOGUE for p in language_problems(rule)]
    assert problems == []


def test_a_placeholder_misspelt_in_one_language_is_caught() -> None:
    rule = CATALOGUE.rules["PC401"]
    broken = rule.model_copy(
        update={"message": Text(zh=rule.message.zh, en=rule.message.en.replace("{name}", "{nmae}"))}
    )
    assert language_problems(broken) == [
        "PC401 message: only zh has ['name'], only en has ['nmae']"
    ]


def test_a_zh_template_using_an_en_argument_is_caught() -> None:
    rule = CATALOGUE.rules["PC401"]
    hint = rule.hint
    assert hint is not None
    broken = rule.model_copy(
        update={"hint": Text(zh=hint.zh.replace("{near_zh}", "{near_en}"), en=hint.en)}
    )
    assert language_problems(broken) == ["PC401 hint: zh uses {near_en}"]


@pytest.mark.parametrize("code", sorted({c.code for c in FAILING}))
def test_rendered_messages_fill_every_placeholder(code: str, case_runs: CaseRuns) -> None:
    """Each failing example, documented or fixture, renders without a brace left over."""
    findings = [f for case in _failing(code) for f in case_runs.run(case)[0]]
    assert findings
    assert rendered_problems(findings) == []


def test_a_placeholder_misspelt_in_both_languages_shows_when_rendered(tmp_path: Path) -> None:
    rule = CATALOGUE.rules["PC401"]
    broken = rule.model_copy(
        update={
            "message": Text(
                zh=rule.message.zh.replace("{name}", "{nmae}"),
                en=rule.message.en.replace("{name}", "{nmae}"),
            )
        }
    )
    assert language_problems(broken) == []  # consistent, but the check provides no `nmae`
    example = _failing("PC401", documented_only=True)[0].example
    findings, _ = run_example("PC401", example, tmp_path, rule=broken)
    problems = rendered_problems(findings)
    assert problems and all("{nmae}" in problem for problem in problems)


# -- checks and rules ---------------------------------------------------------------


def test_every_check_is_used_by_a_rule_and_every_rule_check_exists() -> None:
    assert check_usage_problems(CATALOGUE, own_checks(builtin_registry())) == []


def test_an_unused_check_and_a_rule_naming_no_check_are_caught() -> None:
    registry = CheckRegistry()

    @registry.register("orphan-check", given="plan")
    def orphan(plan: object, index: object, params: object) -> list[object]:
        return []

    registered = own_checks(builtin_registry()) | own_checks(registry, package="tests")
    renamed = CATALOGUE.rules["PC401"].model_copy(update={"check": "unplaned-project"})
    rules = [rule for rule in CATALOGUE if rule.code != "PC401"] + [renamed]
    assert check_usage_problems(rules, registered) == [
        "PC401 names check 'unplaned-project', which is not registered",
        "check 'orphan-check' is registered but no rule uses it",
        "check 'unplanned-project' is registered but no rule uses it",
    ]


# -- message variants ---------------------------------------------------------------


@pytest.mark.parametrize("code", TEMPLATED)
def test_every_message_variant_is_exercised_by_a_documented_example(
    code: str, case_runs: CaseRuns
) -> None:
    rule = CATALOGUE.rules[code]
    findings = [f for case in _failing(code, documented_only=True) for f in case_runs.run(case)[0]]
    unmatched = [f.message_en for f in findings if variant_of(rule, f) is None]
    assert unmatched == [], "findings rendered from none of the rule's messages"
    unexercised = unexercised_variants(rule, findings)
    if code in MAIN_IS_FALLBACK:
        assert MAIN in unexercised  # else it is no fallback: drop it from MAIN_IS_FALLBACK
        unexercised.remove(MAIN)
    assert unexercised == []


def test_load_rules_have_no_variants_to_exercise() -> None:
    """Messages of rules without templates come from the loader; variants would be dead."""
    untemplated = [rule for rule in CATALOGUE if rule.code not in TEMPLATED]
    assert untemplated and all(rule.messages == {} for rule in untemplated)


def test_an_unexercised_variant_is_caught(case_runs: CaseRuns) -> None:
    rule = CATALOGUE.rules["PC401"]
    extra = Text(zh="项目“{name}”从未出现", en="project “{name}” never happens")
    broken = rule.model_copy(update={"messages": {**rule.messages, "never": extra}})
    findings = [f for case in _failing("PC401") for f in case_runs.run(case)[0]]
    assert unexercised_variants(rule, findings) == []
    assert unexercised_variants(broken, findings) == ["never"]
    assert {variant_of(rule, f) for f in findings} == {MAIN, "no-box", "uncategorised"}
