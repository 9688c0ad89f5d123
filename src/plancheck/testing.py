"""Assertions for a plan-data repository's own tests: failures list findings readably.

``assert_clean(report)`` fails with one ``file:line:col: CODE message`` line per finding
at or above a severity; ``assert_no_new_findings(after, before)`` fails on findings whose
fingerprint the earlier report does not have ("the revision adds no finding").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from plancheck.records import Finding, Report, Severity


def finding_line(finding: Finding, lang: str = "en") -> str:
    """``file:line:col: CODE message``, the way compilers and the pytest plugin write it."""
    return f"{finding.file}:{finding.line}:{finding.column}: {finding.rule} {finding.message(lang)}"


def findings_text(findings: Iterable[Finding], lang: str = "en") -> str:
    return "\n".join(finding_line(f, lang) for f in sorted(findings, key=Finding.sort_key))


def assert_clean(
    report: Report, *, fail_on: Severity | str | None = None, ignore: Iterable[str] = ()
) -> None:
    """Fail when ``report`` has a finding at or above ``fail_on`` (default: the report's
    own ``fail_on``), except those of the rules (codes) in ``ignore``."""
    threshold = Severity(fail_on) if fail_on is not None else report.fail_on
    skipped = set(ignore)
    failing = [
        f for f in report.findings if f.severity.rank >= threshold.rank and f.rule not in skipped
    ]
    if failing:
        raise AssertionError(
            f"{len(failing)} finding(s) at or above {threshold.value}:\n"
            + findings_text(failing, report.lang)
        )


def assert_no_new_findings(after: Report, before: Report) -> None:
    """Fail when ``after`` has a finding that ``before`` does not (by fingerprint, so a
    finding that only moved to another line is not new; each counted as often as found)."""
    known = Counter(f.fingerprint for f in before.findings)
    new = []
    for finding in after.findings:
        if known[finding.fingerprint] > 0:
            known[finding.fingerprint] -= 1
        else:
            new.append(finding)
    if new:
        raise AssertionError(f"{len(new)} new finding(s):\n" + findings_text(new, after.lang))
