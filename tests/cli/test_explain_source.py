"""From a rule code to its check function in one step, and back from the file to its codes."""

from __future__ import annotations

import ast
import re
from collections import defaultdict

import pytest

from plancheck.cli import main
from plancheck.engine.catalogue import load_catalogue
from plancheck.engine.checksource import check_source
from plancheck.engine.registry import builtin_registry
from tests.conftest import ROOT

CATALOGUE = load_catalogue(builtin_registry())
CHECKED = sorted(CATALOGUE.checks)


def test_explain_names_the_check_module_function_and_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "PC401"]) == 0
    out = capsys.readouterr().out
    assert (
        "- Check: `unplanned-project`, function "
        "`plancheck.checks.traceability.unplanned_project` in `plancheck/checks/traceability.py`"
    ) in out


def test_rules_without_a_check_name_none(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "PC001"]) == 0
    assert "- Check:" not in capsys.readouterr().out


@pytest.mark.parametrize("code", CHECKED)
def test_the_named_file_defines_the_named_function(code: str) -> None:
    source = check_source(CATALOGUE.checks[code])
    path = ROOT / "src" / source.file
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert source.function in defined
    assert source.module == source.file.removesuffix(".py").replace("/", ".")


def _served_by_module() -> dict[str, set[str]]:
    served: dict[str, set[str]] = defaultdict(set)
    for code, spec in CATALOGUE.checks.items():
        served[check_source(spec).file].add(code)
    return served


@pytest.mark.parametrize("file", sorted(_served_by_module()))
def test_each_check_module_docstring_names_exactly_the_codes_it_serves(file: str) -> None:
    text = (ROOT / "src" / file).read_text(encoding="utf-8")
    docstring = ast.get_docstring(ast.parse(text)) or ""
    named = set(re.findall(r"\bPC[0-9]{3}\b", docstring))
    assert named == _served_by_module()[file], f"{file}: its docstring must list its rules"


def test_every_check_module_serves_some_rule() -> None:
    modules = {
        f"plancheck/checks/{p.name}"
        for p in (ROOT / "src" / "plancheck" / "checks").glob("*.py")
        if not p.name.startswith("_")
    }
    assert modules == set(_served_by_module())
