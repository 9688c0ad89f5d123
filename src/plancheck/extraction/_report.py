"""What the extractor found, guessed and could not place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Region:
    """Lines the extractor could not place (1-based, inclusive) and what it did with them."""

    start: int
    end: int
    what: str

    def __str__(self) -> str:
        lines = f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"
        return f"{lines}: {self.what}"


@dataclass(slots=True)
class ExtractReport:
    """The account of one extraction: counts per entity kind, guesses, gaps, problems."""

    source: str
    kind: str = "text"
    found: dict[str, int] = field(default_factory=dict)
    guesses: list[Region] = field(default_factory=list)
    unplaced: list[Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    no_plan: bool = False

    @property
    def ok(self) -> bool:
        """A plan was found and its draft loads as plan data."""
        return not self.no_plan and not self.problems

    def render(self) -> str:
        out = [f"plancheck extract: {self.source} ({self.kind})"]
        if self.no_plan:
            out.append(
                "  文档中没有找到规划（无规划标题、编号章节、专栏或表格）/ no plan found in the "
                "document (no plan title, numbered sections, 专栏 or tables)"
            )
            return "\n".join(out) + "\n"
        counts = ", ".join(f"{kind} {count}" for kind, count in self.found.items())
        out.append(f"  提取 / extracted: {counts}")
        out.extend(f"  注意 / note: {note}" for note in self.notes)
        if self.guesses:
            out.append(f"  推测 / guessed ({len(self.guesses)}, marked `unsure:` in the data):")
            grouped: dict[str, list[int]] = {}
            for region in self.guesses:
                grouped.setdefault(region.what, []).append(region.start)
            for what, lines in sorted(grouped.items(), key=lambda entry: (entry[1][0], entry[0])):
                places = ", ".join(str(n) for n in sorted(set(lines)) if n) or "plan.yaml"
                out.append(f"    {what} — line {places} ({len(lines)}×)")
        if self.unplaced:
            out.append(f"  未能归类的行 / lines not placed ({len(self.unplaced)}):")
            out.extend(f"    line {region}" for region in self.unplaced)
        for problem in self.problems:
            out.append(f"  问题 / problem: {problem}")
        return "\n".join(out) + "\n"
