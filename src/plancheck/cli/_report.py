"""``plancheck report``: check plans and write the HTML review report."""

from __future__ import annotations

import argparse
import sys

from plancheck.cli import _check

DEFAULT_OUTPUT = "plancheck-report.html"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "report",
        help="write an HTML review report (one self-contained file)",
        description="Check plans and write one self-contained HTML review report: summary, "
        "findings with source excerpts, funding charts, the traceability matrix, "
        "indicators, rule coverage and waived findings. Exit codes as for `check`.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="plan files, plan directories or folders to search"
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=DEFAULT_OUTPUT,
        help=f"where to write the report, atomically; `-` for stdout (default: {DEFAULT_OUTPUT})",
    )
    _check.add_selection_options(parser)
    _check.add_review_options(parser)
    _check.add_run_options(parser)
    parser.set_defaults(
        run=run,
        format="html",
        statistics=False,
        show_waived=False,
        write_baseline=None,
        changed=False,
        failing_only=False,
        quiet=False,
    )


def run(args: argparse.Namespace) -> int:
    if args.output == "-":
        args.output = None
        return _check.run(args)
    code = _check.run(args)
    print(f"plancheck: wrote {args.output}", file=sys.stderr)
    return code
