"""The extracted plan before it is written: plain mappings plus what the extractor doubts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plancheck.quantities import QuantityError, parse_value


@dataclass(slots=True)
class Item:
    """One mapping of the plan data (an entity or a nested value).

    ``unsure`` maps a field to why the extractor doubts it (written as a YAML comment);
    ``unreadable`` names fields whose value form plancheck cannot read yet: they are
    written as the document writes them but left out of the in-memory plan.
    """

    fields: dict[str, Any] = field(default_factory=dict)
    unsure: dict[str, str] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)
    # Source lines of cells that are not entities themselves (e.g. a project's 实施单位).
    lines: dict[str, int] = field(default_factory=dict)

    def __setitem__(self, key: str, value: Any) -> None:
        self.fields[key] = value

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)

    def doubt(self, key: str, reason: str) -> None:
        self.unsure[key] = f"{self.unsure[key]}; {reason}" if key in self.unsure else reason

    def set_value(self, key: str, text: str) -> bool:
        """Set a quantity field as written; mark it when plancheck cannot read it yet."""
        self.fields[key] = text
        try:
            parse_value(text)
        except QuantityError:
            self.unreadable.add(key)
            self.doubt(
                key, "数值写法暂不可读，按原文保留 / value form not readable yet, kept as written"
            )
            return False
        return True


def source(line: int, quote: str | None) -> dict[str, Any]:
    quote = (quote or "").strip()
    return {"line": line, "quote": quote} if quote else {"line": line}


@dataclass(slots=True)
class Draft:
    """Everything extracted, in the order of the documented format."""

    meta: Item = field(default_factory=Item)
    sections: list[Item] = field(default_factory=list)
    boxes: list[Item] = field(default_factory=list)
    indicators: list[Item] = field(default_factory=list)
    agencies: list[Item] = field(default_factory=list)
    projects: list[Item] = field(default_factory=list)
    totals: list[Item] = field(default_factory=list)
    counts: list[Item] = field(default_factory=list)
    claims: list[Item] = field(default_factory=list)

    def has_content(self) -> bool:
        return any(
            (self.sections, self.boxes, self.indicators, self.projects, self.totals, self.claims)
        )


def plain(value: Any, *, readable_only: bool) -> Any:
    """Items to plain data; ``readable_only`` drops the fields plancheck cannot read yet."""
    if isinstance(value, Item):
        return {
            key: plain(inner, readable_only=readable_only)
            for key, inner in value.fields.items()
            if not (readable_only and key in value.unreadable)
        }
    if isinstance(value, list):
        return [plain(inner, readable_only=readable_only) for inner in value]
    return value
