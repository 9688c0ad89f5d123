"""``plancheck trace``: the traceability matrix of one plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from plancheck._destination import write_output
from plancheck.cli._errors import UsageError

if TYPE_CHECKING:
    from plancheck.loading import LoadResult
from plancheck.outputs.trace_format import TRACE_FORMATS


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
    from plancheck.engine.config import load_config
    from plancheck.loading import load_plan
    from plancheck.outputs.trace_format import render_trace
    from plancheck.trace import build_trace

    config = load_config()
    limits = {"max_file_bytes": config.max_file_bytes, "max_values": config.max_values}
    loaded = load_plan(args.path, **limits)
    if loaded.plan is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        raise UsageError(f"无法加载规划 / cannot load plan: {first}")
    text = render_trace(build_trace(loaded.plan), args.format)
    if args.output:
        inputs = [Path(name) for name in [*loaded.files, *source_files(loaded)]]
        inputs += [Path(config.origin)] if config.origin else []
        write_output(args.output, text, [*inputs, *config.rule_files()], "trace")
    else:
        sys.stdout.write(text)
    return 0
