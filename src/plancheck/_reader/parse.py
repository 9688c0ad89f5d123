"""YAML text -> plain data plus a position for every value.

ruamel's C parser emits events with marks; building the data here instead of
through a composer keeps loading fast (no Python-level node objects) and lets
us refuse, as we meet them, everything plan data never needs: aliases, object
tags, duplicate keys, several documents, absurd nesting.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from plancheck._reader.pointer import join
from plancheck.records import Diagnostic, YamlLocation

MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 400
MAX_VALUES = 500_000

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


@dataclass(slots=True)
class ParsedYaml:
    """The document as plain data, and where each JSON pointer starts (1-based)."""

    data: Any
    marks: dict[str, YamlLocation] = field(default_factory=dict)


class YamlProblem(Exception):
    def __init__(
        self, code: str, message: str, line: int, column: int, index: int | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.index = index


def _problem(event: Event, message: str, code: str = "PC001") -> YamlProblem:
    start = event.start_mark
    return YamlProblem(code, message, start.line + 1, start.column + 1, start.index)


# libyaml also breaks lines at a lone CR, NEL, LS and PS; plancheck's positions (and its
# snippets) count only "\n", so they are recomputed from the character index when any
# of these occur.
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")


class _Lines:
    """Turns parser marks into the 1-based line and column an editor shows."""

    def __init__(self, text: str) -> None:
        self.text = text
        odd = any(ch in text for ch in _ODD_BREAKS) or text.count("\r") != text.count("\r\n")
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"] if odd else None
        self.count = text.count("\n") + (0 if text.endswith("\n") else 1)

    def at(self, line0: int, column0: int, index: int | None) -> tuple[int, int]:
        if self.newlines is not None and index is not None:
            before = bisect_left(self.newlines, index)
            start = self.newlines[before - 1] + 1 if before else 0
            line, column = before + 1, index - start + 1
        else:
            line, column = line0 + 1, column0 + 1
        if line > self.count:
            # An error at the end of a file with no final newline is placed on its
            # last line, not on a line that does not exist.
            last = self.text.rstrip("\n").rsplit("\n", 1)[-1]
            line, column = self.count, len(last) + 1
        return line, column


def _number(text: str, event: Event) -> int | float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _problem(event, f"数字过长 / number too long ({len(text)} characters)")
    if _INT.fullmatch(text):
        return int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    return float(text)


def _resolve_plain(text: str, event: Event) -> Any:
    """YAML 1.2 core schema: 1.1 booleans and dates stay strings on purpose."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text) or _OCT.fullmatch(text) or _HEX.fullmatch(text):
        return _number(text, event)
    if _FLOAT.fullmatch(text) or _INF.fullmatch(text):
        return _number(
            text.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf"), event
        )
    if _NAN.fullmatch(text):
        return float("nan")
    return text


def _scalar(event: ScalarEvent) -> Any:
    tag = event.tag
    text: str = event.value
    if tag is None or tag == "!":
        plain = not event.style and bool(event.implicit and event.implicit[0])
        return _resolve_plain(text, event) if plain else text
    if tag == f"{_CORE}str":
        return text
    resolved = _resolve_plain(text, event)
    expected = {
        f"{_CORE}int": int,
        f"{_CORE}float": float,
        f"{_CORE}bool": bool,
        f"{_CORE}null": type(None),
    }[tag]
    if expected is float and isinstance(resolved, int) and not isinstance(resolved, bool):
        resolved = float(resolved)
    if not isinstance(resolved, expected) or (expected is int and isinstance(resolved, bool)):
        raise _problem(event, f"值与标签不符 / value {text!r} does not match tag {tag}")
    return resolved


def _check_node(event: NodeEvent) -> None:
    if event.anchor is not None:
        raise _problem(event, f"不支持锚点 / YAML anchors are not allowed (&{event.anchor})")
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!" and tag not in _ALLOWED_TAGS:
        raise _problem(event, f"不支持的 YAML 标签 / YAML tag not allowed: {tag}")


