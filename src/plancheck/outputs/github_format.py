"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

``file`` is relative to ``root`` (default: the current directory, which in a
workflow is the checkout). Waived and baselined findings are not annotated.
"""

from __future__ import annotations

import os

from plancheck.outputs._common import active, display_path, root_path
from plancheck.outputs._visible import visible
from plancheck.records import Finding, Report, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner decodes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus ``:`` and ``,`` which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str, root: str | os.PathLike[str] | None = None) -> str:
    base = root_path(root)
    properties = [
        ("file", display_path(finding.file, base)),
        ("line", str(finding.line)),
        ("col", str(finding.column)),
        ("title", f"{finding.rule} {finding.name}".rstrip()),
    ]
    head = ",".join(f"{key}={escape_property(visible(value))}" for key, value in properties)
    # Plan text reaches the job log: terminal controls must not act there.
    message = visible(finding.message(lang), keep_newlines=True)
    hint = visible(finding.hint(lang) or "", keep_newlines=True)
    if hint:
        message += f"\n{'提示' if lang == 'zh' else 'hint'}: {hint}"
    return f"::{_COMMANDS[finding.severity]} {head}::{escape_data(message)}"


def render_github(report: Report, *, root: str | os.PathLike[str] | None = None) -> str:
    lines = [annotation(finding, report.lang, root) for finding in active(report)]
    return "".join(line + "\n" for line in lines)
