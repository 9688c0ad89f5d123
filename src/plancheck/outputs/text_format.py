"""The terminal format: ``file:line:col: CODE message`` with the YAML line and a caret."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from plancheck.engine.finding import Finding, Severity
from plancheck.engine.report import Report

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_LABELS = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
}


@lru_cache(maxsize=64)
def _lines(path: str) -> tuple[str, ...]:
    try:
        return tuple(Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines())
    except OSError:
        return ()


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _snippet(finding: Finding) -> list[str]:
    lines = _lines(finding.file)
    if not 1 <= finding.line <= len(lines):
        return []
    text = lines[finding.line - 1]
    gutter = f"{finding.line:>4} | "
    # Wide (CJK) characters take two terminal cells; the caret must account for them.
    prefix = text[: max(finding.column - 1, 0)]
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in prefix)
    caret = " " * (len(gutter) + width) + "^"
    return [gutter + text, caret]


def render_finding(finding: Finding, lang: str, colour: bool) -> list[str]:
    label = _LABELS["zh" if lang == "zh" else "en"][finding.severity]
    head = (
        f"{_paint(f'{finding.file}:{finding.line}:{finding.column}:', '1', colour)} "
        f"{_paint(finding.rule, _COLOURS[finding.severity], colour)} "
        f"[{label}] {finding.message(lang)}"
    )
    out = [head, *_snippet(finding)]
    if finding.source is not None:
        where = "原文" if lang == "zh" else "source"
        out.append(f"  = {where}: {finding.source}")
    hint = finding.hint(lang)
    if hint:
        out.append(f"  = {'提示' if lang == 'zh' else 'hint'}: {hint}")
    return out


def render_summary(report: Report, lang: str) -> str:
    counts = report.counts()
    plans = len(report.plans)
    if lang == "zh":
        return (
            f"检查了 {plans} 个规划：{counts[Severity.ERROR]} 个错误，"
            f"{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 个提示。"
        )
    return (
        f"Checked {plans} plan{'s' if plans != 1 else ''}: {counts[Severity.ERROR]} errors, "
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


def render_text(report: Report, *, colour: bool = False, statistics: bool = False) -> str:
    lang = report.lang
    out: list[str] = []
    for finding in report.findings:
        out.extend(render_finding(finding, lang, colour))
        out.append("")
    if statistics:
        out.extend(render_statistics(report))
        out.append("")
    out.append(render_summary(report, lang))
    return "\n".join(out) + "\n"
