"""A document as the recognisers see it: numbered lines of the text rendering."""

from __future__ import annotations

from dataclasses import dataclass, field

from plancheck.extraction._text import fold


@dataclass(frozen=True, slots=True)
class Document:
    """The text of a published plan, one entry per line (1-based through ``line``).

    ``rendering`` is the exact text that becomes the plan's ``source.txt``: the input's
    own bytes for plain text, the text rendering for HTML and .docx.
    """

    path: str
    kind: str  # "text", "html" or "docx"
    rendering: bytes
    lines: tuple[str, ...]
    folded: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", tuple(fold(line) for line in self.lines))

    def __len__(self) -> int:
        return len(self.lines)
