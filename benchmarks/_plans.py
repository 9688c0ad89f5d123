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


def _item(i: int) -> str:
    return f"      - {{number: {i + 1}, name: 工程{i}}}\n"


def _row(i: int) -> str:
    return (
        f"  - id: p{i}\n    name: 工程{i}\n    category: 重点工程\n"
        f"    implementers: [{{text: 工信局, agency: miit}}]\n"
        f'    years: 2021-2023\n    funding: "{1000 + i}"\n'
    )


def plan_text(plan_id: str, projects: int) -> str:
    items = "".join(_item(i) for i in range(projects))
    rows = "".join(_row(i) for i in range(projects))
    total = sum(1000 + i for i in range(projects))
    return _HEADER.format(plan_id=plan_id) + items + "projects:\n" + rows + _totals(total)


def _totals(total: int) -> str:
    return (
        f'totals:\n  - id: grand-total\n    label: 合计\n    projects: all\n    value: "{total}"\n'
    )


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
    """One plan of ``projects`` projects, written line by line: building its text in
    memory first would raise this process's peak RSS, which every child it starts
    afterwards inherits in its own peak (ru_maxrss counts the forked parent's pages)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"large-{projects}.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write(_HEADER.format(plan_id=f"large-{projects}"))
        out.writelines(_item(i) for i in range(projects))
        out.write("projects:\n")
        out.writelines(_row(i) for i in range(projects))
        total = sum(1000 + i for i in range(projects))
        out.write(_totals(total))
    return path
