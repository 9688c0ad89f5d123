"""Output formats: each takes a Report and returns text; none of them imports the engine.

A format's module is imported when it is first used, so a run pays only for the format
it writes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names

if TYPE_CHECKING:
    from plancheck.outputs.github_format import render_github
    from plancheck.outputs.html import PlanMaterial, render_html
    from plancheck.outputs.invocation import Invocation
    from plancheck.outputs.json_format import render_json
    from plancheck.outputs.junit_format import Flavour, render_junit
    from plancheck.outputs.markdown_format import render_markdown
    from plancheck.outputs.sarif_format import render_sarif
    from plancheck.outputs.text_format import render_text
    from plancheck.records import Report

# Name -> the module defining it; a fixed table, never built from data.
_LAZY = {
    "render_github": "plancheck.outputs.github_format",
    "render_html": "plancheck.outputs.html",
    "PlanMaterial": "plancheck.outputs.html",
    "render_json": "plancheck.outputs.json_format",
    "render_junit": "plancheck.outputs.junit_format",
    "render_markdown": "plancheck.outputs.markdown_format",
    "render_sarif": "plancheck.outputs.sarif_format",
    "Invocation": "plancheck.outputs.invocation",
    "render_text": "plancheck.outputs.text_format",
}


__getattr__, __dir__ = lazy_names(globals(), _LAZY)

# Small and needed by every format: escaping applied to whatever is rendered.
from plancheck.outputs._undecodable import escape_undecodable  # noqa: E402
from plancheck.outputs._visible import json_escaped, json_visible, visible  # noqa: E402

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")


def render(
    report: Report,
    output_format: str,
    *,
    colour: bool = False,
    statistics: bool = False,
    root: str | os.PathLike[str] | None = None,
    show_waived: bool = False,
    material: Mapping[str, PlanMaterial] | None = None,
    invocation: Invocation | None = None,
    failing_only: bool = False,
    junit_flavour: Flavour = "jenkins",
) -> str:
    """Render ``report`` in one of :data:`FORMATS`: exactly what ``plancheck check`` prints.

    ``root`` is the directory every format makes paths relative to; it defaults to
    the repository root (the nearest folder upward holding ``.git``), else the
    current directory. ``show_waived`` (text) lists the suppressed findings, which are
    always counted; ``failing_only`` (text) lists just the findings at or above
    ``fail_on``. ``material`` gives the html format the plans themselves (see
    :func:`plancheck.gather_material`); without it the HTML report shows findings but no
    funding, traceability or indicator sections. ``invocation`` (SARIF, JUnit) records
    the exit code and, when given, the run's times; ``junit_flavour`` picks the JUnit
    schema to satisfy (``jenkins`` or ``ant``). The text is always valid UTF-8: bytes
    of file names that are not UTF-8 are shown as ``\\xff``.
    """
    text = _render(
        report,
        output_format,
        colour=colour,
        statistics=statistics,
        root=root,
        show_waived=show_waived,
        material=material,
        invocation=invocation,
        failing_only=failing_only,
        junit_flavour=junit_flavour,
    )
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
    *,
    colour: bool,
    statistics: bool,
    root: str | os.PathLike[str] | None,
    show_waived: bool,
    material: Mapping[str, PlanMaterial] | None,
    invocation: Invocation | None,
    failing_only: bool,
    junit_flavour: Flavour,
) -> str:
    if output_format == "text":
        from plancheck.outputs.text_format import render_text

        return render_text(
            report,
            colour=colour,
            statistics=statistics,
            show_waived=show_waived,
            failing_only=failing_only,
            root=root,
        )
    if output_format == "json":
        from plancheck.outputs.json_format import render_json

        return render_json(report, root=root)
    if output_format == "sarif":
        from plancheck.outputs.sarif_format import render_sarif

        return render_sarif(report, root=root, invocation=invocation)
    if output_format == "junit":
        from plancheck.outputs.junit_format import render_junit

        start = invocation.start if invocation is not None else None
        return render_junit(report, root=root, flavour=junit_flavour, timestamp=start)
    if output_format == "github":
        from plancheck.outputs.github_format import render_github

        return render_github(report, root=root)
    if output_format == "markdown":
        from plancheck.outputs.markdown_format import render_markdown

        return render_markdown(report, root=root)
    if output_format == "html":
        from plancheck.outputs.html import render_html

        return render_html(report, material, root=root)
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = [
    "FORMATS",
    "Invocation",
    "PlanMaterial",
    "render",
    "render_github",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
    "visible",
]
