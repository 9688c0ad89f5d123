"""``plancheck progress``: each indicator against its 序时进度 path in each evaluation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plancheck._destination import write_output
from plancheck.cli._errors import UsageError
from plancheck.engine.config import load_config
from plancheck.outputs.progress_format import PROGRESS_FORMATS


def _tolerance(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "progress",
        help="progress table: each indicator against its 序时进度 path in each evaluation",
    )
    parser.add_argument("path", metavar="PLAN", help="plan file or plan directory")
    parser.add_argument("--format", choices=PROGRESS_FORMATS, default="text")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    parser.add_argument(
        "--tolerance",
        type=_tolerance,
        metavar="SHARE",
        help="lag allowed behind the path, as a share of the planned change (default: "
        "PC901's configured tolerance, else 0)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from plancheck.checks import progress_table
    from plancheck.cli._trace import source_files
    from plancheck.loading import load_plan
    from plancheck.outputs.progress_format import render_progress

    config = load_config()
    if not Path(args.path).exists():
        raise UsageError(f"路径不存在 / path not found: {args.path}")
    loaded = load_plan(args.path, max_file_bytes=config.max_file_bytes)
    if loaded.plan is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        raise UsageError(f"无法加载规划 / cannot load plan: {first}")
    tolerance = args.tolerance
    if tolerance is None:
        tolerance = config.params.get("PC901", {}).get("tolerance", 0)
    text = render_progress(progress_table(loaded.plan, tolerance), args.format)
    if args.output:
        inputs = [Path(name) for name in [*loaded.files, *source_files(loaded)]]
        write_output(args.output, text, inputs, "progress")
    else:
        sys.stdout.write(text)
    return 0
