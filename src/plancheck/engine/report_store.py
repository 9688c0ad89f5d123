"""The checked plans of one run, held until they are reviewed and written.

A run of thousands of plans must not hold thousands of reports: past the first few
hundred, each report is kept as compressed JSON (the codec the cache uses) and decoded
again only when it is written, one at a time. What the set phase needs of every plan
(its card) stays at hand; a plan that links to others is kept whole, because the set
phase adds its findings to it.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from plancheck.engine._codec import decode_report, encode_report
from plancheck.records import PlanCard, PlanReport

# Reports kept as they are before the store starts compressing: small runs pay nothing.
KEEP = 256


@dataclass(slots=True)
class _Entry:
    path: str
    plan_id: str | None
    card: PlanCard | None
    files: list[str]
    group: int
    report: PlanReport | None
    packed: bytes | None = None

    def unpacked(self) -> PlanReport:
        if self.report is not None:
            return self.report
        assert self.packed is not None
        return decode_report(json.loads(zlib.decompress(self.packed)))


class ReportStore:
    """Reports added in any order, read back in the order of their paths."""

    def __init__(self, keep: int | None = None) -> None:
        self._keep = KEEP if keep is None else keep
        self._entries: list[_Entry] = []

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, report: PlanReport, group: int = 0) -> None:
        """Keep ``report``, checked in ``group`` (one group per configuration)."""
        entry = _Entry(report.path, report.plan_id, report.card, list(report.files), group, report)
        if len(self._entries) >= self._keep:
            text = json.dumps(encode_report(report), ensure_ascii=False, separators=(",", ":"))
            entry.packed, entry.report = zlib.compress(text.encode("utf-8"), 1), None
        self._entries.append(entry)

    def for_set_phase(self) -> list[tuple[int, PlanReport]]:
        """Every plan as the set phase sees it, with its group: whole where it may link
        or shares its id with another plan (the set phase adds to it, in place), else a
        stand-in holding its card."""
        ids = Counter(entry.plan_id for entry in self._entries)
        seen = []
        for entry in self._entries:
            shared = entry.plan_id is not None and ids[entry.plan_id] > 1
            links = entry.card is None or entry.card.links or shared
            if entry.report is None and links:
                entry.report, entry.packed = entry.unpacked(), None
            shown = entry.report
            if shown is None:
                shown = PlanReport(entry.path, entry.plan_id, card=entry.card)
            seen.append((entry.group, shown))
        return seen

    def files(self) -> Iterator[str]:
        """Every file the checked plans were read from."""
        for entry in self._entries:
            yield from entry.files

    def __iter__(self) -> Iterator[PlanReport]:
        """The reports in the order of their paths, each decoded only when reached."""
        for entry in sorted(self._entries, key=lambda e: e.path):
            yield entry.unpacked()
