from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests._snapshots import UPDATE_OPTION, Snapshots

# Hypothesis profiles for the whole suite: ``ci`` (the default) is bounded and
# derandomized, so CI is deterministic and quick; ``long`` runs thousands of examples:
# ``HYPOTHESIS_PROFILE=long pytest tests/hardening``.
_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)

PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE_NAME)

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        UPDATE_OPTION,
        action="store_true",
        default=False,
        help="rewrite the files under tests/snapshots/ from the current output",
    )


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshots:
    """Compare a whole output with its file under tests/snapshots/ (see tests/_snapshots.py)."""
    return Snapshots(bool(request.config.getoption(UPDATE_OPTION)))