class _Builder:
    def __init__(self, lines: _Lines, file: str) -> None:
        self.lines = lines
        self.file = file
        self.marks: dict[str, YamlLocation] = {}
        # Each frame: container, its pointer, pending key (mappings), keys seen.
        self.stack: list[tuple[Any, str, list[str | None], dict[str, YamlLocation]]] = []
        self.root: Any = None
        self.documents = 0
        self.values = 0

    def _mark(self, event: Event, pointer: str) -> YamlLocation:
        start = event.start_mark
        line, column = self.lines.at(start.line, start.column, start.index)
        return YamlLocation(self.file, line, column, pointer)

    def _place(self, value: Any, event: Event) -> str:
        """Attach a new value to its parent and return its pointer."""
        self.values += 1
        if self.values > MAX_VALUES:
            # Every value costs a position; the size limit alone does not bound memory.
            raise _problem(event, f"值过多 / too many values (more than {MAX_VALUES:,})")
        mark = self._mark(event, "")
        if not self.stack:
            self.root = value
            self.marks[""] = mark
            return ""
        container, pointer, pending, seen = self.stack[-1]
        if isinstance(container, list):
            child = join(pointer, len(container))
            container.append(value)
            self.marks[child] = YamlLocation(mark.file, mark.line, mark.column, child)
            return child
        key = pending[0]
        if key is None:
            if not isinstance(value, str) or isinstance(
                event, (MappingStartEvent, SequenceStartEvent)
            ):
                raise _problem(event, "映射的键必须是标量 / mapping keys must be plain scalars")
            if value in seen:
                first = seen[value]
                raise YamlProblem(
                    "PC003",
                    f"重复的键 / duplicate key {value!r} (first at line {first.line})",
                    mark.line,
                    mark.column,
                )
            seen[value] = mark
            pending[0] = value
            # A field's position is its key: that is where an editor should jump.
            child = join(pointer, value)
            self.marks[child] = YamlLocation(mark.file, mark.line, mark.column, child)
            return ""
        pending[0] = None
        container[key] = value
        return join(pointer, key)

    def feed(self, event: Event) -> None:
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _problem(
                    event, "一个文件只能有一个 YAML 文档 / a plan file holds one YAML document"
                )
            return
        if isinstance(event, AliasEvent):
            raise _problem(event, f"不支持别名 / YAML aliases are not allowed (*{event.anchor})")
        if isinstance(event, ScalarEvent):
            _check_node(event)
            pending_key = (
                bool(self.stack)
                and isinstance(self.stack[-1][0], dict)
                and self.stack[-1][2][0] is None
            )
            if pending_key:
                # Keys are kept as written: `1:` is the key "1", not the number.
                self._place(event.value, event)
            else:
                self._place(_scalar(event), event)
            return
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            _check_node(event)
            if len(self.stack) >= MAX_DEPTH:
                raise _problem(event, f"嵌套过深 / nesting deeper than {MAX_DEPTH} levels")
            container: Any = {} if isinstance(event, MappingStartEvent) else []
            pointer = self._place(container, event)
            self.stack.append((container, pointer, [None], {}))
            return
        if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            self.stack.pop()


_YAML = YAML(typ="safe", pure=False)


def parse_yaml(text: str, file: str = "") -> ParsedYaml:
    """Parse one YAML document; raises YamlProblem with a 1-based position."""
    lines = _Lines(text)
    builder = _Builder(lines, file)
    try:
        for event in _YAML.parse(text):
            builder.feed(event)
    except YamlProblem as problem:
        if problem.index is not None:
            problem.line, problem.column = lines.at(
                problem.line - 1, problem.column - 1, problem.index
            )
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (
            lines.at(mark.line, mark.column, getattr(mark, "index", None))
            if mark is not None
            else (1, 1)
        )
        what = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise YamlProblem(
            "PC001", f"YAML 语法错误 / YAML syntax error: {what}", line, column
        ) from None
    except YAMLError as exc:
        message = " ".join(str(exc).split())
        # Reader errors give a byte offset under the C parser but a character
        # offset under the pure one; the offending character itself is unambiguous.
        character = getattr(exc, "character", None)
        offset = text.find(chr(character)) if isinstance(character, int) else -1
        line, column = _position(text, offset if offset >= 0 else None)
        raise YamlProblem(
            "PC001", f"YAML 语法错误 / YAML syntax error: {message}", line, column
        ) from None
    return ParsedYaml(builder.root, builder.marks)


def _position(text: str, offset: object) -> tuple[int, int]:
    """1-based line and column of a character offset (reader errors carry only that)."""
    if not isinstance(offset, int) or not 0 <= offset <= len(text):
        return 1, 1
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def to_diagnostic(problem: YamlProblem, file: str) -> Diagnostic:
    return Diagnostic(problem.code, problem.message, file, problem.line, problem.column)
