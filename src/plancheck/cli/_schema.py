"""``plancheck schema``: print the plan JSON Schema (or the findings report schema)."""

from __future__ import annotations

import argparse
import sys


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("schema", help="print the plan data JSON Schema")
    parser.add_argument(
        "--findings",
        action="store_true",
        help="print the schema of the JSON report instead (schemas/findings.schema.json)",
    )
    parser.add_argument(
        "--part",
        action="store_true",
        help="print the schema of a directory plan's part files (schemas/part.schema.json)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print the schema of `plancheck diff --format json` (schemas/diff.schema.json)",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="print the schema of `plancheck progress --format json` "
        "(schemas/progress.schema.json)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from plancheck.outputs.json_schema import findings_schema_text
    from plancheck.outputs.progress_format import progress_schema_text
    from plancheck.plan_diff import diff_schema_text
    from plancheck.schema import part_schema_text, plan_schema_text

    if args.findings:
        sys.stdout.write(findings_schema_text())
    elif args.part:
        sys.stdout.write(part_schema_text())
    elif args.diff:
        sys.stdout.write(diff_schema_text())
    elif args.progress:
        sys.stdout.write(progress_schema_text())
    else:
        sys.stdout.write(plan_schema_text())
    return 0
