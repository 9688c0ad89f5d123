"""Fixtures for the hardening suite (the Hypothesis profiles live in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in ``tmp_path``: relative paths in findings, and no configuration found above it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
