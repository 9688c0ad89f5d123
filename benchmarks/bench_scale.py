"""Measure ``plancheck check`` on a large plan: wall time and peak memory of the run.

Run: ``python benchmarks/bench_scale.py [--projects 100000] [--shape untraced]``. The plan
is written to a temporary folder and checked by ``python -m plancheck`` in a child
process, whose peak resident memory is read from ``getrusage``. It prints measurements;
it asserts nothing (tests assert behaviour, benchmarks measure).

Shapes:

* ``untraced`` (the adversarial review's case, 5 MB): funded projects and no 专栏, so
  every project is a PC401 finding (and a PC503 one);
* ``near-miss``: every project is planned in no 专栏 while one 专栏 lists an item with a
  similar name for each, so every PC401 finding runs the near-miss search;
* ``traced``: every project is planned in the 专栏 (the ordinary case).

Figures for 100,000 untraced projects, JSON output, on a 2-core machine shared with
other jobs (so times vary by run): the adversarial review measured 50 s and 3.3 GB before
the second hardening round; here the code before it took 43.5 s and 66.2 s in two runs
with a peak of 1,933 MB, and after it 37.3 s with a peak of 1,466 MB. The ``near-miss``
shape was quadratic before (every unplanned project scored against every item of its
专栏) and is linear now.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """\
plancheck: 1
id: bench
title: 基准规划
jurisdiction: {name: 示例市, level: city}
period: 2021-2025
"""
PER_PART = 10_000  # a file may hold 500,000 values; a big plan is a directory of parts


def _project(i: int, shape: str) -> str:
    if shape == "untraced":
        return f"  - {{id: p{i}, name: 工程{i}, funding: 1}}\n"
    suffix = "建设" if shape == "near-miss" else ""
    return f"  - {{id: p{i}, name: 第{i}号工程{suffix}, category: 重点工程, funding: 1}}\n"


def make_plan(folder: Path, projects: int, shape: str) -> int:
    """Write a directory plan into ``folder``; return its size in bytes."""
    parts: dict[str, str] = {}
    if shape != "untraced":
        for start in range(0, projects, PER_PART):
            items = "".join(
                f"      - {{number: {i + 1}, name: 第{i}号工程}}\n"
                for i in range(start, min(start + PER_PART, projects))
            )
            number = start // PER_PART + 1
            parts[f"box-{number}.yaml"] = (
                f"boxes:\n  - number: {number}\n    title: 重点工程\n    kind: projects\n"
                f"    items:\n{items}"
            )
    for start in range(0, projects, PER_PART):
        rows = "".join(_project(i, shape) for i in range(start, min(start + PER_PART, projects)))
        parts[f"projects-{start // PER_PART + 1}.yaml"] = "projects:\n" + rows
    parts["plan.yaml"] = HEAD + f"parts: [{', '.join(name for name in parts)}]\n"
    for name, text in parts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sum(len(text.encode("utf-8")) for text in parts.values())


def measure(folder: Path) -> tuple[float, float, int, int]:
    """Wall seconds, peak resident MB, exit code and report size of one check run."""
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    with (folder.parent / "report.json").open("wb") as report:
        done = subprocess.run(
            [sys.executable, "-m", "plancheck", "check", "plan", "--format", "json"],
            cwd=folder.parent,
            stdout=report,
            env=env,
            check=False,
        )
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024, done.returncode, (folder.parent / "report.json").stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--shape", choices=("untraced", "near-miss", "traced"), default="untraced")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "plan"
        folder.mkdir()
        size = make_plan(folder, args.projects, args.shape) / 1e6
        seconds, peak, code, report = measure(folder)
        print(f"plan: {args.projects:,} {args.shape} projects, {size:.2f} MB")
        print(f"plancheck check --format json: {seconds:6.1f} s, peak memory {peak:7.0f} MB")
        print(f"exit code {code}, report {report / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
