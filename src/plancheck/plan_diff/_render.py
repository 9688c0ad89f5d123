"""A plan diff (and the revision findings about it) as text, JSON or Markdown."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from plancheck._version import __version__
from plancheck.outputs import render, visible
from plancheck.outputs.json_format import finding_to_dict
from plancheck.records import Report

from ._formats import DIFF_FORMATS, FORMAT_VERSION
from ._records import ChangeNote, EntityChange, FieldChange, FundingDiff, FundingLine, PlanDiff
from ._values import amount

_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + amount(value)


def _note(note: ChangeNote | None) -> str:
    if note is None:
        return ""
    parts = [p for p in (note.revision, note.reason) if p]
    return "；".join(parts)


def _field_text(change: FieldChange) -> str:
    trend = f" ({change.trend.value})" if change.trend is not None else ""
    old = visible(change.old) if change.old is not None else "∅"
    new = visible(change.new) if change.new is not None else "∅"
    return f"{change.field}: {old} → {new}{trend}"


def _key_text(change: EntityChange) -> str:
    if change.old_key and change.new_key and change.old_key != change.new_key:
        return f"{change.old_key} → {change.new_key}"
    return change.key


def _funding_lines(funding: FundingDiff) -> list[tuple[str, FundingLine]]:
    lines = [(line.category or "(无类别 / no category)", line) for line in funding.categories]
    if funding.total is not None:
        lines.append(("合计 / total", funding.total))
    return lines


def _text(diff: PlanDiff, report: Report | None, lang: str) -> str:
    out = [f"--- {diff.old or '(old)'}", f"+++ {diff.new or '(new)'}"]
    if not diff:
        out.append("无变化 / no changes")
    for change in diff.changes:
        head = f"{_SIGNS[change.change.value]} {change.kind} {_key_text(change)}  {change.name}"
        out.append(visible(head))
        out += [f"    {_field_text(f)}" for f in change.fields]
        note = _note(change.new_note or change.old_note)
        if note:
            out.append(f"    revision: {visible(note)}")
    if diff.funding:
        out.append(f"funding ({diff.funding.currency}):")
        for label, line in _funding_lines(diff.funding):
            out.append(
                visible(
                    f"    {label}: {amount(line.old)} → {amount(line.new)} ({_signed(line.delta)})"
                )
            )
    out.append(f"{len(diff.changes)} changes / 处变化")
    text = "\n".join(out) + "\n"
    if report is not None and report.findings:
        text += "\n" + render(report, "text", colour=False)
    return text


def _line_json(line: FundingLine) -> dict[str, Any]:
    return {
        "category": line.category,
        "old": f"{line.old.normalize():f}",
        "new": f"{line.new.normalize():f}",
        "delta": f"{line.delta.normalize():f}",
    }


def _note_json(note: ChangeNote | None) -> dict[str, Any] | None:
    return None if note is None else {"revision": note.revision, "reason": note.reason}


def diff_to_dict(diff: PlanDiff) -> dict[str, Any]:
    return {
        "old": diff.old,
        "new": diff.new,
        "changes": [
            {
                "kind": c.kind,
                "change": c.change.value,
                "key": c.key,
                "old_key": c.old_key,
                "new_key": c.new_key,
                "name": c.name,
                "fields": [
                    {
                        "field": f.field,
                        "old": f.old,
                        "new": f.new,
                        "trend": f.trend.value if f.trend is not None else None,
                    }
                    for f in c.fields
                ],
                "old_revision": _note_json(c.old_note),
                "new_revision": _note_json(c.new_note),
            }
            for c in diff.changes
        ],
        "funding": {
            "currency": diff.funding.currency,
            "total": _line_json(diff.funding.total) if diff.funding.total is not None else None,
            "categories": [_line_json(line) for line in diff.funding.categories],
        },
    }


def _json(diff: PlanDiff, report: Report | None, lang: str) -> str:
    findings = report.findings if report is not None else []
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "plancheck", "version": __version__},
        **diff_to_dict(diff),
        "findings": [finding_to_dict(f, lang) for f in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str | None) -> str:
    if text is None:
        return "—"
    return visible(text).replace("|", "\\|").replace("\n", " ")


def _markdown(diff: PlanDiff, report: Report | None, lang: str) -> str:
    out = [
        "## 规划修订对比 / Plan revision",
        "",
        f"`{_cell(diff.old or '(old)')}` → `{_cell(diff.new or '(new)')}`: "
        f"{len(diff.changes)} changes",
        "",
    ]
    if diff.changes:
        out += [
            "| change | kind | key | name | what changed | revision |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for c in diff.changes:
            fields = "<br>".join(_cell(_field_text(f)) for f in c.fields)
            out.append(
                f"| {c.change.value} | {c.kind} | `{_cell(_key_text(c))}` | {_cell(c.name)} "
                f"| {fields} | {_cell(_note(c.new_note or c.old_note))} |"
            )
        out.append("")
    if diff.funding:
        out += [
            f"### Funding ({diff.funding.currency})",
            "",
            "| category | old | new | delta |",
            "| --- | ---: | ---: | ---: |",
        ]
        for label, line in _funding_lines(diff.funding):
            out.append(
                f"| {_cell(label)} | {amount(line.old)} | {amount(line.new)} "
                f"| {_signed(line.delta)} |"
            )
        out.append("")
    findings = report.findings if report is not None else []
    if findings:
        out += [
            "### Revision findings",
            "",
            "| rule | severity | subject | message |",
            "| --- | --- | --- | --- |",
        ]
        for f in findings:
            out.append(
                f"| {f.rule} | {f.severity.value} | `{_cell(f.subject.key)}` "
                f"| {_cell(f.message(lang))} |"
            )
        out.append("")
    return "\n".join(out)


def render_diff(
    diff: PlanDiff, fmt: str = "text", report: Report | None = None, lang: str = "en"
) -> str:
    """``diff`` in ``fmt`` (text, json or markdown), with the findings of ``report``."""
    if fmt == "json":
        return _json(diff, report, lang)
    if fmt == "markdown":
        return _markdown(diff, report, lang)
    if fmt == "text":
        return _text(diff, report, lang)
    raise ValueError(f"unknown diff format {fmt!r}; choose one of {', '.join(DIFF_FORMATS)}")
