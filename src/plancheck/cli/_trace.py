"""``plancheck trace``: the traceability matrix of one plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plancheck._atomic import write_atomic
from plancheck.cli._errors import UsageError
from plancheck.cli._guard import refuse_overwrite
from plancheck.engine.config import load_config
from plancheck.loading import LoadResult, load_plan
from plancheck.outputs.trace_format import TRACE_FORMATS, render_trace
from plancheck.trace import build_trace


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "trace", help="traceability matrix: funded projects against their 专栏 items"
    )
    parser.add_argument("path", metavar="PATH", help="plan file or plan directory")
    parser.add_argument("--format", choices=TRACE_FORMATS, default="text")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    parser.set_defaults(run=run)


def source_files(loaded: LoadResult) -> list[str]:
    plan = loaded.plan
    if plan is None or plan.source_document is None:
        return []
    base = Path(plan.path)
    return [((base if base.is_dir() else base.parent) / plan.source_document.path).as_posix()]


def run(args: argparse.Namespace) -> int:
    loaded = load_plan(args.path, max_file_bytes=load_config().max_file_bytes)
    if loaded.plan is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        raise UsageError(f"无法加载规划 / cannot load plan: {first}")
    text = render_trace(build_trace(loaded.plan), args.format)
    if args.output:
        inputs = [Path(name) for name in [*loaded.files, *source_files(loaded)]]
        refuse_overwrite(Path(args.output), inputs, "trace")
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
