"""A lazily compiled pattern is compiled on its first use, once."""

from __future__ import annotations

import re

import pytest

from plancheck._patterns import lazy_pattern


def test_the_pattern_is_compiled_at_first_use_and_only_then(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    year = lazy_pattern(r"(\d{4})年", re.ASCII)
    assert compiled == []
    found = year().search("二〇一五年 2015年")
    assert found is not None and found.group(1) == "2015"
    assert year() is year()
    assert compiled == [r"(\d{4})年"]
    assert year().flags & re.ASCII
