"""Discovery reads a pyproject.toml without a plancheck table once, not once per plan,
parses none that cannot name one, and never misses the table an edited file gains."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from plancheck.engine import _pyproject
from plancheck.engine.config import find_config, load_config


def _counting_parser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = tomllib.loads

    def loads(text: str, **kwargs: Any) -> dict[str, Any]:
        parsed.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", loads)
    return parsed


def test_a_pyproject_without_plancheck_table_is_parsed_once_for_many_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _counting_parser(monkeypatch)
    # The word alone (here in a comment) makes the file worth parsing.
    (tmp_path / "pyproject.toml").write_text(
        f'# plancheck runs without configuration\n[project]\nname = "{tmp_path.name}"\n',
        encoding="utf-8",
    )
    for number in range(5):
        folder = tmp_path / f"plan{number}"
        folder.mkdir()
        assert find_config(folder) is None
    assert len(parsed) == 1


def test_the_table_an_edited_pyproject_gains_is_found(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f'[project]\nname = "{tmp_path.name}"\n', encoding="utf-8")
    assert find_config(tmp_path) is None
    pyproject.write_text(
        f'[project]\nname = "{tmp_path.name}"\n\n[tool.plancheck]\nselect = ["PC101"]\n',
        encoding="utf-8",
    )
    assert find_config(tmp_path) == pyproject
    assert load_config(tmp_path).select == ["PC101"]


def test_what_is_remembered_stays_bounded(tmp_path: Path) -> None:
    for number in range(3 * _pyproject._REMEMBERED):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "pyproject.toml").write_text(f"# plancheck\n[project]\nname = 'p{number}'\n")
        assert find_config(folder) is None
    assert len(_pyproject._WITHOUT_TABLE) <= _pyproject._REMEMBERED


def test_a_pyproject_that_cannot_name_plancheck_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _counting_parser(monkeypatch)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "data"\n\n[tool.ruff]\nline-length = 99\npath = "C:\\\\data"\n',
        encoding="utf-8",
    )
    assert find_config(tmp_path) is None
    assert parsed == []


@pytest.mark.parametrize(
    "table",
    [
        '[tool."\\u0070lancheck"]',
        '[tool."\\U00000070lancheck"]',
        "[tool]\n'plancheck' = { select = [\"PC101\"] }",
        '[tool]\n"plan\\u0063heck".select = ["PC101"]',
    ],
)
def test_a_table_named_through_escapes_or_quotes_is_found(tmp_path: Path, table: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    body = "" if "select" in table else '\nselect = ["PC101"]'
    pyproject.write_text(f"{table}{body}\n", encoding="utf-8")
    assert find_config(tmp_path) == pyproject
    assert load_config(tmp_path).select == ["PC101"]
