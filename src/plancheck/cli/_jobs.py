"""``--jobs`` and the result cache for ``plancheck check``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from plancheck.cli._errors import UsageError
from plancheck.engine.api import Checker
from plancheck.engine.batch import available_cpus, check_batch
from plancheck.engine.cache import CACHE_ENV, ResultCache, default_cache_dir, run_key
from plancheck.records import PlanReport


def jobs_value(text: str) -> int:
    """``--jobs``: a number of processes or ``auto`` for one per CPU (checked in ``checked``)."""
    if text == "auto":
        return available_cpus()
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--jobs 应为正整数或 auto / --jobs takes a positive number or 'auto', not {text!r}"
        ) from None


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=jobs_value,
        default=1,
        metavar="N",
        help="check plans in N parallel processes, or 'auto' for one per CPU (default: 1)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check every plan again instead of reusing results of unchanged plans "
        f"(the cache is .plancheck_cache here, or ${CACHE_ENV}; safe to delete)",
    )


def checked(
    checker: Checker,
    targets: Sequence[Path],
    args: argparse.Namespace,
    progress: Callable[[int, int], None] | None,
    phase: Callable[[str], None] | None = None,
) -> Iterator[PlanReport]:
    """Every target's report, in order, reusing cached results unless ``--no-cache``."""
    if args.jobs < 1:
        raise UsageError("--jobs 必须至少为 1 / --jobs must be at least 1")
    cache = None
    if not getattr(args, "no_cache", False):
        limit = checker.config.max_file_bytes
        cache = ResultCache(default_cache_dir(), run_key(checker), max_bytes=limit)
    return check_batch(
        checker, targets, jobs=args.jobs, progress=progress, cache=cache, phase=phase
    )
