"""Semantic baselines: the fingerprints of findings accepted as they stand.

A fingerprint (:attr:`plancheck.Finding.fingerprint`) is built from the rule,
the plan id, the subject key and the values involved, never from line numbers: moving,
reordering or reformatting the YAML keeps a finding baselined, changing a value it is about
makes it new. The baseline is a multiset: a fingerprint listed once covers one finding.

The file is deterministic JSON, written atomically::

    {"version": 1, "entries": [{"fingerprint": …, "rule": …, "key": …, "plan": …,
                                "message": …}, …]}
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plancheck._destination import write_output
from plancheck._reader.read import ReadProblem, read_text
from plancheck.records import Finding, fingerprint
from plancheck.review._common import ReviewFileError, baselinable

BASELINE_VERSION = 1
_FIELDS = ("fingerprint", "rule", "key", "plan", "message")
_FINGERPRINT = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True, slots=True, order=True)
class BaselineEntry:
    """One accepted finding: its fingerprint, and what it was, for people reading the file."""

    rule: str
    plan: str
    key: str
    fingerprint: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in _FIELDS}


@dataclass(frozen=True, slots=True)
class Baseline:
    """Baseline entries in file order (sorted), and where they were read from."""

    entries: tuple[BaselineEntry, ...] = ()
    path: str = ""

    def counts(self) -> Counter[str]:
        return Counter(entry.fingerprint for entry in self.entries)


def entry_for(finding: Finding) -> BaselineEntry:
    return BaselineEntry(
        rule=finding.rule,
        plan=finding.plan_id,
        key=finding.subject.key,
        fingerprint=fingerprint(finding),
        message=finding.message_en,
    )


def baseline_of(findings: Iterable[Finding], path: str = "") -> Baseline:
    """The baseline accepting ``findings`` (each one counted, duplicates included)."""
    entries = sorted(entry_for(finding) for finding in findings if baselinable(finding))
    return Baseline(tuple(entries), path)


def render_baseline(baseline: Baseline) -> str:
    document = {
        "version": BASELINE_VERSION,
        "entries": [entry.to_json() for entry in sorted(baseline.entries)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_baseline(
    path: str | os.PathLike[str], baseline: Baseline, inputs: Iterable[Path] = ()
) -> None:
    """Write ``baseline`` to ``path`` (atomically for a regular file); ``path`` may not be
    one of ``inputs`` (raises ``OSError``)."""
    write_output(path, render_baseline(baseline), inputs, "baseline")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _corrupt(display: str, detail: str) -> ReviewFileError:
    return ReviewFileError(f"{display}: 基线文件损坏 / corrupt baseline file: {detail}")


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline; raises :class:`ReviewFileError` (one line) if missing or corrupt."""
    display = Path(path).as_posix()
    try:
        text = read_text(Path(path), display)
    except ReadProblem as problem:
        raise ReviewFileError(
            f"{display}: 无法读取基线文件 / cannot read baseline file: {problem.diagnostic.message}"
        ) from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise _corrupt(display, f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:
        raise _corrupt(display, str(exc)) from None
    except RecursionError:
        raise _corrupt(display, "nested too deeply") from None
    if not isinstance(document, dict) or set(document) != {"version", "entries"}:
        raise _corrupt(display, "expected an object with `version` and `entries`")
    if document["version"] != BASELINE_VERSION or isinstance(document["version"], bool):
        raise _corrupt(display, f"unsupported version {document['version']!r}")
    raw_entries = document["entries"]
    if not isinstance(raw_entries, list):
        raise _corrupt(display, "`entries` must be a list")
    entries: list[BaselineEntry] = []
    for number, raw in enumerate(raw_entries, start=1):
        if (
            not isinstance(raw, dict)
            or set(raw) != set(_FIELDS)
            or not all(isinstance(raw[name], str) for name in _FIELDS)
        ):
            raise _corrupt(display, f"entry {number} must have the string fields {_FIELDS}")
        if not _FINGERPRINT.match(raw["fingerprint"]):
            raise _corrupt(display, f"entry {number} has a malformed fingerprint")
        entries.append(BaselineEntry(**raw))
    return Baseline(tuple(entries), display)
