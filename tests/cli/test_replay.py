"""Replaying an unchanged run: the same report, and a fresh check whenever any input changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from plancheck._cache_dir import default_cache_dir
from plancheck.cli import _replay, main
from plancheck.engine.config import CONFIG_FILE
from plancheck.review import WAIVERS_FILE
from plancheck.review import apply as review_apply
from tests.conftest import CORPUS, MINIMAL_PLAN, ROOT

COUNTY = ROOT / "corpus" / "example-county-2012-2015"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding two plan folders and a single-file plan."""
    shutil.copytree(CORPUS, tmp_path / "plans" / "baoji")
    shutil.copytree(COUNTY, tmp_path / "plans" / "county")
    (tmp_path / "plans" / "single.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Spy:
    """Whether each run of ``main`` replayed a record."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.replayed: list[bool] = []
        real = _replay.replay

        def replay(key: str) -> tuple[str, int] | None:
            found = real(key)
            self.replayed.append(found is not None)
            return found

        monkeypatch.setattr(_replay, "replay", replay)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    return Spy(monkeypatch)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    "options",
    [
        (),
        ("-q",),
        ("--format", "json"),
        ("--format", "sarif"),
        ("--format", "junit"),
        ("--format", "github"),
        ("--format", "markdown"),
        ("--format", "html"),
        ("--statistics", "--lang", "zh"),
        ("--failing-only", "--fail-on", "warning"),
        ("--jobs", "2"),
    ],
)
def test_an_unchanged_run_prints_the_same_report_again(
    options: tuple[str, ...], work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = _run(capsys, "plans", *options, "--no-cache")
    first = _run(capsys, "plans", *options)
    again = _run(capsys, "plans", *options)
    assert fresh == first == again
    assert spy.replayed == [False, True]


def test_a_replayed_run_imports_no_checker(work: Path) -> None:
    probe = (
        "import sys\nfrom plancheck.cli import main\n"
        "code = main(['check', 'plans'])\n"
        "print('LOADED', sorted(m for m in ('pydantic', 'plancheck.engine', 'plancheck.model',"
        " 'ruamel.yaml') if m in sys.modules))\nsys.exit(code)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=work
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [1, 1]
    first, second = (run.stdout.rsplit("LOADED", 1) for run in runs)
    assert first[0] == second[0]
    assert "pydantic" in first[1]
    assert second[1].strip() == "[]"


def _edit(path: str, text: str = "\n# edited\n") -> Callable[[Path], None]:
    def edit(work: Path) -> None:
        with (work / path).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


def _write(path: str, text: str) -> Callable[[Path], None]:
    def write(work: Path) -> None:
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_text(text, encoding="utf-8")

    return write


def _remove(path: str) -> Callable[[Path], None]:
    def remove(work: Path) -> None:
        (work / path).unlink()

    return remove


IGNORE_PC3 = "ignore: [PC3]\n"
CHANGES = {
    "a plan file is edited": _edit("plans/single.yaml", "summary: 改写\n"),
    "a part file is edited": _edit("plans/baoji/projects.yaml"),
    "a source document is edited": _edit("plans/baoji/source.txt", "\n新增一句。\n"),
    "a data file of an evaluation is edited": _edit("plans/county/evaluations.yaml"),
    "a plan is added": _write("plans/extra.yaml", MINIMAL_PLAN.replace("fixture", "extra")),
    "a plan is added in a new folder": _write(
        "plans/more/extra.yaml", MINIMAL_PLAN.replace("fixture", "extra")
    ),
    "a plan is removed": _remove("plans/single.yaml"),
    "a configuration appears beside the plans": _write(f"plans/baoji/{CONFIG_FILE}", IGNORE_PC3),
    "a configuration appears here": _write(CONFIG_FILE, "lang: zh\n"),
    "a pyproject configures plancheck": _write("pyproject.toml", "[tool.plancheck]\nlang = 'zh'\n"),
    "a waivers file appears": _write(WAIVERS_FILE, "waivers: []\n"),
    "a repository root appears": lambda work: (work / ".git").mkdir(),
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_any_changed_input_is_checked_afresh(
    change: str, work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "plans")
    CHANGES[change](work)
    after = _run(capsys, "plans")
    assert spy.replayed == [False, False]
    assert after == _run(capsys, "plans", "--no-cache")
    # And the new state is recorded in turn.
    assert _run(capsys, "plans") == after
    assert spy.replayed[-1] is True


def test_named_files_are_inputs_too(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files given on the command line or named by the configuration: waivers, baseline,
    extra rule files."""
    (work / "rules").mkdir()
    shutil.copy(ROOT / "rules" / "PC001.yaml", work / "rules" / "XY001.yaml")
    (work / "rules" / "XY001.yaml").write_text(
        (work / "rules" / "XY001.yaml").read_text(encoding="utf-8").replace("PC001", "XY001"),
        encoding="utf-8",
    )
    (work / "config.yaml").write_text("rules: [rules/XY001.yaml]\n", encoding="utf-8")
    (work / "w.yaml").write_text("waivers: []\n", encoding="utf-8")
    args = ("plans", "--config", "config.yaml", "--waivers", "w.yaml")
    assert main(["check", *args, "--write-baseline", "base.json"]) in (0, 1)
    capsys.readouterr()
    args = (*args, "--baseline", "base.json")
    for edit in ("rules/XY001.yaml", "config.yaml", "w.yaml", "base.json"):
        before = _run(capsys, *args)
        assert _run(capsys, *args) == before
        assert spy.replayed[-1] is True
        with (work / edit).open("a", encoding="utf-8") as handle:
            handle.write("\n" if edit.endswith(".json") else "\n# edited\n")
        assert _run(capsys, *args) == before
        assert spy.replayed[-1] is False, f"{edit} was edited"


@pytest.mark.parametrize(
    "different",
    [("--lang", "zh"), ("--fail-on", "info"), ("--select", "PC1")],
)
def test_another_command_line_is_another_run(
    different: tuple[str, ...], work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "plans")
    assert _run(capsys, "plans", *different) == _run(capsys, "plans", *different, "--no-cache")
    assert spy.replayed == [False, False]


def test_the_environment_and_directory_are_part_of_the_run(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(capsys, "plans")
    monkeypatch.setenv("NO_COLOR", "1")
    _run(capsys, "plans")
    monkeypatch.chdir(work / "plans")
    _run(capsys, ".")
    assert spy.replayed == [False, False, False]


def test_edited_plancheck_code_is_checked_afresh(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(capsys, "plans")
    real = _replay.code_stamp
    monkeypatch.setattr(_replay, "code_stamp", lambda extra: [*real(extra), ["new.py", 1, 2]])
    _run(capsys, "plans")
    assert spy.replayed == [False, False]


@pytest.mark.parametrize(
    "options",
    [
        ("--no-cache",),
        ("--output", "report.txt"),
        ("--write-baseline", "base.json"),
        ("--timestamps", "--format", "sarif"),
    ],
)
def test_runs_that_do_more_than_print_are_not_recorded(
    options: tuple[str, ...], work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = {_run(capsys, "plans", *options)[0] for _ in range(2)}
    assert codes <= {0, 1}
    assert _records() == []


def test_a_github_summary_run_is_not_recorded(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = work / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for _ in range(2):
        _run(capsys, "plans", "--format", "github")
    assert spy.replayed == [False, False]
    # Both runs appended their summary: nothing was skipped.
    assert summary.read_text(encoding="utf-8").count("plancheck") >= 2


def test_a_failed_run_is_not_recorded(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / CONFIG_FILE).write_text("lang: fr\n", encoding="utf-8")
    assert main(["check", "plans"]) == 2
    assert main(["check", "plans"]) == 2
    assert spy.replayed == [False, False]
    assert _records() == []


def _records() -> list[Path]:
    return sorted((default_cache_dir() / "runs").glob("*.json"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "[]",
        lambda text: json.dumps({**json.loads(text), "files": [["x", "big", None]]}),
        lambda text: json.dumps({**json.loads(text), "exit": "1"}),
        lambda text: json.dumps({**json.loads(text), "key": "another"}),
    ],
)
def test_a_damaged_record_means_checking_again(
    damage: Callable[[str], str], work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _run(capsys, "plans")
    [record] = _records()
    record.write_text(damage(record.read_text(encoding="utf-8")), encoding="utf-8")
    assert _run(capsys, "plans") == first
    assert spy.replayed == [False, False]


def test_the_names_looked_for_are_those_plancheck_reads() -> None:
    assert {CONFIG_FILE, "pyproject.toml", WAIVERS_FILE, ".git"} == set(_replay.LOOKED_FOR)


def test_a_folder_that_now_leads_elsewhere_is_checked_afresh(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same plans reached through a symlink whose target moved: the configuration
    above the real folder is another one."""
    configured = work / "configured"
    configured.mkdir()
    shutil.move(work / "plans", configured / "plans")
    (configured / CONFIG_FILE).write_text(IGNORE_PC3, encoding="utf-8")
    shutil.copytree(configured / "plans", work / "plain")
    (work / "link").symlink_to(configured / "plans", target_is_directory=True)
    first = _run(capsys, "link")
    (work / "link").unlink()
    (work / "link").symlink_to(work / "plain", target_is_directory=True)
    after = _run(capsys, "link")
    assert spy.replayed == [False, False]
    assert after != first
    assert after == _run(capsys, "link", "--no-cache")


def _today_is(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    class Fixed(date):
        @classmethod
        def today(cls) -> Fixed:
            return cls(day.year, day.month, day.day)

    monkeypatch.setattr(_replay, "date", Fixed)
    monkeypatch.setattr(review_apply, "date", Fixed)


def test_a_waiver_that_expired_since_is_judged_again(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "plans" / "single.yaml").write_text(
        MINIMAL_PLAN + "projects:\n  - {id: edu, name: 教育, years: 2019-2022, funding: 1}\n",
        encoding="utf-8",
    )
    (work / WAIVERS_FILE).write_text(
        "waivers:\n  - rule: PC101\n    subject: projects/edu\n    reason: 续建项目\n"
        "    approved_by: 规划处 张三\n    expires: 2026-11-30\n",
        encoding="utf-8",
    )
    _today_is(monkeypatch, date(2026, 11, 30))
    waived = _run(capsys, "plans/single.yaml", "--select", "PC101")
    assert _run(capsys, "plans/single.yaml", "--select", "PC101") == waived
    _today_is(monkeypatch, date(2026, 12, 1))
    expired = _run(capsys, "plans/single.yaml", "--select", "PC101")
    assert spy.replayed == [False, True, False]
    assert waived[0] == 0
    assert expired[0] == 1


def test_a_plan_file_link_that_now_leads_outside_is_checked_afresh(
    work: Path, spy: Spy, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same contents, but the link now leads outside the repository: the plan may
    not be read at all (PC002), so neither the run nor the plan's result is reused."""
    (work / ".git").mkdir()
    inside = work / "plans" / "single.yaml"
    outside = work.parent / f"{work.name}-outside.yaml"
    shutil.copy(inside, outside)
    (work / "link.yaml").symlink_to(inside)
    first = _run(capsys, "link.yaml")
    (work / "link.yaml").unlink()
    (work / "link.yaml").symlink_to(outside)
    after = _run(capsys, "link.yaml")
    assert spy.replayed == [False, False]
    assert after[0] == 1 and "PC002" in after[1] and first[0] == 0
    assert after == _run(capsys, "link.yaml", "--no-cache")
