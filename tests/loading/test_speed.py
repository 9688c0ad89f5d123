"""A large plan loads (a sanity check; no timing is asserted)."""

from __future__ import annotations

from pathlib import Path

from tests.loading._plans import HEAD, load_ok, write

PROJECTS = 5_000


def _big_plan(count: int) -> str:
    rows = "".join(
        f"  - {{id: p{n}, name: 工程{n}, category: 信息化, years: 2021-2023, funding: {n}}}\n"
        for n in range(count)
    )
    return HEAD + "projects:\n" + rows


def test_plan_with_5000_projects_loads(tmp_path: Path) -> None:
    result = load_ok(write(tmp_path / "plan.yaml", _big_plan(PROJECTS)))
    plan = result.plan
    assert plan is not None
    assert len(plan.projects) == PROJECTS
    last = plan.projects[-1]
    assert last.id == f"p{PROJECTS - 1}"
    location = plan.locate(last)
    assert location is not None
    # HEAD is 5 lines, `projects:` is line 6, so project n is on line 7 + n.
    assert (location.line, location.column) == (7 + PROJECTS - 1, 5)


def test_plan_with_5000_projects_in_parts_loads(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    per_part = PROJECTS // 5
    names = [f"parts/{k}.yaml" for k in range(5)]
    write(root / "plan.yaml", HEAD + "parts: [" + ", ".join(names) + "]\n")
    for k, name in enumerate(names):
        rows = "".join(
            f"  - {{id: p{k}-{n}, name: 工程{n}, funding: {n}}}\n" for n in range(per_part)
        )
        write(root / name, "projects:\n" + rows)
    plan = load_ok(root).plan
    assert plan is not None
    assert len(plan.projects) == PROJECTS
    location = plan.locate(plan.projects[-1])
    assert location is not None
    assert location.file == (root / "parts" / "4.yaml").as_posix()
    assert location.line == 1 + per_part
