"""What changed between two versions of a plan: frozen records, each with its inverse."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

# The order entities are listed in: the document's own order of parts.
KINDS = (
    "plan",
    "section",
    "box",
    "box-item",
    "indicator",
    "target",
    "agency",
    "project",
    "total",
    "count",
    "identity",
    "claim",
    "revision",
)


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"

    def inverse(self) -> Change:
        if self is Change.ADDED:
            return Change.REMOVED
        if self is Change.REMOVED:
            return Change.ADDED
        return self


class Trend(StrEnum):
    """How an amount moved: up or down, and for a target whether that is worse."""

    RAISED = "raised"
    LOWERED = "lowered"
    WEAKENED = "weakened"
    STRENGTHENED = "strengthened"

    def inverse(self) -> Trend:
        return {
            Trend.RAISED: Trend.LOWERED,
            Trend.LOWERED: Trend.RAISED,
            Trend.WEAKENED: Trend.STRENGTHENED,
            Trend.STRENGTHENED: Trend.WEAKENED,
        }[self]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field whose value differs; ``old``/``new`` as a plan file writes them."""

    field: str
    old: str | None
    new: str | None
    trend: Trend | None = None

    def inverse(self) -> FieldChange:
        trend = self.trend.inverse() if self.trend is not None else None
        return FieldChange(self.field, self.new, self.old, trend)


@dataclass(frozen=True, slots=True)
class ChangeNote:
    """The recorded revision an entity's change belongs to, and why (from the plan data)."""

    revision: str | None
    reason: str | None


@dataclass(frozen=True, slots=True)
class EntityChange:
    """An entity added, removed or changed.

    ``key`` names it in the newer version (the older one for a removed entity);
    ``old_key``/``new_key`` are its keys on each side (``None`` where it is absent).
    ``old_note``/``new_note`` are the revision notes each side records for it.
    """

    kind: str
    change: Change
    old_key: str | None
    new_key: str | None
    name: str
    fields: tuple[FieldChange, ...] = ()
    old_note: ChangeNote | None = None
    new_note: ChangeNote | None = None
    # The older version's name when a changed entity was renamed (``name`` is the newer).
    old_name: str | None = None

    @property
    def key(self) -> str:
        return self.new_key or self.old_key or ""

    def field(self, name: str) -> FieldChange | None:
        return next((f for f in self.fields if f.field == name), None)

    def inverse(self) -> EntityChange:
        renamed = self.old_name is not None
        return EntityChange(
            self.kind,
            self.change.inverse(),
            self.new_key,
            self.old_key,
            self.old_name if self.old_name is not None else self.name,
            tuple(f.inverse() for f in self.fields),
            self.new_note,
            self.old_note,
            self.name if renamed else None,
        )

    def sort_key(self) -> tuple[int, str, str]:
        return (KINDS.index(self.kind), self.key, self.change.value)


@dataclass(frozen=True, slots=True)
class FundingLine:
    """Funding of one category (``None``: the whole plan), before and after."""

    category: str | None
    old: Decimal
    new: Decimal

    @property
    def delta(self) -> Decimal:
        return self.new - self.old

    def inverse(self) -> FundingLine:
        return FundingLine(self.category, self.new, self.old)


@dataclass(frozen=True, slots=True)
class FundingDiff:
    """Project funding summed per category and in total, in ``currency``.

    Only lines whose amount differs are listed; ``total`` is ``None`` when the sum of
    all project funding is unchanged.
    """

    currency: str
    total: FundingLine | None = None
    categories: tuple[FundingLine, ...] = ()

    def inverse(self) -> FundingDiff:
        total = self.total.inverse() if self.total is not None else None
        return replace(self, total=total, categories=tuple(c.inverse() for c in self.categories))

    def __bool__(self) -> bool:
        return self.total is not None or bool(self.categories)


@dataclass(frozen=True, slots=True)
class PlanDiff:
    """Every change from ``old`` to ``new`` (their paths; empty for plans made in memory).

    ``diff(a, b).inverse() == diff(b, a)`` and a plan's diff with itself is empty.
    """

    old: str
    new: str
    changes: tuple[EntityChange, ...] = ()
    funding: FundingDiff = FundingDiff("万元")

    def __bool__(self) -> bool:
        return bool(self.changes) or bool(self.funding)

    def inverse(self) -> PlanDiff:
        changes = tuple(sorted((c.inverse() for c in self.changes), key=EntityChange.sort_key))
        return PlanDiff(self.new, self.old, changes, self.funding.inverse())

    def of_kind(self, kind: str) -> list[EntityChange]:
        return [c for c in self.changes if c.kind == kind]

    def get(self, key: str) -> EntityChange | None:
        """The change to the entity named ``key`` on either side, if any."""
        return next((c for c in self.changes if key in (c.old_key, c.new_key)), None)
