"""Generated documentation stays in step with the rule files (`nox -s schemas` refreshes it)."""

from __future__ import annotations

from plancheck.engine.catalogue import load_catalogue
from plancheck.engine.checksource import check_doc
from plancheck.engine.registry import builtin_registry
from plancheck.outputs.ruledoc import rule_markdown, rules_index_markdown

from .conftest import ROOT

DOCS = ROOT / "docs" / "rules"


def test_every_rule_page_is_current() -> None:
    catalogue = load_catalogue(builtin_registry())
    stale = [
        rule.code
        for rule in catalogue
        if (DOCS / f"{rule.code}.md").read_text(encoding="utf-8")
        != rule_markdown(
            rule, check_doc(catalogue.checks[rule.code]) if rule.code in catalogue.checks else None
        )
    ]
    assert stale == [], f"stale rule pages {stale}: run `nox -s schemas`"
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    assert index == rules_index_markdown(catalogue)


def test_no_page_for_a_rule_that_does_not_exist() -> None:
    codes = {rule.code for rule in load_catalogue(builtin_registry())}
    pages = {path.stem for path in DOCS.glob("PC*.md")}
    assert pages == codes
