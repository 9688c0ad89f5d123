"""Output formats: each takes a Report and returns text; none of them imports the engine."""

from __future__ import annotations

import os
from collections.abc import Mapping

from plancheck.outputs.github_format import render_github
from plancheck.outputs.html import PlanMaterial, render_html
from plancheck.outputs.json_format import render_json
from plancheck.outputs.junit_format import Flavour, render_junit
from plancheck.outputs.markdown_format import render_markdown
from plancheck.outputs.sarif_format import Invocation, render_sarif
from plancheck.outputs.text_format import render_text
from plancheck.records import Report

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
    schema to satisfy (``jenkins`` or ``ant``).
    """
    if output_format == "text":
        return render_text(
            report,
            colour=colour,
            statistics=statistics,
            show_waived=show_waived,
            failing_only=failing_only,
            root=root,
        )
    if output_format == "json":
        return render_json(report, root=root)
    if output_format == "sarif":
        return render_sarif(report, root=root, invocation=invocation)
    if output_format == "junit":
        start = invocation.start if invocation is not None else None
        return render_junit(report, root=root, flavour=junit_flavour, timestamp=start)
    if output_format == "github":
        return render_github(report, root=root)
    if output_format == "markdown":
        return render_markdown(report, root=root)
    if output_format == "html":
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
]
