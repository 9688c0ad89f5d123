from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "baoji-2011-2015"

MINIMAL_PLAN = """\
plancheck: 1
id: fixture
title: 示例市“十四五”信息化规划
jurisdiction: {name: 示例市, level: city, parent: 示例省}
period: 2021-2025
"""


@pytest.fixture
def write_plan(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a plan file (MINIMAL_PLAN plus ``body``) and return its path."""

    def write(body: str = "", name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(MINIMAL_PLAN + body, encoding="utf-8")
        return path

    return write
