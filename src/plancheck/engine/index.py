"""PlanIndex: lookups built once per plan, so no rule scans the whole plan."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from plancheck.engine.normalise import normalise
from plancheck.loading import DEFAULT_MAX_BYTES
from plancheck.model import (
    Agency,
    Box,
    BoxItem,
    Claim,
    DeclaredCount,
    Entity,
    Evaluation,
    EvaluationResult,
    Identity,
    Indicator,
    IndicatorValue,
    Node,
    Plan,
    Project,
    Revision,
    Section,
    Tally,
    Total,
)
from plancheck.records import SourcePosition, Subject

T = TypeVar("T")


def _by(items: Iterable[T], key: str) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        grouped[str(getattr(item, key))].append(item)
    return dict(grouped)


@dataclass(frozen=True, slots=True)
class SourceText:
    """The published document beside the plan data, read once."""

    path: Path
    display: str
    lines: tuple[str, ...]
    sha256: str


class PlanIndex:
    """Everything rules look up, computed on first use and then reused."""

    def __init__(self, plan: Plan, base: Plan | None = None) -> None:
        self.plan = plan
        # Every rule names the entities it judges: one Subject per node, not per rule.
        # Keyed by id(): the nodes live as long as the plan this index holds.
        self._subjects: dict[int, Subject] = {}
        # Rules compare the same names again and again (a project's name for PC006,
        # PC401, PC402 and PC405): each is normalised once per plan.
        self._normalised: dict[str, str] = {}
        # The earlier version the plan revises (``check --against``, ``plancheck diff``);
        # revision rules judge the change from it and are not applicable without it.
        self.base = base

    # -- by id -------------------------------------------------------------
    @cached_property
    def projects(self) -> dict[str, list[Project]]:
        return _by(self.plan.projects, "id")

    @cached_property
    def indicators(self) -> dict[str, list[Indicator]]:
        return _by(self.plan.indicators, "id")

    @cached_property
    def indicator_tables(self) -> dict[int | None, list[Indicator]]:
        """The rows of each indicator table: by 专栏 number (``None``: in no 专栏)."""
        grouped: dict[int | None, list[Indicator]] = defaultdict(list)
        for indicator in self.plan.indicators:
            grouped[indicator.box].append(indicator)
        return dict(grouped)

    @cached_property
    def agencies(self) -> dict[str, list[Agency]]:
        return _by(self.plan.agencies, "id")

    @cached_property
    def claims(self) -> dict[str, list[Claim]]:
        return _by(self.plan.claims, "id")

    @cached_property
    def boxes(self) -> dict[int, list[Box]]:
        grouped: dict[int, list[Box]] = defaultdict(list)
        for box in self.plan.boxes:
            grouped[box.number].append(box)
        return dict(grouped)

    @cached_property
    def box_items(self) -> dict[str, BoxItem]:
        """Box items by ``<box>.<item>`` reference."""
        return {self.ref(item): item for box in self.plan.boxes for item in box.items}

    @cached_property
    def _refs(self) -> dict[int, str]:
        return {id(item): item.ref for box in self.plan.boxes for item in box.items}

    def ref(self, item: BoxItem) -> str:
        """``item.ref``, read once per plan (the model computes it on every access)."""
        found = self._refs.get(id(item))
        return found if found is not None else item.ref

    @cached_property
    def sections(self) -> dict[str, Section]:
        return {section.path: section for section in self.plan.iter_sections()}

    # -- by normalised name --------------------------------------------------
    def normalised(self, name: str) -> str:
        """``normalise(name)``, remembered for the plan's lifetime."""
        found = self._normalised.get(name)
        if found is None:
            found = self._normalised[name] = normalise(name)
        return found

    @cached_property
    def projects_by_category(self) -> dict[str, list[Project]]:
        """Projects by normalised category ("" for those without one), in plan order."""
        grouped: dict[str, list[Project]] = defaultdict(list)
        for project in self.plan.projects:
            grouped[self.normalised(project.category or "")].append(project)
        return dict(grouped)

    @cached_property
    def agencies_by_name(self) -> dict[str, list[Agency]]:
        grouped: dict[str, list[Agency]] = defaultdict(list)
        for agency in self.plan.agencies:
            for name in dict.fromkeys(self.normalised(n) for n in agency.names):
                grouped[name].append(agency)
        return dict(grouped)

    @cached_property
    def box_items_by_name(self) -> dict[str, list[BoxItem]]:
        grouped: dict[str, list[BoxItem]] = defaultdict(list)
        for box in self.plan.boxes:
            for item in box.items:
                grouped[self.normalised(item.name)].append(item)
        return dict(grouped)

    @cached_property
    def projects_by_name(self) -> dict[str, list[Project]]:
        grouped: dict[str, list[Project]] = defaultdict(list)
        for project in self.plan.projects:
            grouped[self.normalised(project.name)].append(project)
        return dict(grouped)

    @cached_property
    def project_box_items(self) -> dict[str, BoxItem]:
        """Project id -> the 专栏 item it traces to (explicit trace, else exact name)."""
        traced: dict[str, BoxItem] = {}
        for project in self.plan.projects:
            item = None
            if project.box_item is not None:
                item = self.box_items.get(project.box_item)
            else:
                candidates = self.box_items_by_name.get(self.normalised(project.name), [])
                item = candidates[0] if candidates else None
            if item is not None:
                traced.setdefault(project.id, item)
        return traced

    @cached_property
    def box_item_projects(self) -> dict[str, list[Project]]:
        """Box item ref -> the funded projects that trace to it."""
        grouped: dict[str, list[Project]] = defaultdict(list)
        for project in self.plan.projects:
            item = self.project_box_items.get(project.id)
            if item is not None:
                grouped[self.ref(item)].append(project)
        return dict(grouped)

    @cached_property
    def claims_by_indicator(self) -> dict[str, list[Claim]]:
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.plan.claims:
            if claim.indicator is not None:
                grouped[claim.indicator].append(claim)
        return dict(grouped)

    @cached_property
    def indicator_of_value(self) -> dict[int, Indicator]:
        """id(IndicatorValue) -> its indicator (values do not know their parent)."""
        owners: dict[int, Indicator] = {}
        for indicator in self.plan.indicators:
            values: list[IndicatorValue | None] = [
                indicator.baseline,
                *indicator.targets,
                *indicator.observations,
            ]
            for value in values:
                if value is not None:
                    owners[id(value)] = indicator
        return owners

    # -- the source document -------------------------------------------------
    @cached_property
    def source_path(self) -> Path | None:
        """Where the source document should be (not read, not checked)."""
        document = self.plan.source_document
        if document is None or not self.plan.path:
            return None
        base = Path(self.plan.path)
        folder = base if base.is_dir() else base.parent
        return folder / document.path

    @cached_property
    def source_text(self) -> SourceText | None:
        path = self.source_path
        if path is None:
            return None
        base = Path(self.plan.path)
        folder = base if base.is_dir() else base.parent
        # Plan data is untrusted: the document must sit inside the plan folder
        # (symlinks resolved) and be a regular file of bounded size.
        try:
            resolved = path.resolve()
            if not resolved.is_relative_to(folder.resolve()) or not resolved.is_file():
                return None
            if resolved.stat().st_size > DEFAULT_MAX_BYTES:
                return None
            raw = resolved.read_bytes()
        except (OSError, RuntimeError, ValueError):
            return None
        text = raw.decode("utf-8", errors="replace")
        return SourceText(
            path, path.as_posix(), tuple(text.splitlines()), hashlib.sha256(raw).hexdigest()
        )

    def source_line(self, line: int) -> str | None:
        source = self.source_text
        if source is None or not 1 <= line <= len(source.lines):
            return None
        return source.lines[line - 1]

    def source_position(self, node: Node) -> SourcePosition | None:
        if not isinstance(node, Entity) or node.source is None:
            return None
        ref = node.source
        source = self.source_text
        file = (
            source.display
            if source
            else (self.plan.source_document.path if self.plan.source_document else "")
        )
        line = ref.line
        column = ref.column
        if line is None:
            # Only a section is known: point at the section's own heading.
            section = self.sections.get(ref.section or "")
            if section is None or section.source is None or section.source.line is None:
                return None
            return self.source_position(section)
        if column is None and ref.quote:
            text = self.source_line(line)
            found = text.find(ref.quote) if text is not None else -1
            column = found + 1 if found >= 0 else None
        return SourcePosition(file, line, column)

    # -- naming subjects -----------------------------------------------------
    def describe(self, node: Node) -> Subject:
        # Every rule names the same node the same way: described once, not once per rule.
        found = self._subjects.get(id(node))
        if found is None:
            found = self._subjects[id(node)] = describe(node, self)
        return found


