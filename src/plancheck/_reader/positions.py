"""Where each value of a YAML file starts, stored compactly, located on demand.

A dict of one JSON pointer string and one position object per value cost about
200 bytes a value (a 100,000-project plan: over 250 MB), although only the few
values a finding names are ever looked up. Here the parser records each
container's children as packed integers in flat arrays, in a tree that mirrors
the data; a pointer is walked through that tree when asked for, and its
:class:`YamlLocation` made then. Iterating yields every pointer in document order,
as the eager dict did.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from plancheck._reader.pointer import escape
from plancheck.records import YamlLocation

# A raw position is ``line0 << 32 | column0`` (parser marks, 0-based), or the
# character index when the text has line breaks other than "\n" (see ``Lines``).
SHIFT = 32
_LOW = (1 << SHIFT) - 1
# Mappings with more keys than this get a key -> index table when first searched,
# so locating many keys of one huge mapping stays linear.
_SCAN = 16


class Lines:
    """Turns parser marks into the 1-based line and column an editor shows."""

    __slots__ = ("count", "last", "newlines")

    # libyaml also breaks lines at a lone CR, NEL, LS and PS; plancheck's positions
    # (and its snippets) count only "\n", so they are recomputed from the character
    # index when any of these occur.
    _ODD_BREAKS = ("\x85", "\u2028", "\u2029")

    def __init__(self, text: str) -> None:
        odd = any(ch in text for ch in self._ODD_BREAKS) or text.count("\r") != text.count("\r\n")
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"] if odd else None
        self.count = text.count("\n") + (0 if text.endswith("\n") else 1)
        # Kept instead of the text: the column after the last line's last character,
        # where a position past the last line is placed (found without copying a text
        # of many megabytes, as rstrip and rsplit would).
        end = len(text)
        while end and text[end - 1] == "\n":
            end -= 1
        self.last = end - (text.rfind("\n", 0, end) + 1) + 1

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
            line, column = self.count, self.last
        return line, column

    def decode(self, raw: int) -> tuple[int, int]:
        """The line and column of a raw position (see ``SHIFT``)."""
        if self.newlines is not None:
            return self.at(0, 0, raw)
        return self.at(raw >> SHIFT, raw & _LOW, None)


@dataclass(slots=True)
class _Mount:
    """A part file's list items, appended to the plan's list ``key`` at ``offset``."""

    prefix: str
    offset: int
    count: int
    positions: Positions


class Positions(Mapping[str, YamlLocation]):
    """JSON pointer -> where its value starts (list items, mapping keys and the root).

    Container ``c`` holds its children's raw positions at ``raw[start[c]:]``, one per
    list item or mapping key, and ``kids`` the container number of each child that is
    itself a container (0: a scalar; the root, number 0, is no one's child). ``shape[c]``
    is a list's length or a mapping's keys (tuples shared between equal mappings).
    """

    __slots__ = ("_index", "_mounts", "file", "kids", "lines", "raw", "root", "shape", "start")

    def __init__(self, file: str, lines: Lines) -> None:
        self.file = file
        self.lines = lines
        self.root: int | None = None  # raw position of the root value
        self.raw = array("Q")
        # Container numbers and offsets stay below the value limit (5,000,000 at most).
        self.kids = array("I")
        self.start = array("I")
        self.shape: list[int | tuple[str, ...]] = []
        self._index: dict[int, dict[str, int]] = {}
        self._mounts: list[_Mount] = []

    # -- building (the parser fills ``start``, ``shape``, ``raw`` and ``kids``) ---------

    def mount(self, key: str, offset: int, count: int, part: Positions) -> None:
        """Make ``part``'s ``count`` items of list ``key`` answer as the plan's items
        from ``offset`` on."""
        if count:
            self._mounts.append(_Mount(f"/{escape(key)}/", offset, count, part))

    # -- reading -----------------------------------------------------------------------

    def _location(self, raw: int, pointer: str) -> YamlLocation:
        line, column = self.lines.decode(raw)
        return YamlLocation(self.file, line, column, pointer)

    def _child(self, number: int, token: str) -> int | None:
        """Flat index of container ``number``'s child named by an (escaped) token."""
        shape = self.shape[number]
        if isinstance(shape, int):
            index = _list_index(token)
            return self.start[number] + index if index is not None and index < shape else None
        key = token
        if "~" in token:
            key = token.replace("~1", "/").replace("~0", "~")
            if escape(key) != token:
                return None
        if len(shape) > _SCAN:
            table = self._index.get(number)
            if table is None:
                table = self._index[number] = {name: i for i, name in enumerate(shape)}
            found = table.get(key)
        else:
            found = shape.index(key) if key in shape else None
        return None if found is None else self.start[number] + found

    def _own(self, pointer: str) -> YamlLocation | None:
        if self.root is None:
            return None
        if not pointer:
            return self._location(self.root, "")
        if pointer[0] != "/" or not self.shape:
            return None
        number = 0
        tokens = pointer[1:].split("/")
        last = len(tokens) - 1
        for depth, token in enumerate(tokens):
            flat = self._child(number, token)
            if flat is None:
                return None
            if depth == last:
                return self._location(self.raw[flat], pointer)
            number = self.kids[flat]
            if not number:
                return None
        return None

    def _mounted(self, pointer: str) -> YamlLocation | None:
        for mount in self._mounts:
            if pointer.startswith(mount.prefix):
                token, slash, rest = pointer[len(mount.prefix) :].partition("/")
                index = _list_index(token)
                if index is not None and 0 <= index - mount.offset < mount.count:
                    index -= mount.offset
                    # The part's own position, pointer included, as merging always gave.
                    inner = f"{mount.prefix}{index}{slash}{rest}"
                    return mount.positions.get(inner)
        return None

    def __getitem__(self, pointer: str) -> YamlLocation:
        found = self._own(pointer)
        if found is None and self._mounts:
            found = self._mounted(pointer)
        if found is None:
            raise KeyError(pointer)
        return found

    def get(self, pointer: str, default: YamlLocation | None = None) -> YamlLocation | None:  # type: ignore[override]
        found = self._own(pointer)
        if found is None and self._mounts:
            found = self._mounted(pointer)
        return default if found is None else found

    def __contains__(self, pointer: object) -> bool:
        return isinstance(pointer, str) and self.get(pointer) is not None

    def _walk(self, number: int, prefix: str) -> Iterator[str]:
        shape = self.shape[number]
        start = self.start[number]
        names = [str(i) for i in range(shape)] if isinstance(shape, int) else map(escape, shape)
        for offset, name in enumerate(names):
            pointer = f"{prefix}/{name}"
            yield pointer
            child = self.kids[start + offset]
            if child:
                yield from self._walk(child, pointer)

    def _own_pointers(self) -> Iterator[str]:
        if self.root is None:
            return
        yield ""
        if self.shape:
            yield from self._walk(0, "")

    def __iter__(self) -> Iterator[str]:
        yield from self._own_pointers()
        for mount in self._mounts:
            skip = len(mount.prefix)
            for pointer in mount.positions:
                if pointer.startswith(mount.prefix):
                    token, slash, rest = pointer[skip:].partition("/")
                    yield f"{mount.prefix}{int(token) + mount.offset}{slash}{rest}"

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _list_index(token: str) -> int | None:
    """A list index as a pointer writes it (digits, no leading zero), else None."""
    if not (token.isascii() and token.isdigit()) or (len(token) > 1 and token[0] == "0"):
        return None
    return int(token)
