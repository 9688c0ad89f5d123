"""The recipes of docs/strategies.md run as written, as a plan repository's own tests."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import CORPUS, ROOT

pytest_plugins = ["pytester"]


def _recipes() -> list[str]:
    page = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", page, flags=re.DOTALL)


def test_every_recipe_runs_under_pytest(pytester: pytest.Pytester) -> None:
    recipes = _recipes()
    assert len(recipes) == 3
    shutil.copytree(CORPUS, pytester.path / "plans" / "baoji")
    for number, recipe in enumerate(recipes, start=1):
        (pytester.path / f"test_recipe_{number}.py").write_text(recipe, encoding="utf-8")
    (pytester.path / "conftest.py").write_text(
        "from hypothesis import settings\n\n"
        "settings.register_profile('docs', max_examples=3, deadline=None, derandomize=True)\n"
        "settings.load_profile('docs')\n",
        encoding="utf-8",
    )
    # A subprocess, so the profile stays the inner session's; two rules of the catalogue
    # stand for all in the violations recipe.
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-k", "not test_our_pipeline or PC201 or PC702"
    )
    result.assert_outcomes(passed=4)
