"""A progress bar on stderr, only for people watching a terminal."""

from __future__ import annotations

import sys
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


def progress_for(total: int, quiet: bool, stream: TextIO = sys.stderr) -> ProgressBar | None:
    if quiet or total < MIN_PLANS or not stream.isatty():
        return None
    return ProgressBar(stream)
