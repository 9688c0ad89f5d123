"""Input integrity against the published text: quotes on their lines (PC007) and the
source document itself (PC008).

The source document is read once by ``PlanIndex.source_text``; these checks only
look lines up in it, so they are linear in the number of source references.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import Entity, Plan

# How far from the stated line a misplaced quote is looked for, to say where it is.
_NEARBY_LINES = 50
# Quotes longer than this are shortened in messages (the evidence keeps them whole).
_QUOTE_CHARS = 40

NO_SOURCE_DOCUMENT = "the plan names no source document"
UNREADABLE_SOURCE = "the source document cannot be read (see PC008)"


def _short(quote: str) -> str:
    return quote if len(quote) <= _QUOTE_CHARS else f"{quote[: _QUOTE_CHARS - 1]}…"


def _nearest_line(index: PlanIndex, quote: str, line: int) -> int | None:
    """The line nearest to ``line`` (within ``_NEARBY_LINES``) that holds ``quote``."""
    for distance in range(1, _NEARBY_LINES + 1):
        for candidate in (line - distance, line + distance):
            text = index.source_line(candidate)
            if text is not None and quote in text:
                return candidate
    return None


def _check_reference(entity: Entity, index: PlanIndex, total_lines: int) -> Iterator[Fail]:
    ref = entity.source
    if ref is None or ref.line is None:
        return  # a section-only reference is checked by PC005
    text = index.source_line(ref.line)
    if text is None:
        yield Fail(
            args={"line": ref.line, "lines": total_lines},
            evidence={"line": str(ref.line), "lines": str(total_lines)},
            field="source/line",
            node=entity,
            variant="beyond-end",
        )
        return
    quote = ref.quote
    if quote is None:
        if ref.column is not None and ref.column > len(text):
            yield Fail(
                args={"line": ref.line, "column": ref.column, "length": len(text)},
                evidence={"line": str(ref.line), "column": str(ref.column)},
                field="source/column",
                node=entity,
                variant="column-beyond-end",
            )
        return
    args: dict[str, object] = {"line": ref.line, "quote": _short(quote)}
    evidence = {"line": str(ref.line), "quote": quote}
    found = text.find(quote)
    if found < 0:
        elsewhere = _nearest_line(index, quote, ref.line)
        if elsewhere is None:
            yield Fail(args=args, evidence=evidence, field="source/quote", node=entity)
        else:
            yield Fail(
                args={**args, "found": elsewhere},
                evidence=evidence,
                field="source/line",
                node=entity,
                variant="elsewhere",
            )
        return
    if ref.column is not None and not text.startswith(quote, ref.column - 1):
        yield Fail(
            args={**args, "column": ref.column, "found": found + 1},
            evidence={**evidence, "column": str(ref.column)},
            field="source/column",
            node=entity,
            variant="column",
        )


@check("misplaced-source-quote", given="plan", reports_on=("entities",))
def misplaced_quotes(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Each ``source`` must point at an existing line that holds its quote."""
    if plan.source_document is None:
        yield NotApplicable(NO_SOURCE_DOCUMENT)
        return
    source = index.source_text
    if source is None:
        yield NotApplicable(UNREADABLE_SOURCE)
        return
    for entity in plan.iter_entities():
        yield from _check_reference(entity, index, len(source.lines))


def _document_path(plan: Plan, relative: str) -> Path:
    base = Path(plan.path)
    folder = base if base.is_dir() else base.parent
    return folder / relative


@check("source-document-mismatch", given="plan")
def source_document(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """The named source document must exist and match its declared sha256."""
    document = plan.source_document
    if document is None:
        yield NotApplicable(NO_SOURCE_DOCUMENT)
        return
    if not plan.path:
        yield NotApplicable("the plan was not loaded from a file")
        return
    source = index.source_text
    if source is None:
        exists = _document_path(plan, document.path).exists()
        yield Fail(
            args={"path": document.path},
            evidence={"path": document.path},
            field="source_document/path",
            variant=None if not exists else "unreadable",
        )
        return
    if document.sha256 is not None and document.sha256 != source.sha256:
        yield Fail(
            args={"path": document.path, "declared": document.sha256, "actual": source.sha256},
            evidence={"path": document.path, "expected": document.sha256, "actual": source.sha256},
            field="source_document/sha256",
            variant="sha256",
        )
