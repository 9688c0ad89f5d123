"""Generated plans for the benchmarks: many small plans, or one plan with many projects.

Each plan is consistent (every project traced to a 专栏 item, totals adding up), so the
benchmarks time the rules' ordinary work, not the rendering of thousands of findings.
"""

from __future__ import annotations

from pathlib import Path

_HEADER = """\
plancheck: 1
id: {plan_id}
title: 示例市“十四五”信息化规划
jurisdiction: {{name: 示例市, level: city, parent: 示例省}}
period: 2021-2025
currency: 万元
agencies:
  - {{id: miit, name: 示例市工业和信息化局, aliases: [工信局], kind: government}}
boxes:
  - number: 1
    title: 重点工程
    kind: projects
    items:
"""


def plan_text(plan_id: str, projects: int) -> str:
    items = "".join(f"      - {{number: {i + 1}, name: 工程{i}}}\n" for i in range(projects))
    rows = "".join(
        f"  - id: p{i}\n    name: 工程{i}\n    category: 重点工程\n"
        f"    implementers: [{{text: 工信局, agency: miit}}]\n"
        f'    years: 2021-2023\n    funding: "{1000 + i}"\n'
        for i in range(projects)
    )
    total = sum(1000 + i for i in range(projects))
    totals = (
        f'totals:\n  - id: grand-total\n    label: 合计\n    projects: all\n    value: "{total}"\n'
    )
    return _HEADER.format(plan_id=plan_id) + items + "projects:\n" + rows + totals


def write_many(folder: Path, count: int, projects: int = 31) -> list[Path]:
    """``count`` single-file plans of ``projects`` projects each; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"plan-{number:05d}.yaml"
        path.write_text(plan_text(f"plan-{number:05d}", projects), encoding="utf-8")
        paths.append(path)
    return paths


def write_large(folder: Path, projects: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"large-{projects}.yaml"
    path.write_text(plan_text(f"large-{projects}", projects), encoding="utf-8")
    return path