def describe(node: Node, index: PlanIndex | None = None) -> Subject:
    """Kind, id, human name and stable key of any plan node."""
    if isinstance(node, Plan):
        return Subject("plan", "plan", node.id, node.title)
    if isinstance(node, Section):
        return Subject(node.key, "section", node.path, f"{node.number}{node.title}")
    if isinstance(node, Box):
        return Subject(node.key, "box", str(node.number), f"专栏{node.number}：{node.title}")
    if isinstance(node, BoxItem):
        return Subject(node.key, "box-item", node.ref, node.name)
    if isinstance(node, Project | Indicator | Agency):
        kind = type(node).__name__.lower()
        return Subject(node.key, kind, node.id, node.name)
    if isinstance(node, Total):
        return Subject(node.key, "total", node.id, node.label)
    if isinstance(node, DeclaredCount):
        return Subject(node.key, "count", node.id, node.phrase)
    if isinstance(node, Identity):
        return Subject(node.key, "identity", node.id, node.statement or node.id)
    if isinstance(node, Claim):
        return Subject(node.key, "claim", node.id, node.quote)
    if isinstance(node, Revision):
        return Subject(node.key, "revision", node.id, node.document_number or node.id)
    if isinstance(node, Evaluation):
        return Subject(node.key, "evaluation", node.id, node.source or node.id)
    if isinstance(node, EvaluationResult):
        actual_year = node.actual_year
        return Subject(
            node.key,
            "evaluation-result",
            f"{node.evaluation}/{node.indicator}/{actual_year}",
            f"{node.indicator} {actual_year}",
        )
    if isinstance(node, Tally):
        return Subject(node.key, "tally", node.key.removeprefix("evaluations/"), node.quote)
    if isinstance(node, IndicatorValue) and index is not None:
        owner = index.indicator_of_value.get(id(node))
        if owner is not None:
            year = node.year if node.year is not None else "?"
            return Subject(
                f"{owner.key}/{year}",
                "indicator-value",
                f"{owner.id}/{year}",
                f"{owner.name} {year}",
            )
    pointer = node.pointer or "/"
    return Subject(f"nodes{pointer}", type(node).__name__.lower(), pointer, pointer)
