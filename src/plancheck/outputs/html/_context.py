"""Everything one plan's sections need, gathered once."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancheck.outputs._common import Suppressed
from plancheck.outputs.html._excerpt import Quotes
from plancheck.outputs.html._material import PlanMaterial
from plancheck.outputs.html._words import words
from plancheck.records import Finding, PlanReport, Report


@dataclass(frozen=True, slots=True)
class PlanContext:
    report: Report
    plan_report: PlanReport
    material: PlanMaterial | None
    anchor: str  # prefix of every id in this plan's sections: ``p1``
    findings: list[Finding]  # the findings that count, in report order
    hidden: list[Suppressed]  # waived, ignored inline or baselined
    finding_ids: dict[Finding, str] = field(default_factory=dict)
    quotes: Quotes = field(default_factory=dict)
    # key -> the findings about it or inside it, built on first use: the sections ask
    # once per entity, and a scan of all findings per entity is quadratic in a large plan.
    _about: dict[str, list[Finding]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def lang(self) -> str:
        return "zh" if self.report.lang == "zh" else "en"

    @property
    def words(self) -> dict[str, str]:
        return words(self.lang)

    def rule_title(self, code: str) -> str:
        rule = self.report.rules.get(code)
        if rule is None:
            return code
        return rule.title.zh if self.lang == "zh" else rule.title.en

    def findings_about(self, key: str) -> list[Finding]:
        """Findings whose subject is ``key`` or something inside it (``key/...``)."""
        if not self._about and self.findings:
            for finding in self.findings:
                subject = finding.subject.key
                # ``subject`` and each of its ancestors at a ``/`` (``a/b/c``: ``a``, ``a/b``)
                for end in [i for i, c in enumerate(subject) if c == "/"] + [len(subject)]:
                    self._about.setdefault(subject[:end], []).append(finding)
        return list(self._about.get(key, ()))
