"""The role a 实施单位 cell gives each body: 牵头 (leads), 配合 (assists) ….

Plans write who leads and who helps in the cell itself ("区交通运输局牵头，区发改局、
区自然资源局配合"); the role words are no part of a body's name, so the implementer
rules strip them before matching a unit with the agency list.
"""

from __future__ import annotations

from typing import Final

from plancheck._patterns import lazy_pattern

# Longest first, so 具体实施 is stripped whole rather than leaving 具体.
_ROLE_WORDS: Final = (
    "具体负责",
    "具体实施",
    "组织实施",
    "负责实施",
    "共同实施",
    "牵头",
    "负责",
    "主办",
    "配合",
    "参与",
    "协助",
    "协办",
    "实施",
)
_LEAD_WORDS: Final = frozenset({"牵头", "负责", "主办", "具体负责", "负责实施"})
_ROLES: Final = lazy_pattern("(?:" + "|".join(_ROLE_WORDS) + ")+$")
_BY: Final = lazy_pattern(r"^由")


def without_role(unit: str) -> tuple[str, bool]:
    """The body a unit names, without 由 before it and role words after it; and whether
    the words say it leads ("由市教育局牵头" -> 市教育局, True)."""
    text = _BY().sub("", unit.strip())
    match = _ROLES().search(text)
    if match is None or match.start() == 0:
        return text, False
    first = next(word for word in _ROLE_WORDS if match.group().startswith(word))
    return text[: match.start()].strip(), first in _LEAD_WORDS
