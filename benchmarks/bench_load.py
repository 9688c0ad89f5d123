"""Measure loading speed: plancheck's loader against ruamel's round-trip parser.

Run: ``python benchmarks/bench_load.py [--projects N]``. It prints measurements; it asserts
nothing (tests assert behaviour, benchmarks measure).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

from plancheck import check, load_plan

HEADER = """\
plancheck: 1
id: bench
title: 基准规划
jurisdiction: {name: 示例市, level: city}
period: 2021-2025
agencies:
  - {id: miit, name: 示例市工业和信息化局, aliases: [工信局], kind: government}
boxes:
  - number: 1
    title: 重点工程
    kind: projects
    items:
"""


def make_plan(projects: int) -> str:
    items = "".join(f"      - {{number: {i + 1}, name: 工程{i}}}\n" for i in range(projects))
    rows = "".join(
        f"  - id: p{i}\n    name: 工程{i}\n    category: 重点工程\n"
        f"    implementers: [{{text: 工信局, agency: miit}}]\n"
        f'    years: 2021-2023\n    funding: "{1000 + i:,}"\n'
        for i in range(projects)
    )
    return HEADER + items + "projects:\n" + rows


def best_of(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        text = make_plan(args.projects)
        path.write_text(text, encoding="utf-8")
        size = len(text.encode("utf-8")) / 1e6
        load = best_of(args.runs, lambda: load_plan(path))
        full = best_of(args.runs, lambda: check(path))
        round_trip = best_of(args.runs, lambda: YAML().load(text))
        print(f"plan: {args.projects} projects, {size:.2f} MB")
        print(f"plancheck load_plan:        {load:6.3f} s  ({size / load:5.2f} MB/s)")
        print(f"plancheck check (all rules): {full:6.3f} s")
        print(f"ruamel round-trip load only: {round_trip:6.3f} s  ({size / round_trip:5.2f} MB/s)")


if __name__ == "__main__":
    main()
