"""Checking many plans, in parallel processes when asked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from plancheck.engine.api import Checker
from plancheck.engine.config import Config
from plancheck.records import PlanReport

Progress = Callable[[int, int], None]

_WORKER: Checker | None = None


def _init_worker(config: Config) -> None:
    # Each process builds its checker once (rule files, registry, plugins) and
    # reuses it for every plan it is handed.
    global _WORKER
    _WORKER = Checker(config)


def _check_one(path: Path) -> PlanReport:
    assert _WORKER is not None
    return _WORKER.check_path(path)


def check_many(
    checker: Checker,
    targets: Sequence[Path],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[PlanReport]:
    """Check every target; results come back in the order of ``targets``."""
    total = len(targets)
    if jobs <= 1 or total <= 1:
        reports = []
        for done, target in enumerate(targets, start=1):
            reports.append(checker.check_path(target))
            if progress:
                progress(done, total)
        return reports
    results: list[PlanReport] = []
    with ProcessPoolExecutor(
        max_workers=min(jobs, total), initializer=_init_worker, initargs=(checker.config,)
    ) as pool:
        for done, report in enumerate(pool.map(_check_one, targets, chunksize=4), start=1):
            results.append(report)
            if progress:
                progress(done, total)
    return results
