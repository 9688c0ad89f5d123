"""The source-document excerpt of a finding: its line, the neighbours, the words marked."""

from __future__ import annotations

from collections.abc import Mapping

from plancheck.model import Plan
from plancheck.outputs.html._escape import esc
from plancheck.outputs.html._material import PlanMaterial
from plancheck.records import Finding

_NEIGHBOUR_CHARS = 120
_CONTEXT_CHARS = 160
_CLAUSE_END = "，。；：、！？,;"


Quotes = Mapping[tuple[str, int], str]


def quotes_of(plan: Plan) -> Quotes:
    """(entity key, source line) -> the words the entity quotes on that line; built once
    per plan so that marking every finding's words does not rescan the plan."""
    quotes: dict[tuple[str, int], str] = {}
    for entity in plan.iter_entities():
        # Indicator values have no key of their own; findings name their indicator.
        key = getattr(entity, "key", None)
        ref = entity.source
        if isinstance(key, str) and ref is not None and ref.line is not None and ref.quote:
            quotes.setdefault((key, ref.line), ref.quote)
    return quotes


def _window(text: str, start: int, end: int) -> str:
    """The marked words with up to ``_CONTEXT_CHARS`` either side: source lines are
    whole paragraphs, and the reviewer needs the sentence, not the page."""
    left = max(0, start - _CONTEXT_CHARS)
    right = min(len(text), end + _CONTEXT_CHARS)
    return (
        ("…" if left else "")
        + esc(text[left:start])
        + f"<mark>{esc(text[start:end])}</mark>"
        + esc(text[end:right])
        + ("…" if right < len(text) else "")
    )


def _marked(text: str, quote: str | None, column: int | None) -> str:
    if quote and quote in text:
        start = text.index(quote)
        end = start + len(quote)
    elif column is not None and 1 <= column <= len(text):
        # No quote to go by: mark from the column to the end of its clause.
        start = column - 1
        stops = [text.find(ch, start) for ch in _CLAUSE_END]
        end = min([s for s in stops if s > start] or [len(text)])
    else:
        limit = 2 * _CONTEXT_CHARS
        return esc(text[:limit] + "…") if len(text) > limit else esc(text)
    return _window(text, start, end)


def _tail(text: str) -> str:
    return text if len(text) <= _NEIGHBOUR_CHARS else "…" + text[-_NEIGHBOUR_CHARS:]


def _head(text: str) -> str:
    return text if len(text) <= _NEIGHBOUR_CHARS else text[:_NEIGHBOUR_CHARS] + "…"


def excerpt(finding: Finding, material: PlanMaterial | None, quotes: Quotes) -> str:
    """A small table of numbered lines; empty when the document is not at hand."""
    source = finding.source
    if source is None or material is None or not material.source_lines:
        return ""
    if source.file != material.source_file:
        return ""
    lines = material.source_lines
    if not 1 <= source.line <= len(lines):
        return ""
    quote = quotes.get((finding.subject.key, source.line))
    rows = []
    for number in range(max(1, source.line - 1), min(len(lines), source.line + 1) + 1):
        text = lines[number - 1]
        if number == source.line:
            body, css = _marked(text, quote, source.column), ' class="hit"'
        else:
            body, css = esc(_tail(text) if number < source.line else _head(text)), ""
        rows.append(f'<tr{css}><th scope="row">{number}</th><td>{body}</td></tr>')
    return '<table class="excerpt">' + "".join(rows) + "</table>"
