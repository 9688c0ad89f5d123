"""The JSON report: a documented, versioned document (schemas/findings.schema.json)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from plancheck._version import __version__
from plancheck.outputs._common import display_path, root_path, subject_name
from plancheck.records import Finding, Report, fingerprint

FORMAT_VERSION = 1


def finding_to_dict(finding: Finding, lang: str, root: Path | None = None) -> dict[str, Any]:
    """One finding as JSON; paths relative to ``root`` (default: see ``root_path``)."""
    base = root if root is not None else root_path(None)
    location = finding.location
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message(lang),
        "message_zh": finding.message_zh,
        "message_en": finding.message_en,
        "file": display_path(finding.file, base),
        "line": finding.line,
        "column": finding.column,
        "pointer": location.pointer if location else "",
        "subject": {
            "kind": finding.subject.kind,
            "id": finding.subject.id,
            "name": subject_name(finding.subject, base),
            "key": finding.subject.key,
        },
        "source": (
            None
            if finding.source is None
            else {
                "file": display_path(finding.source.file, base),
                "line": finding.source.line,
                "column": finding.source.column,
            }
        ),
        "evidence": dict(finding.evidence),
        "hint": finding.hint(lang),
        "plan": display_path(finding.plan, base),
        "fingerprint": fingerprint(finding),
    }


def _suppressed(report: Report) -> list[Finding]:
    return sorted([*report.waived, *report.baselined], key=Finding.sort_key)


def _suppressed_to_dict(report: Report, finding: Finding, root: Path) -> dict[str, Any]:
    why = report.suppressions.get(finding)
    kind = why.kind if why else ("waiver" if finding in report.waived else "baseline")
    return {
        "finding": finding_to_dict(finding, report.lang, root),
        "suppression": {
            "kind": kind,
            "origin": why.origin if why else "",
            "reason": why.reason if why else "",
            "approved_by": why.approved_by if why else "",
            "expires": why.expires if why else "",
        },
    }


def render_json(report: Report, *, root: str | os.PathLike[str] | None = None) -> str:
    base = root_path(root)
    counts = report.counts()
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "plancheck", "version": __version__},
        "lang": report.lang,
        "fail_on": report.fail_on.value,
        "summary": {
            "plans": len(report.plans),
            "findings": len(report.findings),
            "by_severity": {severity.value: count for severity, count in counts.items()},
            "failed": report.exit_code == 1,
            "suppressed": len(report.waived) + len(report.baselined),
        },
        "plans": [
            {
                "path": display_path(plan.path, base),
                "id": plan.plan_id,
                "files": [display_path(file, base) for file in plan.files],
            }
            for plan in report.plans
        ],
        "findings": [finding_to_dict(f, report.lang, base) for f in report.findings],
        "suppressed": [_suppressed_to_dict(report, f, base) for f in _suppressed(report)],
        "rules": {
            code: {
                "checked": stats.checked,
                "passed": stats.passed,
                "failed": stats.failed,
                "not_applicable": stats.not_applicable,
                "not_applicable_reasons": dict(sorted(stats.reasons.items())),
            }
            for code, stats in report.stats.items()
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
