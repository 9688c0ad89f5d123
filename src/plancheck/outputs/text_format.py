"""The terminal format: ``file:line:col: CODE message`` with the YAML line and a caret."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Collection, Mapping
from pathlib import Path

from plancheck._reader.read import DEFAULT_MAX_BYTES
from plancheck.outputs._common import display_path, root_path
from plancheck.outputs._suppressed import render_suppressed
from plancheck.outputs._undecodable import escape_undecodable
from plancheck.outputs._visible import visible
from plancheck.records import Finding, PlanReport, Report, RuleStats, Severity, merge_stats

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_LABELS = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
}


# A snippet shows at most this many characters of a long line, around the column.
_SNIPPET_WIDTH = 160


class _Sources:
    """The plan files' lines, read once per rendering (never stale across runs).

    With ``readable``, only those files are read: the files the loader read for the
    report's plans. A finding about a file the loader refused to open (a plan.yaml
    linked from outside the repository) must not quote it either.
    """

    def __init__(self, readable: Collection[str] | None = None) -> None:
        self._files: dict[str, tuple[str, ...]] = {}
        self._readable = readable

    def lines(self, path: str) -> tuple[str, ...]:
        if self._readable is not None and path not in self._readable:
            return ()
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


def summary_line(counts: Mapping[Severity, int], plans: int, unread: int, lang: str) -> str:
    """ "Checked N plans: …" for ``plans`` plans, ``unread`` of which could not be read."""
    # A plan that could not be read was not checked: say so, not just "checked".
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


def statistics_rows(merged: Mapping[str, RuleStats]) -> list[str]:
    rows = ["rule     checked  passed  failed  n/a"]
    for code, stats in merged.items():
        rows.append(
            f"{code:<8} {stats.checked:>7} {stats.passed:>7} {stats.failed:>7} "
            f"{stats.not_applicable:>4}"
        )
    return rows


def hidden_line(counts: Mapping[Severity, int], fail_on: Severity, lang: str) -> str:
    present = [s for s in Severity if counts[s]]
    total = sum(counts.values())
    if lang == "zh":
        detail = "，".join(f"{counts[s]} 个{_LABELS['zh'][s]}" for s in present)
        return f"另有 {total} 项低于 --fail-on {fail_on.value} 的发现未列出（{detail}）。"
    detail = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in present)
    plural = "s" if total != 1 else ""
    return f"{total} more finding{plural} below --fail-on {fail_on.value} not listed ({detail})."


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
    stream = TextStream(
        report.lang,
        report.fail_on,
        colour=colour,
        statistics=statistics,
        show_waived=show_waived,
        failing_only=failing_only,
        root=root,
    )
    parts = [stream.plan(plan) for plan in report.plans]
    parts.append(stream.finish(report.extra_findings, report))
    return "".join(parts)


class TextStream:
    """The terminal report written one plan at a time: each plan's findings as it comes,
    then the run's own findings (about the waivers file), the counts and the summary.

    What it keeps between plans is per rule and per severity, never per plan, so a run
    of any number of plans renders in the same memory.
    """

    def __init__(
        self,
        lang: str,
        fail_on: Severity,
        *,
        colour: bool = False,
        statistics: bool = False,
        show_waived: bool = False,
        failing_only: bool = False,
        root: str | os.PathLike[str] | None = None,
    ) -> None:
        self.lang = lang
        self.fail_on = fail_on
        self._colour = colour
        self._statistics = statistics
        self._show_waived = show_waived
        self._failing_only = failing_only
        self._base = root_path(root)
        self._counts = dict.fromkeys(Severity, 0)
        self._hidden = dict.fromkeys(Severity, 0)
        self._plans = 0
        self._unread = 0
        self._stats: dict[str, RuleStats] = {}

    def plan(self, plan: PlanReport) -> str:
        """The text for one (reviewed) plan's findings."""
        self._plans += 1
        self._unread += plan.plan_id is None
        if self._statistics:
            merge_stats(self._stats, plan.stats)
        # Only the files the loader read for this plan are quoted.
        return self._findings(plan.findings, _Sources(set(plan.files)))

    def _findings(self, findings: list[Finding], sources: _Sources) -> str:
        out: list[str] = []
        for finding in findings:
            self._counts[finding.severity] += 1
            if self._failing_only and finding.severity < self.fail_on:
                self._hidden[finding.severity] += 1
                continue
            out.extend(render_finding(finding, self.lang, self._colour, sources, self._base))
            out.append("")
        # File names that are not UTF-8 are shown as \xff, as render() does.
        return escape_undecodable("".join(f"{line}\n" for line in out), json_text=False)

    def finish(self, extra: list[Finding], suppressed: Report) -> str:
        """The run's own findings, then the closing lines. ``suppressed`` holds the
        waived and baselined findings and why (its plans are not read)."""
        # Findings about the waivers file point into it.
        out = [self._findings(extra, _Sources({finding.file for finding in extra}))]
        lines: list[str] = []
        if any(self._hidden.values()):
            lines.append(hidden_line(self._hidden, self.fail_on, self.lang))
        if self._statistics:
            lines.extend(statistics_rows({code: self._stats[code] for code in sorted(self._stats)}))
            lines.append("")
        lines.append(summary_line(self._counts, self._plans, self._unread, self.lang))
        out.append("\n".join(lines) + "\n")
        out.append(render_suppressed(suppressed, show=self._show_waived))
        return escape_undecodable("".join(out), json_text=False)
