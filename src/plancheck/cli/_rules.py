"""``plancheck rules`` and ``plancheck explain``: the catalogue and each rule's documentation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from plancheck._destination import write_output
from plancheck.cli._errors import UsageError
from plancheck.engine.api import Checker
from plancheck.engine.config import load_config, load_config_file

if TYPE_CHECKING:
    from plancheck.engine.catalogue import Catalogue
    from plancheck.records import Rule


def _catalogue(args: argparse.Namespace) -> Catalogue:
    """The rules a check run here would know: built-in ones, the configuration's rule
    files and those of the plugins it loads."""
    config = load_config_file(Path(args.config)) if args.config else load_config()
    return Checker(config).catalogue


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration whose plugins and rule files to include "
        "(default: the nearest .plancheck.yaml or pyproject.toml)",
    )


def _page(rule: Rule, catalogue: Catalogue) -> str:
    from plancheck.engine.checksource import check_doc
    from plancheck.outputs.ruledoc import rule_markdown

    spec = catalogue.checks.get(rule.code)
    return rule_markdown(rule, check_doc(spec) if spec is not None else None)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``rules`` and ``explain`` commands."""
    rules = commands.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")
    rules.add_argument("--lang", choices=("zh", "en"), default="en")
    rules.add_argument(
        "--output-dir",
        metavar="DIR",
        help="with --format markdown: write one page per rule and an index into DIR",
    )
    _config_option(rules)
    rules.set_defaults(run=run_rules)
    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code", help="rule code, e.g. PC401 (or its name)")
    _config_option(explain)
    explain.set_defaults(run=run_explain)


def run_rules(args: argparse.Namespace) -> int:
    # Imported here, as by the other commands: every start-up builds this parser.
    from plancheck.outputs.ruledoc import rules_index_markdown, rules_table

    catalogue = _catalogue(args)
    if args.format == "text":
        if args.output_dir:
            raise UsageError(
                "--output-dir 需要 --format markdown / --output-dir needs --format markdown"
            )
        sys.stdout.write(rules_table(catalogue, args.lang))
        return 0
    if not args.output_dir:
        sys.stdout.write("\n".join(_page(rule, catalogue) for rule in catalogue))
        return 0
    folder = Path(args.output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for rule in catalogue:
        write_output(folder / f"{rule.code}.md", _page(rule, catalogue))
    write_output(folder / "README.md", rules_index_markdown(catalogue))
    return 0


def run_explain(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    wanted = args.code.strip()
    for rule in catalogue:
        if wanted.upper() == rule.code or wanted == rule.name:
            sys.stdout.write(_page(rule, catalogue))
            return 0
    raise UsageError(f"未知的规则 / unknown rule: {wanted} (see `plancheck rules`)")
