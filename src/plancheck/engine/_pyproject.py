"""The ``[tool.plancheck]`` table of a pyproject.toml, from any pyproject.toml at all.

Discovery reads every pyproject.toml above the current folder, and most belong to other
tools: ``tool = 5``, a broken table of some other tool, or arrays nested 100,000 deep
are none of plancheck's business. Only a file that has a ``[tool.plancheck]`` table
(or, when it cannot be parsed, visibly tries to) can be a configuration error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from plancheck._patterns import lazy_pattern
from plancheck._reader.read import ReadProblem, read_text

# A line that starts a plancheck table or key: [tool.plancheck], [tool.plancheck.params],
# tool.plancheck.select = …, or `plancheck = …` under [tool]. Used only when the file
# cannot be parsed, to tell "someone else's broken file" from "a broken configuration".
_MENTIONS = lazy_pattern(
    r"""^[ \t]*(?:\[+[ \t]*)?(?:tool[ \t]*\.[ \t]*)?["']?plancheck["']?[ \t]*[\].=]""",
    re.MULTILINE,
)


# The texts of pyproject.toml files read and found to hold no plancheck table. Discovery
# meets the same file above every plan of a run; parsing it again for each plan cost
# more than reading a plan's cached result. Keyed by the whole text, so an edited file
# is parsed afresh; bounded, as a long-lived process may meet many files.
_WITHOUT_TABLE: dict[str, None] = {}
_REMEMBERED = 16


class PyprojectError(Exception):
    """A pyproject.toml whose plancheck table cannot be used; one line, file named."""


def plancheck_table(path: Path, display: str, *, explicit: bool = False) -> dict[str, Any] | None:
    """The file's ``[tool.plancheck]`` table; None when it has none (or, unless
    ``explicit``, cannot be read at all)."""
    try:
        text = read_text(path, display)
    except ReadProblem as problem:
        if explicit:
            raise PyprojectError(str(problem.diagnostic)) from None
        return None
    if text in _WITHOUT_TABLE or (not explicit and not _may_name_plancheck(text)):
        return None
    # Most runs meet no pyproject.toml at all; those that do pay for the parser then.
    import tomllib

    try:
        document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        if not explicit and not _MENTIONS().search(text):
            return None
        detail = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise PyprojectError(f"{display}: 无法读取 / cannot read: {detail}") from None
    tool = document.get("tool")
    if not isinstance(tool, dict) or "plancheck" not in tool:
        _remember_without_table(text)
        return None
    table = tool["plancheck"]
    if not isinstance(table, dict):
        raise PyprojectError(
            f"{display}: tool.plancheck 必须是表 / tool.plancheck must be a table "
            f"([tool.plancheck]), not {type(table).__name__}"
        )
    return table


def _may_name_plancheck(text: str) -> bool:
    """False only when no TOML key in ``text`` can be ``plancheck``.

    A key is spelled bare, as a literal string or as a basic string whose escapes may
    spell letters (``\\u0070``, and ``\\x70`` in TOML 1.1); without the word and
    without such escapes no table can be named plancheck, and a file that will not
    parse is someone else's (see ``_MENTIONS``), so most pyproject.toml files are never
    parsed at all.
    """
    return "plancheck" in text or any(escape in text for escape in ("\\u", "\\U", "\\x"))


def _remember_without_table(text: str) -> None:
    if len(_WITHOUT_TABLE) >= _REMEMBERED:
        del _WITHOUT_TABLE[next(iter(_WITHOUT_TABLE))]
    _WITHOUT_TABLE[text] = None
