"""Regular expressions compiled when first used, not when their module is imported.

Every run imports every check, but a plan gives most checks' patterns nothing to look at
(one without 专栏 numbers, quoted figures or implementer lists never needs theirs), and
compiling them all at import cost ~4 ms of each start-up (0.05-0.7 ms a pattern).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that gives ``re.compile(pattern, flags)``, compiling it on its first call."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
