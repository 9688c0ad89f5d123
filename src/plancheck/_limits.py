"""Size limits on what rules and configuration may ask for, and on what a finding says.

Plan data is bounded by the loader (file size, values per file, nesting). These bound
the rest: a rule's message template, a parameter value from a rule file or the
configuration, and a rendered message, so that no input can make one finding, or one
parameter, cost more than a fixed amount (SECURITY.md lists them).
"""

from __future__ import annotations

import math
from typing import Any

MAX_TEMPLATE_CHARS = 2_000  # a message or hint template in a rule file
MAX_VALUE_CHARS = 1_000  # one value quoted in a message (a name, a list of candidates)
MAX_MESSAGE_CHARS = 4_000  # a rendered message or hint
MAX_PARAM_ITEMS = 1_000  # items of one list (or entries of one mapping) in a parameter
MAX_PARAM_CHARS = 1_000  # one string in a parameter
MAX_PARAM_DEPTH = 8  # nesting of lists and mappings in a parameter
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def param_problem(value: Any, depth: int = 0) -> str | None:
    """Why a parameter value is out of bounds (bilingual), or None when it is fine."""
    if depth > MAX_PARAM_DEPTH:
        return f"嵌套超过{MAX_PARAM_DEPTH}层 / nested more than {MAX_PARAM_DEPTH} levels"
    if isinstance(value, float) and not math.isfinite(value):
        return f"不是有限的数 / not a finite number: {value}"
    if isinstance(value, str) and len(value) > MAX_PARAM_CHARS:
        return (
            f"字符串超过{MAX_PARAM_CHARS}个字符 / a string longer than {MAX_PARAM_CHARS} characters"
        )
    if isinstance(value, list | tuple | dict):
        if len(value) > MAX_PARAM_ITEMS:
            return (
                f"超过{MAX_PARAM_ITEMS:,}项 / more than {MAX_PARAM_ITEMS:,} items ({len(value):,})"
            )
        items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        for item in items:
            problem = param_problem(item, depth + 1)
            if problem is not None:
                return problem
    return None
