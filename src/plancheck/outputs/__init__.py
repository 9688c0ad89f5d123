"""Output formats: each takes a Report and returns text; none of them touches the engine."""

from __future__ import annotations

from plancheck.engine.report import Report
from plancheck.outputs.json_format import render_json
from plancheck.outputs.text_format import render_text

FORMATS = ("text", "json")


def render(
    report: Report, output_format: str, *, colour: bool = False, statistics: bool = False
) -> str:
    """Render ``report`` in one of :data:`FORMATS`."""
    if output_format == "json":
        return render_json(report)
    if output_format == "text":
        return render_text(report, colour=colour, statistics=statistics)
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = ["FORMATS", "render", "render_json", "render_text"]
