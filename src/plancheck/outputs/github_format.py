"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

``file`` is relative to ``root`` (default: the repository root, which in a workflow
is the checkout). Waived and baselined findings are not annotated.

GitHub shows at most :data:`PER_TYPE` annotations of each type per step and drops the
rest silently. So when a type has more, the first ``PER_TYPE - 1`` findings are
annotated and the last slot goes to one closing annotation that says how many more
there are (all of them are in the job summary, see :mod:`plancheck.cli._summary`).
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


PER_TYPE = 10

_MORE = {
    "en": {
        Severity.ERROR: ("errors", "error"),
        Severity.WARNING: ("warnings", "warning"),
        Severity.INFO: ("notices", "notice"),
    },
    "zh": {
        Severity.ERROR: ("错误",) * 2,
        Severity.WARNING: ("警告",) * 2,
        Severity.INFO: ("提示",) * 2,
    },
}


def closing_annotation(severity: Severity, more: int, lang: str) -> str:
    """The annotation that stands for ``more`` findings GitHub would not show."""
    plural, singular = _MORE["zh" if lang == "zh" else "en"][severity]
    if lang == "zh":
        title = f"plancheck：另有 {more} 个{plural}"
        message = (
            f"GitHub 每个步骤每类最多显示 {PER_TYPE} 条注释；另有 {more} 个{plural}未作注释，"
            "完整列表见作业摘要（job summary）或 --format text 的输出。"
        )
    else:
        noun = singular if more == 1 else plural
        title = f"plancheck: {more} more {noun}"
        message = (
            f"GitHub shows at most {PER_TYPE} annotations of each type per step; {more} more "
            f"{noun} not annotated here. The job summary (or --format text) lists them all."
        )
    return f"::{_COMMANDS[severity]} title={escape_property(title)}::{escape_data(message)}"


def render_github(report: Report, *, root: str | os.PathLike[str] | None = None) -> str:
    findings = active(report)
    totals = dict.fromkeys(Severity, 0)
    for finding in findings:
        totals[finding.severity] += 1
    lines: list[str] = []
    shown = dict.fromkeys(Severity, 0)
    for finding in findings:
        severity = finding.severity
        room = PER_TYPE if totals[severity] <= PER_TYPE else PER_TYPE - 1
        if shown[severity] < room:
            shown[severity] += 1
            lines.append(annotation(finding, report.lang, root))
    for severity in Severity:
        more = totals[severity] - shown[severity]
        if more:
            lines.append(closing_annotation(severity, more, report.lang))
    return "".join(line + "\n" for line in lines)
