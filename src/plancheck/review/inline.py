"""Inline ignores: ``# plancheck: ignore[PC101,PC202] reason`` in a plan file.

The comment sits on the line where a finding is located (``finding.location``: file and
line) and suppresses findings of the named rules there. The reason is required. Comments
are not part of the parsed data, so plan files are scanned as text; only lines containing
``plancheck:`` are looked at, which keeps the scan cheap.

A ``#`` starts a comment only at the start of a line or after white space and outside a
quoted scalar on that line, as in YAML. Lines of block scalars (``|``, ``>``) and of quoted
scalars spanning lines are not told apart from other lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plancheck._patterns import lazy_pattern
from plancheck._reader.read import DEFAULT_MAX_BYTES, ReadProblem, read_text
from plancheck.review._common import RULE_CODE

MARKER = "plancheck:"
_DIRECTIVE = lazy_pattern(r"(?:^|\s)#\s*plancheck:(?P<rest>.*)$")
_IGNORE = lazy_pattern(r"\s*ignore\[(?P<codes>[^\]]*)\](?P<reason>.*)$")
_REASON_LEAD = ":：-–— \t"
_QUOTE_AFTER = " \t[{,"


@dataclass(frozen=True, slots=True)
class InlineIgnore:
    """One ``# plancheck:`` comment; ``problem_*`` is set when it is not a usable ignore."""

    file: str
    line: int
    column: int
    codes: tuple[str, ...]
    reason: str
    problem_zh: str = ""
    problem_en: str = ""

    @property
    def valid(self) -> bool:
        return not self.problem_en

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}"


def scan_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[InlineIgnore]:
    """The ``# plancheck:`` comments of one plan file (none if it cannot be read:
    the loader reports that file already)."""
    try:
        text = read_text(Path(path), path, max_bytes)
    except ReadProblem:
        return []
    return scan_text(text, path)


def scan_text(text: str, file: str) -> list[InlineIgnore]:
    if MARKER not in text:
        return []
    found: list[InlineIgnore] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if MARKER not in line:
            continue
        start = _comment_start(line)
        if start is None:
            continue
        # From the white space before the ``#`` (``^`` does not match at a search offset).
        match = _DIRECTIVE().search(line, max(start - 1, 0))
        if match is None:
            continue
        column = line.index("#", match.start()) + 1
        found.append(_directive(match["rest"], file, number, column))
    return found


def _comment_start(line: str) -> int | None:
    """Where the line's comment starts, skipping ``#`` inside quoted scalars."""
    quote: str | None = None
    previous = " "
    i = 0
    while i < len(line):
        char = line[i]
        if quote == '"':
            if char == "\\":
                i += 2
                previous = "x"
                continue
            if char == '"':
                quote = None
        elif quote == "'":
            if char == "'":
                if line[i + 1 : i + 2] == "'":  # '' is a quote inside single quotes
                    i += 2
                    continue
                quote = None
        elif char == "#" and previous in " \t":
            return i
        elif char in "\"'" and previous in _QUOTE_AFTER:
            quote = char
        previous = char
        i += 1
    return None


def _directive(rest: str, file: str, line: int, column: int) -> InlineIgnore:
    match = _IGNORE().match(rest)
    if match is None:
        return InlineIgnore(
            file,
            line,
            column,
            (),
            "",
            "不是可识别的 plancheck 指令（应为 `# plancheck: ignore[PC101] 理由`）",
            "not a plancheck directive (write `# plancheck: ignore[PC101] reason`)",
        )
    zh: list[str] = []
    en: list[str] = []
    written = [code.strip() for code in match["codes"].split(",")]
    codes = tuple(dict.fromkeys(code for code in written if code))
    if not codes:
        zh.append("未指明规则")
        en.append("it names no rule")
    for code in codes:
        if not RULE_CODE.match(code):
            zh.append(f"{code} 不是规则代码")
            en.append(f"{code} is not a rule code")
    reason = match["reason"].strip().lstrip(_REASON_LEAD).strip()
    if not reason:
        zh.append("没有写明理由")
        en.append("it gives no reason")
    return InlineIgnore(file, line, column, codes, reason, "；".join(zh), "; ".join(en))
