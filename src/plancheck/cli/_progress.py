"""A progress bar on stderr, only for people watching a terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

# Below this many plans a bar only flickers.
MIN_PLANS = 20


class ProgressBar:
    def __init__(self, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} plans{end}")
        self.stream.flush()


def progress_for(total: int, quiet: bool, stream: TextIO | None = None) -> ProgressBar | None:
    # sys.stderr is looked up per call: it may be replaced after this module is imported.
    stream = stream or sys.stderr
    if quiet or total < MIN_PLANS or not stream.isatty():
        return None
    return ProgressBar(stream)


# Plan files this large take seconds: a single one gets a sign of life too.
LARGE_PLAN_BYTES = 1 << 20


class Phases:
    """One status line on stderr naming what the run is doing; cleared when done."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.shown = 0

    def __call__(self, phase: str) -> None:
        text = f"plancheck: {phase} …"
        self.stream.write("\r" + text.ljust(self.shown))
        self.stream.flush()
        self.shown = max(self.shown, len(text))

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


def _plan_bytes(targets: Sequence[Path]) -> int:
    total = 0
    for target in targets:
        files = target.iterdir() if target.is_dir() else [target]
        for path in files:
            try:
                total += path.stat().st_size if path.is_file() else 0
            except OSError:
                continue
    return total


def phases_for(targets: Sequence[Path], quiet: bool, stream: TextIO | None = None) -> Phases | None:
    """A status line on a terminal when the run is long enough to want one: many plans
    (it follows the bar through review and render) or a large plan (its phases)."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return None
    if len(targets) >= MIN_PLANS or _plan_bytes(targets) >= LARGE_PLAN_BYTES:
        return Phases(stream)
    return None
