"""A revised copy of the Baoji corpus, as a revising team would write it.

Four changes, made as text edits on copies of the corpus files (the corpus itself is
never touched): the 2015 target of 电话用户数 lowered from 350 to 320 万户; the project
省级两化融合试验区建设工程 (3,000 万元) dropped, by a recorded revision that covers it;
5,000 万元 moved from 数字电视工程 to 电子商务平台; and the 合计 restated to follow.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CORPUS

REVISION = """\
revisions:
  - id: 2013-mid-term
    date: 2013-06
    approved_by: 宝鸡市人民政府
    reason: 中期评估：省级两化融合试验区改由省级统筹建设
    evaluation: 2013-mid-term-evaluation
    covers: [projects/provincial-pilot-zone]
"""


def _replace_once(path: Path, old: str, new: str, after: str = "") -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def _drop_project(path: Path, project: str, following: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {project}\n")
    end = text.index(f"  - id: {following}\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def revise(folder: Path) -> Path:
    """Write the revised copy into ``folder`` (a directory plan) and return it."""
    shutil.copytree(CORPUS, folder)
    _replace_once(folder / "indicators.yaml", "value: 350,", "value: 320,")
    projects = folder / "projects.yaml"
    _drop_project(projects, "provincial-pilot-zone", "industrial-production-digitization")
    _replace_once(projects, 'funding: "30,000"', 'funding: "25,000"', after="id: digital-tv\n")
    _replace_once(
        projects, 'funding: "5,000"', 'funding: "10,000"', after="id: e-commerce-platform\n"
    )
    _replace_once(folder / "declarations.yaml", '"272,340万元"', '"269,340万元"')
    with (folder / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write(REVISION)
    return folder
