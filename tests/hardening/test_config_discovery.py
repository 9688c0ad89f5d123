"""Configuration discovery tolerates any pyproject.toml; values and messages are bounded.

Discovery looks at every pyproject.toml above the current folder, most of them other
tools' files. One without a ``[tool.plancheck]`` table is none of plancheck's business,
however odd it is; one with it is validated, and a problem is one error line whose
control characters are escaped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening._support import assert_one_error_line, cli, run_plancheck, write_plan

Capsys = pytest.CaptureFixture[str]

DEEP = 100_000

IGNORED = {
    "tool-is-a-number": "tool = 5\n",
    "tool-is-the-name": 'tool = "plancheck"\n',
    "tool-is-a-list": 'tool = ["plancheck"]\n',
    "deep-arrays": "x = " + "[" * DEEP + "]" * DEEP + "\n",
    "not-toml": "[[[ this is not TOML\n",
    "other-tool-broken": "[tool.black]\nline-length = [\n",
}


@pytest.mark.parametrize("text", IGNORED.values(), ids=IGNORED.keys())
def test_pyproject_without_plancheck_table_is_ignored(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "work").mkdir()
    write_plan(tmp_path / "work")
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path / "work")
    assert run.code == 0, run.err
    assert run.findings() == []


BROKEN = {
    "plancheck-not-a-table": ("[tool]\nplancheck = 5\n", "tool.plancheck"),
    "plancheck-syntax": ("[tool.plancheck]\nselect = [\n", "pyproject.toml"),
    "plancheck-deep": (
        "[tool.plancheck]\nselect = " + "[" * DEEP + "]" * DEEP + "\n",
        "pyproject.toml",
    ),
}


@pytest.mark.parametrize(("text", "needle"), BROKEN.values(), ids=BROKEN.keys())
def test_pyproject_with_a_broken_plancheck_table_is_one_error_line(
    tmp_path: Path, text: str, needle: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    write_plan(tmp_path)
    run = run_plancheck("check", "plan.yaml", cwd=tmp_path)
    assert_one_error_line(run, needle)


NOT_FINITE = {
    "yaml-nan": (".plancheck.yaml", "params:\n  PC401:\n    similarity: .nan\n"),
    "yaml-inf": (".plancheck.yaml", "params:\n  PC401:\n    similarity: .inf\n"),
    "yaml-minus-inf": (".plancheck.yaml", "params:\n  PC401:\n    similarity: -.inf\n"),
    "toml-nan": ("pyproject.toml", "[tool.plancheck.params.PC401]\nsimilarity = nan\n"),
    "toml-inf": ("pyproject.toml", "[tool.plancheck.params.PC401]\nsimilarity = inf\n"),
}


@pytest.mark.parametrize(("name", "text"), NOT_FINITE.values(), ids=NOT_FINITE.keys())
def test_nan_and_infinite_parameters_are_refused(
    here: Path, capsys: Capsys, name: str, text: str
) -> None:
    (here / name).write_text(text, encoding="utf-8")
    write_plan(here)
    assert_one_error_line(cli(capsys, "check", "plan.yaml"), "similarity", "finite")


def test_nan_in_an_extra_rule_file_is_refused(here: Path, capsys: Capsys) -> None:
    root = Path(__file__).resolve().parents[2]
    rule = (root / "rules" / "PC401.yaml").read_text(encoding="utf-8")
    rule = rule.replace("code: PC401", "code: PC992").replace(
        "name: unplanned-project", "name: nan-rule"
    )
    (here / "nan-rule.yaml").write_text(rule + "params: {similarity: .nan}\n", encoding="utf-8")
    (here / ".plancheck.yaml").write_text("rules: [nan-rule.yaml]\n", encoding="utf-8")
    write_plan(here)
    assert_one_error_line(cli(capsys, "check", "plan.yaml"), "nan-rule.yaml", "finite")


CONTROL = {
    "unknown-key": '"bad\\e[2J\\e]0;pwned\\akey": 1\n',
    "unknown-rule": 'select: ["PC\\e[31m999"]\n',
    "bidi-in-key": '"key\\u202Eevil": 1\n',
}


@pytest.mark.parametrize("text", CONTROL.values(), ids=CONTROL.keys())
def test_configuration_errors_escape_control_characters(
    here: Path, capsys: Capsys, text: str
) -> None:
    (here / ".plancheck.yaml").write_text(text, encoding="utf-8")
    write_plan(here)
    line = assert_one_error_line(cli(capsys, "check", "plan.yaml"))
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in line), repr(line)
    assert "\u202e" not in line
    assert "\\x1b" in line or "\\u202e" in line, line


def test_1500_nested_folders_are_searched(tmp_path: Path) -> None:
    deepest = tmp_path
    for _ in range(1500):  # one level at a time: mkdir(parents=True) itself recurses
        deepest = deepest / "d"
        deepest.mkdir()
    try:
        write_plan(deepest)
        run = run_plancheck("check", ".", "--format", "json", cwd=tmp_path)
        assert run.code == 0, run.err
        assert len(run.document()["plans"]) == 1
    finally:
        # Removed level by level: pytest's own clean-up of old temporary folders
        # recurses, and would fail in a later session on a folder this deep.
        (deepest / "plan.yaml").unlink(missing_ok=True)
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent
