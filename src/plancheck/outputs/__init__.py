"""Output formats: each takes a Report and returns text; none of them touches the engine."""

from __future__ import annotations

import os

from plancheck.engine.report import Report
from plancheck.outputs._undecodable import escape_undecodable
from plancheck.outputs._visible import json_escaped, json_visible
from plancheck.outputs.github_format import render_github
from plancheck.outputs.json_format import render_json
from plancheck.outputs.junit_format import render_junit
from plancheck.outputs.markdown_format import render_markdown
from plancheck.outputs.sarif_format import render_sarif
from plancheck.outputs.text_format import render_text

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


def render(
    report: Report,
    output_format: str,
    *,
    colour: bool = False,
    statistics: bool = False,
    root: str | os.PathLike[str] | None = None,
) -> str:
    """Render ``report`` in one of :data:`FORMATS`.

    ``root`` is the directory that the CI formats (sarif, junit, github, markdown)
    make paths relative to; it defaults to the current directory. The text is always
    valid UTF-8: bytes of file names that are not UTF-8 are shown as ``\\xff``.
    """
    text = _render(report, output_format, colour, statistics, root)
    text = escape_undecodable(text, json_text=output_format in ("json", "sarif"))
    # JSON is data: its strings keep every character, escaped. SARIF is shown to people
    # (code-scanning alerts), so its strings show the escapes as text, as the text format.
    if output_format == "json":
        return json_escaped(text)
    if output_format == "sarif":
        return json_visible(text)
    return text


def _render(
    report: Report,
    output_format: str,
    colour: bool,
    statistics: bool,
    root: str | os.PathLike[str] | None,
) -> str:
    if output_format == "text":
        return render_text(report, colour=colour, statistics=statistics)
    if output_format == "json":
        return render_json(report)
    if output_format == "sarif":
        return render_sarif(report, root=root)
    if output_format == "junit":
        return render_junit(report, root=root)
    if output_format == "github":
        return render_github(report, root=root)
    if output_format == "markdown":
        return render_markdown(report, root=root)
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = [
    "FORMATS",
    "render",
    "render_github",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
]
