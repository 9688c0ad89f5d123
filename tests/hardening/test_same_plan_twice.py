"""One plan named in several ways on the command line is checked once.

``plancheck check . plans`` (the folder found again by discovery), ``plans
plans/plan.yaml``, ``plans ../cwd/plans``, a symlink to the folder or a hard link to
a plan file all name one plan: checked twice, its findings would be counted,
baselined and failed on twice, and the set rules would see two plans with one id.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.hardening._support import cli, write_plan

Capsys = pytest.CaptureFixture[str]


def _plans_and_findings(capsys: Capsys, *paths: str) -> tuple[list[str], int]:
    run = cli(capsys, "check", "--no-cache", "--format", "json", *paths)
    return [plan["path"] for plan in run.document()["plans"]], len(run.findings())


@pytest.mark.parametrize(
    "spellings",
    [
        ("baoji", "baoji/plan.yaml"),
        ("baoji/plan.yaml", "baoji"),
        ("baoji", "../{here}/baoji"),
        ("baoji", "linked"),
        (".", "baoji"),
    ],
)
def test_a_plan_folder_named_twice_is_checked_once(
    here: Path, capsys: Capsys, spellings: tuple[str, str]
) -> None:
    shutil.copytree(CORPUS, here / "baoji")
    (here / "linked").symlink_to("baoji")
    alone = _plans_and_findings(capsys, "baoji")
    assert alone == (["baoji"], 43)
    both = _plans_and_findings(capsys, *(path.format(here=here.name) for path in spellings))
    assert both[1] == 43, both
    assert len(both[0]) == 1, both


def test_a_hard_linked_plan_file_is_checked_once(here: Path, capsys: Capsys) -> None:
    write_plan(here, name="one.yaml")
    os.link(here / "one.yaml", here / "two.yaml")
    assert _plans_and_findings(capsys, "two.yaml", "one.yaml")[0] == ["one.yaml"]


def test_two_copies_of_a_plan_are_still_two_plans(here: Path, capsys: Capsys) -> None:
    write_plan(here, name="one.yaml")
    shutil.copy(here / "one.yaml", here / "two.yaml")
    assert _plans_and_findings(capsys, "one.yaml", "two.yaml")[0] == ["one.yaml", "two.yaml"]
