"""Where the shipped rule files live, installed or in a checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _data_dir(packaged: str, checkout: str) -> Path:
    installed = Path(str(files("plancheck"))) / packaged
    if installed.is_dir():
        return installed
    # An editable install runs from the source tree, where the data sits at the
    # repository root (the wheel maps it into the package).
    return Path(__file__).resolve().parents[2] / checkout


def rules_dir() -> Path:
    return _data_dir("_rules", "rules")
