"""The ``--jobs`` and ``--no-cache`` options of ``plancheck check`` (run in ``_configs``)."""

from __future__ import annotations

import argparse

from plancheck._cache_dir import CACHE_ENV
from plancheck.engine.batch import available_cpus


def jobs_value(text: str) -> int:
    """``--jobs``: a number of processes or ``auto`` for one per CPU (checked in ``run``)."""
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
