"""``plancheck schema``: print the plan JSON Schema (the same as schemas/plan.schema.json)."""

from __future__ import annotations

import argparse
import sys

from plancheck.schema import plan_schema_text


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("schema", help="print the plan data JSON Schema")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(plan_schema_text())
    return 0
