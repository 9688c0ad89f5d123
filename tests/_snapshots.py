"""Snapshot files: whole outputs pinned byte for byte, rewritten only on request.

A test hands its output to ``snapshot.check(text, "area/name.ext")``. Normally the text
must equal ``tests/snapshots/area/name.ext`` byte for byte; with ``pytest
--snapshot-update`` (or ``nox -s snapshots``) the file is rewritten instead, so a changed
wording shows up as a diff to review, never silently.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from plancheck._atomic import write_atomic

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE_OPTION = "--snapshot-update"
_DIFF_LINES = 60


class SnapshotMismatch(AssertionError):
    pass


class Snapshots:
    def __init__(self, update: bool, root: Path = SNAPSHOTS) -> None:
        self.update = update
        self.root = root
        self.written: list[Path] = []

    def check(self, text: str, name: str) -> None:
        path = self.root / name
        actual = text.encode("utf-8")
        expected = path.read_bytes() if path.exists() else None
        if actual == expected:
            return
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, actual)
            self.written.append(path)
            return
        if expected is None:
            raise SnapshotMismatch(
                f"no snapshot {path.relative_to(self.root.parent)}; "
                f"create it with `pytest {UPDATE_OPTION}` (or `nox -s snapshots`) and review it"
            )
        diff = difflib.unified_diff(
            expected.decode("utf-8", errors="replace").splitlines(),
            text.splitlines(),
            f"{name} (snapshot)",
            f"{name} (now)",
            lineterm="",
        )
        shown = list(diff)
        more = len(shown) - _DIFF_LINES
        body = "\n".join(shown[:_DIFF_LINES]) + (f"\n… {more} more diff lines" if more > 0 else "")
        if not shown:  # same lines, different bytes (line endings, trailing newline)
            body = "the lines are equal but the bytes differ (line endings or final newline)"
        raise SnapshotMismatch(
            f"output differs from snapshot {name}; if the change is intended, run "
            f"`pytest {UPDATE_OPTION}` (or `nox -s snapshots`) and review the diff\n{body}"
        )
