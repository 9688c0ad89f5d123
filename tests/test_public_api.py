"""The public API is exactly what docs/api.md documents, and every name imports."""

from __future__ import annotations

import re

import plancheck

from .conftest import ROOT


def test_all_matches_the_documented_api() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([A-Za-z_]+)`$", page, flags=re.MULTILINE))
    assert documented == set(plancheck.__all__)


def test_every_entry_has_a_signature_and_an_example() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    entries = re.split(r"^### ", page, flags=re.MULTILINE)[1:]
    assert len(entries) == len(plancheck.__all__)
    for entry in entries:
        name = entry.split("`")[1]
        assert "```text\n" in entry, name
        assert "```python\n" in entry, name


def test_every_public_name_exists() -> None:
    missing = [name for name in plancheck.__all__ if not hasattr(plancheck, name)]
    assert missing == []
