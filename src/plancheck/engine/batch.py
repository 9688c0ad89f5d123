"""Checking many plans for the command line: cached, in worker processes when asked.

Reports come back in the order of the targets. Workers send each report as compact
JSON in chunks (not pickled records), so the parent's share of the work stays small;
the per-subject results no output reads are dropped unless ``keep_results`` is set.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from plancheck.engine._codec import decode_report, encode_report
from plancheck.engine.api import Checker
from plancheck.engine.cache import ResultCache
from plancheck.engine.config import Config
from plancheck.engine.run import run_plan
from plancheck.loading import load_plan
from plancheck.records import PlanReport

Progress = Callable[[int, int], None]
Phase = Callable[[str], None]

_WORKER: tuple[Checker, bool] | None = None


def available_cpus() -> int:
    """The CPUs this process may run on (``--jobs auto``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(config: Config, keep_results: bool) -> None:
    # Each process builds its checker once and reuses it for every chunk it is handed.
    global _WORKER
    _WORKER = (Checker(config), keep_results)


def _check_chunk(targets: list[Path]) -> list[str]:
    assert _WORKER is not None
    checker, keep = _WORKER
    texts = []
    for target in targets:
        report = _check_one(checker, target, keep)
        texts.append(json.dumps(encode_report(report), ensure_ascii=False, separators=(",", ":")))
    return texts


def _chunks(targets: Sequence[Path], jobs: int) -> list[list[Path]]:
    # Several chunks per worker keep the load even; chunks of a few plans keep the
    # per-task overhead small. Order is kept: chunk i holds consecutive targets.
    size = max(1, min(32, len(targets) // (jobs * 8)))
    return [list(targets[i : i + size]) for i in range(0, len(targets), size)]


def _check_one(
    checker: Checker, target: Path, keep_results: bool, phase: Phase | None = None
) -> PlanReport:
    # What Checker.check_path does, naming the two phases of a large plan and keeping
    # the verdicts as counts unless asked.
    config = checker.config
    if phase:
        phase(f"reading {target.as_posix()}")
    loaded = load_plan(target, max_file_bytes=config.max_file_bytes, max_values=config.max_values)
    if phase:
        phase(f"checking {target.as_posix()}")
    return run_plan(loaded, checker.rules, keep_results=keep_results)


def _checked(
    checker: Checker,
    targets: Sequence[Path],
    jobs: int,
    keep_results: bool,
    phase: Phase | None = None,
) -> Iterator[PlanReport]:
    if jobs <= 1 or len(targets) <= 1:
        for target in targets:
            yield _check_one(checker, target, keep_results, phase)
        return
    # Process pools (multiprocessing, pickle) are imported only by runs that use them.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=min(jobs, len(targets)),
        initializer=_init_worker,
        initargs=(checker.config, keep_results),
    ) as pool:
        for texts in pool.map(_check_chunk, _chunks(targets, jobs)):
            for text in texts:
                yield decode_report(json.loads(text))


def check_batch(
    checker: Checker,
    targets: Sequence[Path],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: ResultCache | None = None,
    keep_results: bool = False,
    phase: Phase | None = None,
) -> Iterator[PlanReport]:
    """Each target's report, in order: from ``cache`` when still valid, else checked.

    ``phase`` is told what a single process is doing (reading, checking a plan).
    """
    total = len(targets)
    found: dict[int, PlanReport] = {}
    missing: list[int] = []
    for position, target in enumerate(targets):
        report = cache.get(target) if cache is not None else None
        if report is None:
            missing.append(position)
        else:
            found[position] = report
    fresh = _checked(checker, [targets[i] for i in missing], jobs, keep_results, phase)
    for done, (position, target) in enumerate(enumerate(targets), start=1):
        report = found.pop(position, None)
        if report is None:
            report = next(fresh)
            if cache is not None:
                cache.put(target, report)
        if progress:
            progress(done, total)
        yield report
