"""The terminal format: ``file:line:col: CODE message`` with the YAML line and a caret."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from plancheck._reader.read import DEFAULT_MAX_BYTES
from plancheck.outputs._common import display_path, root_path
from plancheck.outputs._suppressed import render_suppressed
from plancheck.outputs._visible import visible
from plancheck.records import Finding, Report, Severity

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_LABELS = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
}


# A snippet shows at most this many characters of a long line, around the column.
_SNIPPET_WIDTH = 160


class _Sources:
    """The plan files' lines, read once per rendering (never stale across runs)."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, ...]] = {}

    def lines(self, path: str) -> tuple[str, ...]:
        if path not in self._files:
            self._files[path] = _read_lines(path)
        return self._files[path]


def _read_lines(path: str) -> tuple[str, ...]:
    # Only regular files within the loader's size limit: a finding may be about a
    # file the loader refused (too large, a device, a pipe).
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > DEFAULT_MAX_BYTES:
            return ()
        return tuple(file.read_text(encoding="utf-8-sig", errors="replace").split("\n"))
    except OSError:
        return ()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _cells(text: str) -> int:
    # Wide (CJK) characters take two terminal cells; the caret must account for them.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _snippet(finding: Finding, sources: _Sources) -> list[str]:
    lines = sources.lines(finding.file)
    if not 1 <= finding.line <= len(lines):
        return []
    text = lines[finding.line - 1].rstrip("\r")
    column = max(finding.column - 1, 0)
    start = max(0, min(column - _SNIPPET_WIDTH // 2, len(text) - _SNIPPET_WIDTH))
    shown = text[start : start + _SNIPPET_WIDTH]
    before = visible(shown[: column - start])
    lead = "…" if start else ""
    tail = "…" if start + _SNIPPET_WIDTH < len(text) else ""
    gutter = f"{finding.line:>4} | "
    caret = " " * (len(gutter) + _cells(lead + before)) + "^"
    return [gutter + lead + visible(shown) + tail, caret]


def render_finding(
    finding: Finding,
    lang: str,
    colour: bool,
    sources: _Sources | None = None,
    root: Path | None = None,
) -> list[str]:
    base = root if root is not None else root_path(None)
    label = _LABELS["zh" if lang == "zh" else "en"][finding.severity]
    file = display_path(finding.file, base)
    where = visible(f"{file}:{finding.line}:{finding.column}:")
    head = (
        f"{_paint(where, '1', colour)} "
        f"{_paint(finding.rule, _COLOURS[finding.severity], colour)} "
        f"[{label}] {visible(finding.message(lang))}"
    )
    out = [head, *_snippet(finding, sources or _Sources())]
    if finding.source is not None:
        label_source = "原文" if lang == "zh" else "source"
        source = finding.source
        shown = f"{display_path(source.file, base)}:{source.line}" + (
            f":{source.column}" if source.column else ""
        )
        out.append(f"  = {label_source}: {visible(shown)}")
    hint = finding.hint(lang)
    if hint:
        out.append(f"  = {'提示' if lang == 'zh' else 'hint'}: {visible(hint)}")
    return out


def render_summary(report: Report, lang: str) -> str:
    counts = report.counts()
    plans = len(report.plans)
    # A plan that could not be read was not checked: say so, not just "checked".
    unread = sum(1 for plan in report.plans if plan.plan_id is None)
    if lang == "zh":
        note = f"（其中 {unread} 个无法读取，未检查）" if unread else ""
        return (
            f"检查了 {plans} 个规划{note}：{counts[Severity.ERROR]} 个错误，"
            f"{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 个提示。"
        )
    note = f" ({unread} could not be read and {'was' if unread == 1 else 'were'} not checked)"
    return (
        f"Checked {plans} plan{'s' if plans != 1 else ''}{note if unread else ''}: "
        f"{counts[Severity.ERROR]} errors, "
        f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} infos."
    )


def render_statistics(report: Report) -> list[str]:
    rows = ["rule     checked  passed  failed  n/a"]
    for code, stats in report.stats.items():
        rows.append(
            f"{code:<8} {stats.checked:>7} {stats.passed:>7} {stats.failed:>7} "
            f"{stats.not_applicable:>4}"
        )
    return rows


def render_hidden(hidden: list[Finding], fail_on: Severity, lang: str) -> str:
    """One line counting the findings below ``fail_on`` that were not listed."""
    counts = {s: sum(1 for f in hidden if f.severity is s) for s in Severity}
    present = [s for s in Severity if counts[s]]
    if lang == "zh":
        detail = "，".join(f"{counts[s]} 个{_LABELS['zh'][s]}" for s in present)
        return f"另有 {len(hidden)} 项低于 --fail-on {fail_on.value} 的发现未列出（{detail}）。"
    detail = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in present)
    plural = "s" if len(hidden) != 1 else ""
    return (
        f"{len(hidden)} more finding{plural} below --fail-on {fail_on.value} not listed ({detail})."
    )


def render_text(
    report: Report,
    *,
    colour: bool = False,
    statistics: bool = False,
    show_waived: bool = False,
    failing_only: bool = False,
    root: str | os.PathLike[str] | None = None,
) -> str:
    """The terminal report; suppressed findings are counted, and listed with ``show_waived``."""
    base = root_path(root)
    lang = report.lang
    out: list[str] = []
    sources = _Sources()
    shown = report.findings
    hidden: list[Finding] = []
    if failing_only:
        hidden = [f for f in shown if f.severity < report.fail_on]
        shown = [f for f in shown if f.severity >= report.fail_on]
    for finding in shown:
        out.extend(render_finding(finding, lang, colour, sources, base))
        out.append("")
    if hidden:
        out.append(render_hidden(hidden, report.fail_on, lang))
    if statistics:
        out.extend(render_statistics(report))
        out.append("")
    out.append(render_summary(report, lang))
    return "\n".join(out) + "\n" + render_suppressed(report, show=show_waived)
