"""Findings: the frozen records every output format renders."""

from __future__ import annotations

from dataclasses import dataclass

from plancheck.records.fingerprint import fingerprint
from plancheck.records.position import SourcePosition, YamlLocation
from plancheck.records.severity import Severity
from plancheck.records.subject import Subject


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed check, with both locations and bilingual messages."""

    rule: str
    name: str
    severity: Severity
    message_zh: str
    message_en: str
    subject: Subject
    location: YamlLocation | None
    source: SourcePosition | None = None
    evidence: tuple[tuple[str, str], ...] = ()
    hint_zh: str | None = None
    hint_en: str | None = None
    plan: str = ""
    plan_id: str = ""
    # Where the subject entity itself starts (``location`` may point at one of its
    # fields); an inline ignore on either line applies.
    entity: YamlLocation | None = None

    def message(self, lang: str = "en") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def hint(self, lang: str = "en") -> str | None:
        return self.hint_zh if lang == "zh" else self.hint_en

    @property
    def file(self) -> str:
        return self.location.file if self.location else self.plan

    @property
    def line(self) -> int:
        return self.location.line if self.location else 1

    @property
    def column(self) -> int:
        return self.location.column if self.location else 1

    @property
    def fingerprint(self) -> str:
        """What the finding is about, never where: the key baselines match on."""
        return fingerprint(self)

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.file, self.line, self.column, self.rule, self.subject.key, self.message_en)
