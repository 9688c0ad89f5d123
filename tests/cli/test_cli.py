"""The command line as a user runs it: exit codes, formats, subcommands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plancheck.cli import main
from tests.conftest import CORPUS

CLEAN = """\
projects:
  - {id: a, name: 甲工程, years: 2021-2022, funding: 100}
"""
BROKEN = """\
projects:
  - {id: a, name: 甲工程, years: 2019-2022, funding: 100}
"""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "plancheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_exit_code_0_when_clean_and_1_on_error(
    write_plan: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write_plan(CLEAN, "clean.yaml")
    broken = write_plan(BROKEN, "broken.yaml")
    assert main(["check", str(clean), "--select", "PC101"]) == 0
    # Paths are shown relative to --root (the repository root by default).
    assert main(["check", str(broken), "--select", "PC101", "--root", str(broken.parent)]) == 1
    out = capsys.readouterr().out
    assert "\nbroken.yaml:7:5: PC101" in "\n" + out


def test_json_document_has_the_documented_fields(
    write_plan: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_plan(BROKEN)
    main(["check", str(broken), "--format", "json", "--select", "PC101"])
    document = json.loads(capsys.readouterr().out)
    (finding,) = document["findings"]
    for key in ("rule", "severity", "message", "file", "line", "column"):
        assert key in finding
    assert finding["subject"] == {
        "kind": "project",
        "id": "a",
        "name": "甲工程",
        "key": "projects/a",
    }
    assert document["rules"]["PC101"]["failed"] == 1
    assert document["rules"]["PC101"]["checked"] == 1


def test_lang_zh_renders_chinese_messages(
    write_plan: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_plan(BROKEN)
    main(["check", str(broken), "--lang", "zh", "--select", "PC101"])
    out = capsys.readouterr().out
    assert "[错误]" in out and "检查了 1 个规划" in out


def test_default_path_finds_plans_by_their_key(tmp_path: Path, write_plan: Any) -> None:
    write_plan(BROKEN)
    (tmp_path / "other.yaml").write_text("name: not a plan\n", encoding="utf-8")
    result = run_cli("check", "--select", "PC101", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    # The current directory holds plan.yaml, so it is checked as a plan directory.
    assert [p["path"] for p in document["plans"]] == ["."]
    assert [f["file"] for f in document["findings"]] == ["plan.yaml"]


def test_missing_path_is_exit_2_with_one_line(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nope" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_select_code_is_exit_2(write_plan: Any) -> None:
    result = run_cli("check", str(write_plan(CLEAN)), "--select", "PC999")
    assert result.returncode == 2
    assert "PC999" in result.stderr and "Traceback" not in result.stderr


def test_rules_lists_catalogue_and_explain_prints_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "PC401" in listing and "PC001" in listing
    assert main(["explain", "PC401"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("# PC401 ")
    assert "## Why it matters" in page and "## Examples" in page


def test_explain_unknown_code_is_exit_2() -> None:
    result = run_cli("explain", "PC999")
    assert result.returncode == 2 and "PC999" in result.stderr


def test_version_and_schema() -> None:
    assert run_cli("--version").stdout.startswith("plancheck ")
    schema = json.loads(run_cli("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_output_file_written_and_quiet(write_plan: Any, tmp_path: Path) -> None:
    broken = write_plan(BROKEN)
    out = tmp_path / "report.json"
    assert main(["check", str(broken), "--format", "json", "--output", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["failed"] is True
    result = run_cli("check", str(broken), "--quiet")
    assert result.returncode == 1 and result.stdout == ""


def test_summary_says_when_a_plan_could_not_be_read(
    write_plan: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_plan("projects: [\n")
    assert main(["check", str(broken)]) == 1
    assert "(1 could not be read and was not checked)" in capsys.readouterr().out
    assert main(["check", str(write_plan(CLEAN, "clean.yaml")), "--select", "PC101"]) == 0
    assert "could not be read" not in capsys.readouterr().out


def _broken_check(monkeypatch: pytest.MonkeyPatch) -> None:
    from plancheck.cli import _check

    def explode(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(_check, "run", explode)


def test_an_internal_error_is_one_line_without_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_check(monkeypatch)
    assert main(["check", str(CORPUS), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err == "plancheck: internal error: RuntimeError: boom (--debug shows more)\n"


def test_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_check(monkeypatch)
    assert main(["--debug", "check", str(CORPUS), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("boom")' in err
    assert err.endswith("plancheck: internal error: RuntimeError: boom (--debug shows more)\n")
