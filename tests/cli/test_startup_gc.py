"""Start-up relaxes the garbage collector while the commands are imported, and only then."""

from __future__ import annotations

import gc

import pytest

from plancheck.cli import main


def test_main_leaves_the_collector_thresholds_as_it_found_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = gc.get_threshold()
    assert main(["rules"]) == 0
    assert gc.get_threshold() == before
    with pytest.raises(SystemExit):
        main(["check", "--no-such-option"])
    assert gc.get_threshold() == before
    capsys.readouterr()
