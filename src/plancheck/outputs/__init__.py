"""Output formats: each takes a Report and returns text; none of them touches the engine."""

from __future__ import annotations

import os

from plancheck.engine.report import Report
from plancheck.outputs.github_format import render_github
from plancheck.outputs.json_format import render_json
from plancheck.outputs.junit_format import Flavour, render_junit
from plancheck.outputs.markdown_format import render_markdown
from plancheck.outputs.sarif_format import Invocation, render_sarif
from plancheck.outputs.text_format import render_text

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


def render(
    report: Report,
    output_format: str,
    *,
    colour: bool = False,
    statistics: bool = False,
    root: str | os.PathLike[str] | None = None,
    invocation: Invocation | None = None,
    failing_only: bool = False,
    junit_flavour: Flavour = "jenkins",
) -> str:
    """Render ``report`` in one of :data:`FORMATS`.

    ``root`` is the directory every format makes paths relative to; it defaults to
    the repository root (the nearest folder upward holding ``.git``), else the
    current directory. ``invocation`` (SARIF only) records the exit code and, when
    given, the run's times;
    ``failing_only`` (text only) lists just the findings at or above ``fail_on``;
    ``junit_flavour`` picks the JUnit schema to satisfy (``jenkins`` or ``ant``).
    """
    if output_format == "text":
        return render_text(
            report, colour=colour, statistics=statistics, failing_only=failing_only, root=root
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
    raise ValueError(f"unknown output format {output_format!r}")


__all__ = [
    "FORMATS",
    "Invocation",
    "render",
    "render_github",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
]
