"""``plancheck diff OLD NEW``: what changed between two versions, and the revision rules."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from plancheck._destination import write_output
from plancheck.cli._errors import UsageError
from plancheck.engine.api import Checker
from plancheck.engine.config import Config, load_config, load_config_file
from plancheck.loading import LoadResult, load_plan, plan_file_for
from plancheck.model import Plan
from plancheck.plan_diff import DIFF_FORMATS
from plancheck.records import Severity

REVISION_FAMILY = "revision"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "diff",
        help="what changed between two versions of a plan, and the revision rules (PC7xx)",
        description="Compare two versions of a plan: entities added, removed and changed, "
        "funding per category and in total; then run the revision rules on the change. "
        "Either side may be REV:PATH, read from git without touching the work tree "
        "(e.g. HEAD~1:plans/x).",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version: a path or REV:PATH")
    parser.add_argument("new", metavar="NEW", help="the revised version: a path or REV:PATH")
    parser.add_argument(
        "--format", choices=DIFF_FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically)")
    parser.add_argument("--lang", choices=("zh", "en"), help="message language (default: en)")
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity of a revision finding that makes the exit code 1 "
        "(default: the configuration's, else error)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: nearest .plancheck.yaml or pyproject.toml)",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing; only set the exit code"
    )
    parser.set_defaults(run=run)


@contextmanager
def read_version(spec: str, max_file_bytes: int) -> Iterator[LoadResult]:
    """A plan from a path or from ``REV:PATH``; a one-line usage error when unreadable."""
    from plancheck.plan_diff import GitError, checkout_plan, split_spec

    if split_spec(spec) is not None:
        try:
            with checkout_plan(spec, max_file_bytes=max_file_bytes) as loaded:
                if loaded is None:
                    raise UsageError(f"该版本中没有此规划 / no plan at {spec}")
                yield loaded
        except GitError as exc:
            raise UsageError(f"{spec}: {exc}") from None
        return
    path = Path(spec)
    if not path.exists():
        raise UsageError(f"路径不存在 / path not found: {spec}")
    yield load_plan(path, max_file_bytes=max_file_bytes)


def _plan(loaded: LoadResult, spec: str) -> Plan:
    if loaded.plan is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        detail = f": {first}" if first is not None else ""
        raise UsageError(f"无法读取规划 / cannot load plan {spec}{detail}")
    return loaded.plan


def _config(args: argparse.Namespace) -> Config:
    config = load_config_file(Path(args.config)) if args.config else load_config()
    updates: dict[str, object] = {"select": [REVISION_FAMILY]}
    if args.lang:
        updates["lang"] = args.lang
    if args.fail_on:
        updates["fail_on"] = Severity(args.fail_on)
    return config.model_copy(update=updates)


def run(args: argparse.Namespace) -> int:
    from plancheck.plan_diff import diff, render_diff, split_spec

    config = _config(args)
    checker = Checker(config)
    with ExitStack() as stack:
        old_loaded = stack.enter_context(read_version(args.old, config.max_file_bytes))
        new_loaded = stack.enter_context(read_version(args.new, config.max_file_bytes))
        old, new = _plan(old_loaded, args.old), _plan(new_loaded, args.new)
        changes = diff(old, new)
        report = checker.report([checker.check_plan(new, base=old)])
    if args.quiet:
        return report.exit_code
    text = render_diff(changes, args.format, report, config.lang)
    if args.output:
        inputs = [Path(f) for f in (*old_loaded.files, *new_loaded.files)]
        inputs += [plan_file_for(Path(s)) for s in (args.old, args.new) if not split_spec(s)]
        write_output(args.output, text, inputs, "diff")
    else:
        sys.stdout.write(text)
    return report.exit_code
