from __future__ import annotations

import pytest

from .harness import CaseRuns


@pytest.fixture(scope="session")
def case_runs(tmp_path_factory: pytest.TempPathFactory) -> CaseRuns:
    return CaseRuns(tmp_path_factory)
