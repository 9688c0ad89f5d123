"""YAML text -> plain data plus a position for every value.

ruamel's C parser emits events with marks; building the data here instead of
through a composer keeps loading fast (no Python-level node objects) and lets
us refuse, as we meet them, everything plan data never needs: aliases, object
tags, duplicate keys, several documents, absurd nesting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from plancheck._reader.positions import SHIFT, Lines, Positions
from plancheck.records import Diagnostic

try:
    from ruamel.yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # no C extension: ruamel's pure-Python parser, same events
    _CParser = None

MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 400
MAX_VALUES = 500_000
# How far ``max_values`` may be raised: every value costs a position (12 bytes) and its
# share of the plan model (a project of about 25 values takes about 3 KB loaded), so
# this bounds a single file at well under a GB.
MAX_VALUES_LIMIT = 5_000_000

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
    marks: Positions


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


def _key_problem(event: Event) -> YamlProblem:
    return _problem(event, "映射的键必须是标量 / mapping keys must be plain scalars")


def _too_many(event: Event, max_values: int) -> YamlProblem:
    # Every value costs a position; the size limit alone does not bound memory.
    return _problem(
        event,
        f"值过多 / too many values (more than {max_values:,}; set max_values to raise it)",
    )


_CTAG = "ctag" in ScalarEvent.__slots__ and "ctag" in CollectionStartEvent.__slots__
# Every null, boolean and number of the core schema starts with one of these.
_RESOLVABLE_START = frozenset("~nNtTfF0123456789+-.")
# Strings up to this length are shared between equal values (names, ids, categories).
_SHARED_LENGTH = 24


def _build(next_event: Callable[[], Any], positions: Positions, max_values: int) -> Any:
    """The document's data from its events; children's positions go to ``positions``.

    One loop with the open container's state in locals: this runs once per event, the
    hot path of loading a large plan.
    """
    lines = positions.lines
    # Raw positions as Lines.decode reads them, packed inline: this is the hottest loop.
    odd = lines.newlines is not None
    starts, shapes_of, all_raws, all_kids = (
        positions.start,
        positions.shape,
        positions.raw,
        positions.kids,
    )
    shapes: dict[tuple[str, ...], tuple[str, ...]] = {}
    # One object per distinct key or short word: a large plan repeats its keys and
    # words (a category, an agency id) in every entity, each a new string from the parser.
    words: dict[str, str] = {}
    stack: list[tuple[Any, bool, str | None, dict[str, int], list[int], list[int], int]] = []
    container: Any = None
    is_map = False
    key: str | None = None
    seen: dict[str, int] = {}
    raws: list[int] = []
    kids: list[int] = []
    number = -1
    root: Any = None
    values = 0
    documents = 0
    while (event := next_event()) is not None:
        kind = event.__class__
        if kind is ScalarEvent:
            # ruamel's ``tag`` is a property over the ``ctag`` slot: read the slot.
            tag = event.ctag if _CTAG else event.tag
            if event.anchor is not None or (
                tag is not None and (tag := event.tag) != "!" and tag not in _ALLOWED_TAGS
            ):
                _check_node(event)
            if is_map and key is None:
                # Keys are kept as written: `1:` is the key "1", not the number.
                values += 1
                if values > max_values:
                    raise _too_many(event, max_values)
                key = event.value
                key = words.setdefault(key, key)
                mark = event.start_mark
                raw = mark.index if odd else mark.line << SHIFT | mark.column
                if key in seen:
                    line, column = lines.decode(raw)
                    first = lines.decode(raws[seen[key]])[0]
                    raise YamlProblem(
                        "PC003",
                        f"重复的键 / duplicate key {key!r} (first at line {first})",
                        line,
                        column,
                    )
                seen[key] = len(raws)
                raws.append(raw)
                kids.append(0)
                continue
            value = event.value
            if tag is not None or not event.implicit:
                value = _scalar(event)
            elif (
                not event.style
                and event.implicit[0]
                # Most plain scalars are words: no null, boolean or number starts like them.
                and (not value or value[0] in _RESOLVABLE_START)
            ):
                value = _resolve_plain(value, event)
            if value.__class__ is str and len(value) <= _SHARED_LENGTH:
                value = words.setdefault(value, value)
            values += 1
            if values > max_values:
                raise _too_many(event, max_values)
            if is_map:
                container[key] = value
                key = None
                continue
            mark = event.start_mark
            raw = mark.index if odd else mark.line << SHIFT | mark.column
            if container is not None:
                raws.append(raw)
                kids.append(0)
                container.append(value)
            else:
                root = value
                positions.root = raw
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            if is_map:
                keys = tuple(seen)
                shape: int | tuple[str, ...] = shapes.setdefault(keys, keys)
            else:
                shape = len(container)
            # Its children's positions, now that they are all known.
            starts[number] = len(all_raws)
            shapes_of[number] = shape
            all_raws.extend(raws)
            all_kids.extend(kids)
            container, is_map, key, seen, raws, kids, number = stack.pop()
            continue
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or (event.ctag if _CTAG else event.tag) is not None:
                _check_node(event)
            if len(stack) >= MAX_DEPTH:
                raise _problem(event, f"嵌套过深 / nesting deeper than {MAX_DEPTH} levels")
            values += 1
            if values > max_values:
                raise _too_many(event, max_values)
            new: Any = {} if kind is MappingStartEvent else []
            # A new container's number, in document order (see Positions).
            starts.append(0)
            shapes_of.append(0)
            child = len(shapes_of) - 1
            if is_map:
                if key is None:
                    raise _key_problem(event)
                container[key] = new
                kids[-1] = child
                key = None
            else:
                mark = event.start_mark
                raw = mark.index if odd else mark.line << SHIFT | mark.column
                if container is not None:
                    raws.append(raw)
                    kids.append(child)
                    container.append(new)
                else:
                    root = new
                    positions.root = raw
            stack.append((container, is_map, key, seen, raws, kids, number))
            container, is_map, key, seen, raws, kids, number = (
                new,
                kind is MappingStartEvent,
                None,
                {},
                [],
                [],
                child,
            )
            continue
        if kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _problem(
                    event, "一个文件只能有一个 YAML 文档 / a plan file holds one YAML document"
                )
        elif kind is AliasEvent:
            raise _problem(event, f"不支持别名 / YAML aliases are not allowed (*{event.anchor})")
    return root


def _events(text: str) -> tuple[Callable[[], Any], Callable[[], None]]:
    """ruamel's C parser called directly (no generator between it and the builder),
    or the pure-Python parser where the C one is not installed."""
    if _CParser is not None:
        parser = _CParser(text)
        return parser.get_event, parser.dispose
    events = iter(_YAML.parse(text))
    return (lambda: next(events, None)), (lambda: None)


def parse_yaml(text: str, file: str = "", *, max_values: int = MAX_VALUES) -> ParsedYaml:
    """Parse one YAML document; raises YamlProblem with a 1-based position.

    More than ``max_values`` scalars and containers is a problem (PC001).
    """
    lines = Lines(text)
    positions = Positions(file, lines)
    next_event, dispose = _events(text)
    try:
        data = _build(next_event, positions, max_values)
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
    finally:
        dispose()
    return ParsedYaml(data, positions)


_YAML = YAML(typ="safe", pure=True)


def _position(text: str, offset: object) -> tuple[int, int]:
    """1-based line and column of a character offset (reader errors carry only that)."""
    if not isinstance(offset, int) or not 0 <= offset <= len(text):
        return 1, 1
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def to_diagnostic(problem: YamlProblem, file: str) -> Diagnostic:
    return Diagnostic(problem.code, problem.message, file, problem.line, problem.column)
