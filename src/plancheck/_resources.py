"""Where the shipped rule files live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path


def _data_dir(packaged: str, checkout: str) -> Path:
    # The package is a plain directory (it ships the rule files as files, and they are
    # read as such), so its data sits beside this module; importlib.resources would
    # give the same directory after importing its readers at every start-up.
    installed = Path(__file__).parent / packaged
    if installed.is_dir():
        return installed
    # An editable install runs from the source tree, where the data sits at the
    # repository root (the wheel maps it into the package).
    return Path(__file__).resolve().parents[2] / checkout


def rules_dir() -> Path:
    return _data_dir("_rules", "rules")
