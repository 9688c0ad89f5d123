"""Running a command and measuring it: wall time, CPU time of the child, peak RSS.

``os.wait4`` gives the resource usage of exactly the child we started (not of every child
of this process), so peak memory is per command even when runs are interleaved.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_rss_mb: float
    exit_code: int


@dataclass(slots=True)
class Measurement:
    """Every run of one command; the figures are medians (peak RSS: the maximum)."""

    name: str
    argv: tuple[str, ...]
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_rss_mb(self) -> float:
        return max(run.peak_rss_mb for run in self.runs)

    @property
    def exit_codes(self) -> list[int]:
        return sorted({run.exit_code for run in self.runs})


def run_once(
    argv: Sequence[str], cwd: str | None = None, env: Mapping[str, str] | None = None
) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - argv is built by the suite, never by data
        list(argv),
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,
        exit_code=process.returncode,
    )


def interleaved(
    commands: Sequence[tuple[str, Sequence[str]]],
    repeat: int,
    cwd: str | None = None,
    env: Mapping[str, str] | None = None,
    warmup: int = 1,
) -> list[Measurement]:
    """Run every command ``repeat`` times, round-robin, so machine noise hits all alike."""
    measurements = [Measurement(name, tuple(argv)) for name, argv in commands]
    for _ in range(warmup):
        for measurement in measurements:
            run_once(measurement.argv, cwd, env)
    for _ in range(repeat):
        for measurement in measurements:
            measurement.runs.append(run_once(measurement.argv, cwd, env))
    return measurements
