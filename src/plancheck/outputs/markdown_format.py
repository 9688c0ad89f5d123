"""A Markdown summary for reviews (pull-request comments, job summaries).

Deterministic: plans in report order, then rules by code, then findings by
position. Text from plans is escaped so that it cannot break tables or inject
links or HTML.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from plancheck.outputs._common import (
    Suppressed,
    active,
    display_path,
    relative_path,
    root_path,
    severity_label,
    subject_name,
    suppressed,
)
from plancheck.records import Finding, Report, Severity

_CONTROL = re.compile("[\x00-\x1f\x7f]")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")

_TEXT = {
    "en": {
        "title": "plancheck report",
        "failed": "**Failed**",
        "passed": "**Passed**",
        "checked": "Checked {plans} plan(s) with fail-on `{fail_on}`:",
        "severity": "severity",
        "findings": "findings",
        "suppressed": "suppressed",
        "total": "total",
        "rules": "Rules",
        "code": "code",
        "rule_title": "title",
        "failed_col": "failed",
        "checked_col": "checked",
        "na": "n/a",
        "findings_heading": "Findings",
        "none": "No findings.",
        "hint": "hint",
        "source": "source",
        "suppressed_heading": "Suppressed findings",
        "plan": "Plan",
    },
    "zh": {
        "title": "plancheck 检查报告",
        "failed": "**未通过**",
        "passed": "**通过**",
        "checked": "共检查 {plans} 个规划，失败阈值 `{fail_on}`：",
        "severity": "级别",
        "findings": "问题数",
        "suppressed": "已抑制",
        "total": "合计",
        "rules": "规则",
        "code": "编号",
        "rule_title": "名称",
        "failed_col": "未通过",
        "checked_col": "已检查",
        "na": "不适用",
        "findings_heading": "问题",
        "none": "没有发现问题。",
        "hint": "提示",
        "source": "原文",
        "suppressed_heading": "已抑制的问题",
        "plan": "规划",
    },
}


def _words(report: Report) -> dict[str, str]:
    return _TEXT["zh" if report.lang == "zh" else "en"]


def md_escape(text: str) -> str:
    """Plain text for Markdown: one line, no control characters, markup escaped."""
    flat = _CONTROL.sub("\ufffd", " ".join(text.split()))
    return _SPECIAL.sub(r"\\\1", flat)


def _code(text: str) -> str:
    """An inline code span that survives backticks in ``text``."""
    flat = _CONTROL.sub("\ufffd", " ".join(text.split()))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _link(file: str, line: int, root: Path) -> str:
    label = md_escape(f"{display_path(file, root)}:{line}")
    relative = relative_path(file, root)
    if relative is None:
        return label
    return f"[{label}]({quote(relative, safe='/')}#L{line})"


def _finding_item(finding: Finding, lang: str, root: Path, prefix: str = "") -> list[str]:
    text = _TEXT["zh" if lang == "zh" else "en"]
    subject = finding.subject
    who = md_escape(subject_name(subject, root) or subject.id or subject.key)
    head = (
        f"- {prefix}{_link(finding.file, finding.line, root)} — "
        f"**{who}** ({_code(subject.key)}): {md_escape(finding.message(lang))}"
    )
    out = [head]
    hint = finding.hint(lang)
    if hint:
        out.append(f"  - {text['hint']}: {md_escape(hint)}")
    if finding.source is not None:
        out.append(f"  - {text['source']}: {md_escape(str(finding.source))}")
    return out


def _rule_title(report: Report, code: str, fallback: str) -> str:
    rule = report.rules.get(code)
    return rule.title.get(report.lang) if rule is not None else fallback


def _summary(report: Report, findings: list[Finding], hidden: list[Suppressed]) -> list[str]:
    lang = report.lang
    text = _words(report)
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    failed = any(f.severity.rank >= report.fail_on.rank for f in findings)
    verdict = text["failed"] if failed else text["passed"]
    out = [
        f"{verdict} — "
        + text["checked"].format(plans=len(report.plans), fail_on=report.fail_on.value),
        "",
        f"| {text['severity']} | {text['findings']} |",
        "| --- | ---: |",
    ]
    for severity in Severity:
        out.append(f"| {severity_label(severity, lang)} | {counts[severity]} |")
    out.append(f"| {text['total']} | {len(findings)} |")
    if hidden:
        out.append(f"| {text['suppressed']} | {len(hidden)} |")
    return out


def _rules_table(report: Report, findings: list[Finding]) -> list[str]:
    text = _words(report)
    names = {f.rule: f.name for f in findings}
    stats = report.stats
    codes = sorted(set(stats) | set(names))
    if not codes:
        return []
    out = [
        f"## {text['rules']}",
        "",
        f"| {text['code']} | {text['rule_title']} | {text['failed_col']} | "
        f"{text['checked_col']} | {text['na']} |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for code in codes:
        title = md_escape(_rule_title(report, code, names.get(code, "")))
        row = stats.get(code)
        if row is None:
            failed = sum(1 for f in findings if f.rule == code)
            out.append(f"| {code} | {title} | {failed} | – | – |")
        else:
            out.append(
                f"| {code} | {title} | {row.failed} | {row.checked} | {row.not_applicable} |"
            )
    return [*out, ""]


def _grouped(
    report: Report, findings: list[Finding], root: Path, prefix_of: dict[int, str]
) -> list[str]:
    lang = report.lang
    text = _words(report)
    by_plan: dict[str, list[Finding]] = {}
    for finding in findings:
        by_plan.setdefault(finding.plan, []).append(finding)
    order = [plan.path for plan in report.plans]
    order += sorted(set(by_plan) - set(order))
    ids = {plan.path: plan.plan_id for plan in report.plans}
    out: list[str] = []
    for path in order:
        items = by_plan.get(path)
        if not items:
            continue
        plan_id = ids.get(path)
        label = _code(display_path(path, root) or "-")
        suffix = f" ({_code(plan_id)})" if plan_id else ""
        out += [f"### {text['plan']} {label}{suffix}", ""]
        by_rule: dict[str, list[Finding]] = {}
        for finding in items:
            by_rule.setdefault(finding.rule, []).append(finding)
        for code in sorted(by_rule):
            group = sorted(by_rule[code], key=Finding.sort_key)
            name = md_escape(group[0].name)
            title = md_escape(_rule_title(report, code, group[0].name))
            heading = f"#### {code} {name}" + (f" — {title}" if title != name else "")
            out += [heading, ""]
            for finding in group:
                out += _finding_item(finding, lang, root, prefix_of.get(id(finding), ""))
            out.append("")
    return out


def render_markdown(report: Report, *, root: str | os.PathLike[str] | None = None) -> str:
    base = root_path(root)
    lang = "zh" if report.lang == "zh" else "en"
    text = _TEXT[lang]
    findings = active(report)
    hidden = suppressed(report)
    out = [f"# {text['title']}", "", *_summary(report, findings, hidden), ""]
    out += _rules_table(report, findings)
    out += [f"## {text['findings_heading']}", ""]
    if findings:
        out += _grouped(report, findings, base, {})
    else:
        out += [text["none"], ""]
    if hidden:
        out += [f"## {text['suppressed_heading']}", ""]
        prefixes = {
            id(item.finding): f"*{md_escape(item.justification(lang))}* · " for item in hidden
        }
        out += _grouped(report, [item.finding for item in hidden], base, prefixes)
    return "\n".join(out).rstrip("\n") + "\n"
