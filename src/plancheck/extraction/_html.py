"""HTML to the text rendering: one paragraph per line, one table cell per line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

_BLOCKS: Final = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "title",
        "dd",
        "dt",
        "center",
    ]
)
_CELLS: Final = frozenset({"td", "th"})
_SKIPPED: Final = frozenset({"script", "style", "head", "noscript", "template"})
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._skip = 0
        self._cell_depth = 0

    def _flush(self, *, keep_empty: bool = False) -> None:
        text = _SPACE.sub(" ", "".join(self._buffer)).strip()
        # Source formatting wraps Chinese text anywhere; a wrap is not a space.
        text = _CJK_GAP.sub("", text)
        self._buffer.clear()
        if text or keep_empty:
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _CELLS:
            self._flush()
            self._cell_depth += 1
        elif (tag == "br" and not self._cell_depth) or (tag in _BLOCKS and not self._cell_depth):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _CELLS and self._cell_depth:
            self._cell_depth -= 1
            # An empty cell is a line of its own: it keeps the columns aligned.
            self._flush(keep_empty=True)
        elif tag in _BLOCKS and not self._cell_depth:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def render_html(text: str) -> list[str]:
    """The lines of the page's text; tables come out one cell per line."""
    renderer = _Renderer()
    renderer.feed(text)
    renderer.close()
    return renderer.lines
