"""``plancheck extract``: a draft of the plan data from the published document.

Reads plain text, HTML (tables as ``<table>``) or .docx (with ``plancheck[docx]``), recognises
the usual layout of a 规划 — title and period, numbered sections, 专栏 and their items, the
indicator table, the project appendix, totals, declared counts and quantitative claims — and
returns the plan with an account of what was guessed and what could not be placed.
"""

from __future__ import annotations

import os
from pathlib import Path

from plancheck.extraction._extract import build_plan, run
from plancheck.extraction._readers import ExtractError, read_document
from plancheck.extraction._report import ExtractReport, Region
from plancheck.extraction._writer import render_files, write_plan
from plancheck.model import Plan

__all__ = ["ExtractError", "ExtractReport", "Region", "extract", "extract_to"]


def _extract(
    path: str | os.PathLike[str], *, render: bool
) -> tuple[Plan | None, ExtractReport, dict[str, bytes]]:
    document, notes = read_document(path)
    draft, report = run(document)
    report.notes.extend(notes)
    plan = build_plan(draft, report)
    files: dict[str, bytes] = {}
    if render and not report.no_plan:
        files = render_files(draft, document.rendering, Path(path).name)
    return plan, report, files


def extract(path: str | os.PathLike[str]) -> tuple[Plan | None, ExtractReport]:
    """Extract the plan of a document; the plan is None when there is none (see the report).

    Raises ``ExtractError`` when the file cannot be read at all.
    """
    plan, report, _ = _extract(path, render=False)
    return plan, report


def extract_to(
    path: str | os.PathLike[str], directory: str | os.PathLike[str]
) -> tuple[Plan | None, ExtractReport, list[Path]]:
    """Extract and write the plan directory (plan.yaml, part files, source.txt) atomically."""
    plan, report, files = _extract(path, render=True)
    written = write_plan(Path(directory), files) if files else []
    return plan, report, written
