"""Findings: the frozen records every output format renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from plancheck.model.location import YamlLocation


class Severity(StrEnum):
    """How serious a finding is, ordered by rank: ``INFO < WARNING < ERROR``.

    The value is the lowercase name (what files and flags spell), but comparisons and
    sorting go by :attr:`rank`, never alphabetically: ``severity >= Severity.WARNING``
    keeps errors. Comparing with a plain string is a ``TypeError``, not a silent
    alphabetical answer.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on thresholds."""
        return _RANKS[self.value]

    def _other_rank(self, other: str) -> int:
        if not isinstance(other, Severity):
            raise TypeError(
                f"cannot order Severity against {type(other).__name__}; use Severity({other!r})"
            )
        return other.rank

    # ``str`` declares these with a ``str`` argument, so the overrides must accept
    # one too; anything that is not a Severity is refused at run time.
    def __lt__(self, other: str) -> bool:
        return self.rank < self._other_rank(other)

    def __le__(self, other: str) -> bool:
        return self.rank <= self._other_rank(other)

    def __gt__(self, other: str) -> bool:
        return self.rank > self._other_rank(other)

    def __ge__(self, other: str) -> bool:
        return self.rank >= self._other_rank(other)


_RANKS = {"info": 0, "warning": 1, "error": 2}


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
