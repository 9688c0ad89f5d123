"""``plancheck extract``: draft the plan data of a published document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plancheck._destination import same_file
from plancheck.cli._errors import UsageError


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "extract",
        help="draft plan data from a published document (text, HTML or .docx)",
        description="Draft plan data (directory layout) from a published plan document. "
        "Fields the extractor is unsure of carry an `unsure:` comment; the report lists "
        "what it guessed and the lines it could not place.",
    )
    parser.add_argument("source", metavar="SOURCE", help="the document: .txt, .html or .docx")
    parser.add_argument(
        "-o", "--output", metavar="DIR", help="plan directory to write (default: SOURCE-stem-plan)"
    )
    parser.add_argument(
        "--force", action="store_true", help="write into DIR even when it is not empty"
    )
    parser.set_defaults(run=run)


def _target(args: argparse.Namespace) -> Path:
    source = Path(args.source)
    directory = Path(args.output) if args.output else Path(f"{source.stem}-plan")
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"输出路径不是目录 / output is not a directory: {directory}")
    if directory.is_dir() and any(directory.iterdir()) and not args.force:
        raise UsageError(
            f"输出目录非空（--force 可覆盖其中的规划文件）/ output directory is not empty "
            f"(--force writes over its plan files): {directory}"
        )
    for name in (
        "plan.yaml",
        "source.txt",
        "sections.yaml",
        "boxes.yaml",
        "indicators.yaml",
        "agencies.yaml",
        "projects.yaml",
        "declarations.yaml",
        "claims.yaml",
    ):
        if same_file(directory / name, source):
            raise UsageError(f"拒绝覆盖输入文件 / refusing to overwrite the input file: {source}")
    return directory


def run(args: argparse.Namespace) -> int:
    # The extractor is large and only this command uses it.
    from plancheck.extraction import ExtractError, extract_to

    directory = _target(args)
    try:
        plan, report, written = extract_to(args.source, directory)
    except ExtractError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(report.render())
    if written:
        print(f"  写入 / wrote: {directory.as_posix()}/ ({len(written)} files)")
    return 0 if plan is not None and report.ok else 1
