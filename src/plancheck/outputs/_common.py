"""Helpers the CI-facing formats share: paths relative to a root, and suppressed findings."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from plancheck.records import Finding, PlanReport, Report, Severity, Subject, Suppression

SuppressionKind = Literal["waived", "baselined"]

_JUSTIFICATIONS: dict[str, dict[SuppressionKind, str]] = {
    "en": {
        "waived": "waived in the plancheck configuration",
        "baselined": "accepted in the plancheck baseline",
    },
    "zh": {"waived": "已在 plancheck 配置中豁免", "baselined": "已列入 plancheck 基线"},
}


def root_path(root: str | os.PathLike[str] | None) -> Path:
    """The absolute directory that output paths are made relative to.

    Default: the repository root (the nearest folder at or above the working
    directory holding ``.git``), else the working directory, so the paths in a
    report are the same from whichever subfolder it was run.
    """
    return _absolute(Path(root)) if root is not None else default_root()


def default_root() -> Path:
    cwd = _absolute(Path.cwd())
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return cwd


def _absolute(path: Path) -> Path:
    # Absolute and without ``..``, but symlinks kept: ``resolve()`` could move a
    # plan file that is a symlink out of the repository.
    return Path(os.path.normpath(path.absolute()))


def relative_path(file: str, root: Path) -> str | None:
    """``file`` as a POSIX path relative to ``root``, or None when it lies outside it.

    Relative paths are taken as relative to the current directory, as the engine
    reports them. No symlinks are resolved: the path stays the one the user gave.
    """
    if not file:
        return None
    absolute = _absolute(Path(file))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return None
    posix = PurePosixPath(*relative.parts).as_posix()
    return None if posix in ("", ".") else posix


def absolute_path(file: str) -> Path:
    return _absolute(Path(file))


def display_path(file: str, root: Path) -> str:
    """Relative to ``root``, climbing with ``..`` for a file outside it: never absolute
    (unless ``root`` is on another drive), whatever the paths given on the command line."""
    if not file:
        return file
    relative = relative_path(file, root)
    if relative is not None:
        return relative
    try:
        return PurePosixPath(*Path(os.path.relpath(absolute_path(file), root)).parts).as_posix()
    except ValueError:
        return file


def subject_name(subject: Subject, root: Path) -> str:
    """The subject's display name; a file subject is named by its path, shown relative."""
    return display_path(subject.name, root) if subject.kind == "file" else subject.name


def severity_label(severity: Severity, lang: str) -> str:
    if lang == "zh":
        return {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}[severity]
    return severity.value


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that was found but does not count: waived, ignored inline or baselined."""

    finding: Finding
    kind: SuppressionKind
    why: Suppression | None = None

    @property
    def in_source(self) -> bool:
        """Suppressed by a comment in the plan file itself (SARIF ``inSource``)."""
        return self.why is not None and self.why.kind == "inline"

    def justification(self, lang: str) -> str:
        """The recorded decision: reason, approver, expiry and where it is written."""
        why = self.why
        if why is None:
            return _JUSTIFICATIONS["zh" if lang == "zh" else "en"][self.kind]
        if lang == "zh":
            label = {"waiver": "豁免", "inline": "行内忽略", "baseline": "基线"}[why.kind]
            extra = "".join(
                part
                for part in (
                    f"，批准：{why.approved_by}" if why.approved_by else "",
                    f"，有效期至 {why.expires}" if why.expires else "",
                )
            )
            reason = f"：{why.reason}" if why.reason else ""
            return f"{label}{reason}{extra}（{why.origin}）"
        label = {"waiver": "waived", "inline": "ignored inline", "baseline": "in the baseline"}[
            why.kind
        ]
        details = [
            f"approved by {why.approved_by}" if why.approved_by else "",
            f"until {why.expires}" if why.expires else "",
            why.origin,
        ]
        reason = f": {why.reason}" if why.reason else ""
        return f"{label}{reason} ({'; '.join(d for d in details if d)})"


def suppressed(report: Report) -> list[Suppressed]:
    """Waived and baselined findings, sorted like ``report.findings``; waivers win ties."""
    seen: set[Finding] = set()
    out: list[Suppressed] = []
    lists: tuple[tuple[SuppressionKind, list[Finding]], ...] = (
        ("waived", report.waived),
        ("baselined", report.baselined),
    )
    for kind, findings in lists:
        for finding in findings:
            if finding not in seen:
                seen.add(finding)
                out.append(Suppressed(finding, kind, report.suppressions.get(finding)))
    return sorted(out, key=lambda s: (s.finding.sort_key(), s.kind))


def active(report: Report) -> list[Finding]:
    """The findings that count (``report.findings`` less any that are also suppressed)."""
    hidden = {item.finding for item in suppressed(report)}
    return [finding for finding in report.findings if finding not in hidden]


class PlanLookup:
    """The plan a finding belongs to: by plan path, else by the files the plan read
    (the first such plan). Built once per rendering: asking it is a dictionary look-up,
    so placing every finding of a large run does not scan every plan for each."""

    def __init__(self, plans: Iterable[PlanReport]) -> None:
        self._by_path: dict[str, PlanReport] = {}
        self._by_file: dict[str, PlanReport] = {}
        for plan in plans:
            self._by_path.setdefault(plan.path, plan)
            for file in plan.files:
                self._by_file.setdefault(file, plan)

    def __call__(self, finding: Finding) -> PlanReport | None:
        found = self._by_path.get(finding.plan) if finding.plan else None
        return found if found is not None else self._by_file.get(finding.file)
