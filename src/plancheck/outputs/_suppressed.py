"""Suppressed findings in the terminal format: a count, and with ``--show-waived`` each
finding with why it does not count (the waiver's reason, the inline reason, the baseline)."""

from __future__ import annotations

from plancheck.records import Finding, Report, Suppression

_LABELS = {
    "en": {"waiver": "waived", "inline": "ignored inline", "baseline": "baselined"},
    "zh": {"waiver": "已豁免", "inline": "行内忽略", "baseline": "已列入基线"},
}


def _why(suppression: Suppression | None, lang: str) -> str:
    if suppression is None:
        return "已豁免" if lang == "zh" else "waived"
    s = suppression
    if lang == "zh":
        if s.kind == "waiver":
            return f"豁免：{s.reason}（{s.approved_by} 批准，有效期至 {s.expires}；{s.origin}）"
        if s.kind == "inline":
            return f"行内忽略：{s.reason}（{s.origin}）"
        return f"已列入基线 {s.origin}"
    if s.kind == "waiver":
        return f"waiver: {s.reason} (approved by {s.approved_by}, expires {s.expires}; {s.origin})"
    if s.kind == "inline":
        return f"inline ignore: {s.reason} ({s.origin})"
    return f"in baseline {s.origin}"


def render_suppressed(report: Report, *, show: bool) -> str:
    """Text to print after the report; empty when nothing was suppressed."""
    lang = "zh" if report.lang == "zh" else "en"
    waived, baselined = len(report.waived), len(report.baselined)
    if not waived and not baselined:
        return ""
    out: list[str] = []
    if show:
        out.append("未计为失败的发现：" if lang == "zh" else "Suppressed findings (not failures):")
        items: list[tuple[Finding, str]] = [(f, "waiver") for f in report.waived]
        items += [(f, "baseline") for f in report.baselined]
        for finding, fallback in sorted(items, key=lambda item: item[0].sort_key()):
            suppression = report.suppressions.get(finding)
            kind = suppression.kind if suppression is not None else fallback
            out.append(
                f"{finding.file}:{finding.line}:{finding.column}: {finding.rule} "
                f"[{_LABELS[lang][kind]}] {finding.message(lang)}"
            )
            out.append(f"  = {_why(suppression, lang)}")
        out.append("")
    if lang == "zh":
        more = "" if show else "（--show-waived 可列出）"
        out.append(f"未计入：{waived} 个已豁免，{baselined} 个已列入基线{more}。")
    else:
        more = "" if show else " (--show-waived lists them)"
        out.append(f"Not counted: {waived} waived, {baselined} baselined{more}.")
    return "\n".join(out) + "\n"
