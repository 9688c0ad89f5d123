"""Findings: the frozen records every output format renders."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from plancheck.model.location import YamlLocation


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on thresholds."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Outcome(StrEnum):
    """What a rule concluded about one subject (SHACL-style: every subject gets one)."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True, slots=True, order=True)
class Subject:
    """What a finding is about, named by a key that survives edits (``projects/x``)."""

    key: str
    kind: str
    id: str
    name: str


def file_subject(file: str, plan_path: str) -> Subject:
    """``files/<path relative to the plan's folder>``: the subject of a problem with a file.

    Relative to the plan's folder so the key is the same on every machine.
    """
    root = Path(plan_path)
    root = root if root.is_dir() else root.parent
    try:
        relative = Path(file).relative_to(root).as_posix()
    except ValueError:
        relative = Path(file).as_posix()
    return Subject(f"files/{relative}", "file", relative, file)


@dataclass(frozen=True, slots=True, order=True)
class SourcePosition:
    """A position in the published source document."""

    file: str
    line: int
    column: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")


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

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.file, self.line, self.column, self.rule, self.subject.key, self.message_en)

    @property
    def fingerprint(self) -> str:
        """What the finding is about, never where it is written: the key baselines use.

        Rule, plan id, subject key and the values involved (evidence), hashed. Reordering
        or reformatting the YAML, or checking the plan in memory instead of its file,
        leaves it unchanged; changing a value the finding is about changes it.
        """
        parts = [self.rule, self.plan_id, self.subject.key]
        parts += [f"{name}={value}" for name, value in self.evidence]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class SubjectResult:
    """One rule's verdict on one subject, kept so reports say what was checked."""

    rule: str
    subject: Subject
    outcome: Outcome
    reason: str | None = None


@dataclass(slots=True)
class RuleStats:
    checked: int = 0
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
