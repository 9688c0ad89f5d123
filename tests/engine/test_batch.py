"""Many plans: in order, the same in worker processes, with compact results."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from plancheck import Checker
from plancheck.cli import main
from plancheck.cli._jobs import jobs_value
from plancheck.engine.batch import _chunks, available_cpus, check_batch
from tests.conftest import MINIMAL_PLAN


@pytest.fixture
def plans(tmp_path: Path) -> list[Path]:
    paths = []
    for number in range(7):
        path = tmp_path / f"plan{number}.yaml"
        body = MINIMAL_PLAN.replace("id: fixture", f"id: plan{number}")
        if number % 2:
            body += "projects:\n  - {id: a, name: 甲, funding: 3亿元}\n  - {id: a, name: 乙}\n"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def test_workers_give_the_reports_one_process_gives(plans: list[Path]) -> None:
    checker = Checker()
    alone = list(check_batch(checker, plans, jobs=1))
    workers = list(check_batch(checker, plans, jobs=2))
    assert workers == alone
    assert [report.path for report in workers] == [plan.as_posix() for plan in plans]
    assert any(report.findings for report in workers)


def test_results_are_dropped_unless_kept(plans: list[Path]) -> None:
    checker = Checker()
    compact = list(check_batch(checker, plans[:2], jobs=2))
    full = list(check_batch(checker, plans[:2], jobs=2, keep_results=True))
    assert all(not report.results for report in compact)
    assert full == [checker.check_path(plan) for plan in plans[:2]]
    assert [r.findings for r in full] == [r.findings for r in compact]


def test_progress_counts_every_plan(plans: list[Path]) -> None:
    seen: list[tuple[int, int]] = []
    list(check_batch(Checker(), plans, jobs=2, progress=lambda d, t: seen.append((d, t))))
    assert seen == [(done, len(plans)) for done in range(1, len(plans) + 1)]


def test_chunks_keep_order_and_cover_every_target() -> None:
    targets = [Path(f"p{n}") for n in range(1000)]
    chunks = _chunks(targets, 2)
    assert [t for chunk in chunks for t in chunk] == targets
    assert max(len(chunk) for chunk in chunks) <= 32


def test_jobs_auto_is_the_cpu_count() -> None:
    assert jobs_value("auto") == available_cpus() >= 1
    assert jobs_value("3") == 3
    with pytest.raises(argparse.ArgumentTypeError, match="auto"):
        jobs_value("many")


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit"])
def test_cli_output_is_the_same_with_workers(
    plans: list[Path], output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(plans[0].parent)
    args = ["check", folder, "--format", output_format, "--no-cache"]
    one = main([*args, "--jobs", "1"]), capsys.readouterr().out
    two = main([*args, "--jobs", "2"]), capsys.readouterr().out
    auto = main([*args, "--jobs", "auto"]), capsys.readouterr().out
    assert one == two == auto


def test_counting_verdicts_only_changes_nothing_else() -> None:
    from plancheck import load_plan
    from plancheck.engine.run import run_plan
    from tests.conftest import CORPUS

    checker = Checker()
    full = run_plan(load_plan(CORPUS), checker.rules)
    counted = run_plan(load_plan(CORPUS), checker.rules, keep_results=False)
    assert full.results and not counted.results
    assert counted.stats == full.stats and counted.findings == full.findings
    assert counted.files == full.files
