"""``diff(old, new)``: match entities by id, then by normalised name, and compare them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from plancheck.engine.normalise import normalise
from plancheck.model import Indicator, IndicatorValue, Node, Plan

from ._records import (
    Change,
    ChangeNote,
    EntityChange,
    FieldChange,
    FundingDiff,
    FundingLine,
    PlanDiff,
)
from ._values import EXACT, money, same, show, target_trend, trend

Key = Callable[[Any], Hashable | None]

# Where an entity is written and which revision it belongs to say nothing about what it
# is; children (sections, items, targets) are compared as entities of their own.
_NOT_COMPARED = frozenset({"source", "revised", "sections", "items", "targets", "parts"})
_PLAN_LISTS = frozenset(
    {
        "boxes",
        "indicators",
        "agencies",
        "projects",
        "totals",
        "counts",
        "identities",
        "claims",
        "revisions",
    }
)


def _by_id(node: Any) -> Hashable | None:
    return getattr(node, "id", None)


def _by_text(attribute: str) -> Key:
    def key(node: Any) -> Hashable | None:
        text = getattr(node, attribute, None)
        folded = normalise(text) if isinstance(text, str) else ""
        return folded or None

    return key


def _name(node: Any) -> str:
    return str(node.name)


def _key(node: Any) -> str:
    return str(node.key)


def _items(plan: Plan) -> list[Any]:
    return [item for box in plan.boxes for item in box.items]


@dataclass(frozen=True, slots=True)
class _Kind:
    """One kind of entity: how to list it, match it, name it and key it."""

    name: str
    items: Callable[[Plan], Sequence[Any]]
    matchers: tuple[Key, ...]
    label: Callable[[Any], str]
    key: Callable[[Any], str] = _key


_KINDS = (
    _Kind(
        "section",
        lambda p: list(p.iter_sections()),
        (_by_text("title"), lambda s: s.path),
        lambda s: f"{s.number}{s.title}",
    ),
    _Kind(
        "box",
        lambda p: p.boxes,
        (_by_text("title"), lambda b: b.number),
        lambda b: f"专栏{b.number}：{b.title}",
    ),
    _Kind("box-item", _items, (_by_text("name"), lambda i: i.ref), _name),
    _Kind("indicator", lambda p: p.indicators, (_by_id, _by_text("name")), _name),
    _Kind("agency", lambda p: p.agencies, (_by_id, _by_text("name")), _name),
    _Kind("project", lambda p: p.projects, (_by_id, _by_text("name")), _name),
    _Kind("total", lambda p: p.totals, (_by_id, _by_text("label")), lambda t: t.label),
    _Kind("count", lambda p: p.counts, (_by_id, _by_text("phrase")), lambda c: c.phrase),
    _Kind(
        "identity",
        lambda p: p.identities,
        (_by_id, _by_text("statement")),
        lambda i: i.statement or i.id,
    ),
    _Kind("claim", lambda p: p.claims, (_by_id, _by_text("quote")), lambda c: c.quote),
    _Kind("revision", lambda p: p.revisions, (_by_id,), lambda r: r.id),
)


def match(
    old: Sequence[Any], new: Sequence[Any], matchers: Sequence[Key]
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Pairs matched by each key in turn (only where it is unique on both sides),
    then what is left on each side: removed and added. Symmetric in ``old``/``new``."""
    left, right = list(old), list(new)
    pairs: list[tuple[Any, Any]] = []
    for matcher in matchers:
        olds: dict[Hashable, list[Any]] = defaultdict(list)
        news: dict[Hashable, list[Any]] = defaultdict(list)
        for node in left:
            key = matcher(node)
            if key is not None and key != "":
                olds[key].append(node)
        for node in right:
            key = matcher(node)
            if key is not None and key != "":
                news[key].append(node)
        matched = [(olds[k][0], news[k][0]) for k in olds if len(olds[k]) == 1 == len(news[k])]
        paired_old = {id(a) for a, _ in matched}
        paired_new = {id(b) for _, b in matched}
        left = [n for n in left if id(n) not in paired_old]
        right = [n for n in right if id(n) not in paired_new]
        pairs += matched
    return pairs, left, right


def _note(plan: Plan, node: Any, *keys: str) -> ChangeNote | None:
    """The revision note one version records for an entity: the entity's own ``revised``,
    else a revision of that version whose ``covers`` names the entity (or its owner)."""
    revised = getattr(node, "revised", None) if node is not None else None
    if revised is not None:
        return ChangeNote(revised.revision, revised.reason)
    for revision in plan.revisions:
        for covered in revision.covers:
            if any(key == covered or key.startswith(f"{covered}/") for key in keys):
                return ChangeNote(revision.id, revision.reason)
    return None


def _fields(old: Node, new: Node, extra: dict[str, tuple[Any, Any]]) -> list[FieldChange]:
    """Compared fields of two versions of one entity, in the model's order."""
    changes: list[FieldChange] = []
    names = [n for n in type(new).model_fields if n not in _NOT_COMPARED and n not in _PLAN_LISTS]
    for name in names:
        before, after = getattr(old, name), getattr(new, name)
        if same(before, after):
            continue
        if isinstance(before, IndicatorValue) or isinstance(after, IndicatorValue):
            changes.append(FieldChange(name, _dated(before), _dated(after)))
            continue
        moved = trend(before, after) if name in ("funding", "value") else None
        changes.append(FieldChange(name, show(before), show(after), moved))
    for name, (before, after) in extra.items():
        if not same(before, after):
            changes.append(FieldChange(name, show(before), show(after)))
    return changes


def _dated(value: IndicatorValue | None) -> str | None:
    """A baseline as ``2009: 83.98``: its year and its value, compared together."""
    if value is None:
        return None
    written = show(value.value) if value.value is not None else "—"
    estimated = " (预计)" if value.estimated else ""
    return f"{value.year if value.year is not None else '?'}: {written}{estimated}"


def _extra(kind: str, node: Any) -> dict[str, Any]:
    # What an entity's key does not say but a reader needs: the 专栏 an item is in.
    if kind == "box-item":
        return {"box": node.box_number}
    return {}


def _entities(kind: _Kind, old: Plan, new: Plan) -> list[EntityChange]:
    pairs, removed, added = match(kind.items(old), kind.items(new), kind.matchers)
    changes = [
        EntityChange(
            kind.name,
            Change.REMOVED,
            kind.key(n),
            None,
            kind.label(n),
            (),
            _note(old, n, kind.key(n)),
            _note(new, None, kind.key(n)),
        )
        for n in removed
    ]
    changes += [
        EntityChange(
            kind.name,
            Change.ADDED,
            None,
            kind.key(n),
            kind.label(n),
            (),
            _note(old, None, kind.key(n)),
            _note(new, n, kind.key(n)),
        )
        for n in added
    ]
    for before, after in pairs:
        extra = {
            name: (value, _extra(kind.name, after)[name])
            for name, value in _extra(kind.name, before).items()
        }
        fields = _fields(before, after, extra)
        if fields:
            changes.append(
                EntityChange(
                    kind.name,
                    Change.CHANGED,
                    kind.key(before),
                    kind.key(after),
                    kind.label(after),
                    tuple(fields),
                    _note(old, before, kind.key(before)),
                    _note(new, after, kind.key(after)),
                    _renamed(kind.label(before), kind.label(after)),
                )
            )
        if kind.name == "indicator":
            changes += _targets(old, new, before, after)
    return changes


def _renamed(before: str, after: str) -> str | None:
    return before if before != after else None


def _year(value: IndicatorValue) -> Hashable | None:
    return value.year if value.year is not None else "?"


def _targets(old_plan: Plan, new_plan: Plan, old: Indicator, new: Indicator) -> list[EntityChange]:
    """Each target of an indicator in both versions, matched by its year."""
    pairs, removed, added = match(old.targets, new.targets, (_year,))

    def key(indicator: Indicator, target: IndicatorValue) -> str:
        return f"{indicator.key}/{_year(target)}"

    changes = [
        EntityChange("target", Change.REMOVED, key(old, t), None, f"{old.name} {_year(t)}")
        for t in removed
    ]
    changes += [
        EntityChange("target", Change.ADDED, None, key(new, t), f"{new.name} {_year(t)}")
        for t in added
    ]
    # Judged by the direction both versions agree on (or the one that states it), so
    # the diff back is the inverse of the diff forth.
    stated = {d for d in (old.direction, new.direction) if d is not None}
    direction = stated.pop() if len(stated) == 1 else None
    for before, after in pairs:
        fields = []
        if not same(before.value, after.value):
            moved = target_trend(before.value, after.value, direction)
            fields.append(FieldChange("value", show(before.value), show(after.value), moved))
        if before.estimated != after.estimated:
            fields.append(FieldChange("estimated", show(before.estimated), show(after.estimated)))
        if fields:
            changes.append(
                EntityChange(
                    "target",
                    Change.CHANGED,
                    key(old, before),
                    key(new, after),
                    f"{new.name} {_year(after)}",
                    tuple(fields),
                    _note(old_plan, before, key(old, before)) or _note(old_plan, old, old.key),
                    _note(new_plan, after, key(new, after)) or _note(new_plan, new, new.key),
                    _renamed(f"{old.name} {_year(before)}", f"{new.name} {_year(after)}"),
                )
            )
    return changes


def _currency(old: Plan, new: Plan) -> str:
    # One currency for both sides, whichever is old: 元 measures any amount exactly.
    return old.currency if old.currency == new.currency else "元"


def _by_category(plan: Plan, currency: str) -> tuple[dict[str, Decimal], dict[str, str]]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    names: dict[str, str] = {}
    for project in plan.projects:
        amount = money(project.funding, currency)
        if amount is None:
            continue
        written = project.category or ""
        folded = normalise(written)
        sums[folded] = EXACT.add(sums[folded], amount)
        names[folded] = min(names.get(folded, written), written)
    return dict(sums), names


def funding(old: Plan, new: Plan) -> FundingDiff:
    currency = _currency(old, new)
    before, old_names = _by_category(old, currency)
    after, new_names = _by_category(new, currency)
    lines = []
    for folded in sorted(set(before) | set(after)):
        a, b = before.get(folded, Decimal(0)), after.get(folded, Decimal(0))
        if a != b:
            names = [n for n in (old_names.get(folded), new_names.get(folded)) if n is not None]
            lines.append(FundingLine(min(names) or None, a, b))
    total_old = sum(before.values(), Decimal(0))
    total_new = sum(after.values(), Decimal(0))
    total = FundingLine(None, total_old, total_new) if total_old != total_new else None
    lines.sort(key=lambda line: line.category or "")
    return FundingDiff(currency, total, tuple(lines))


def diff(old: Plan, new: Plan) -> PlanDiff:
    """What changed from ``old`` to ``new``: entities added, removed and changed (each
    field, old and new as written), each target, and funding per category and in total."""
    changes: list[EntityChange] = []
    plan_fields = _fields(old, new, {})
    if plan_fields:
        changes.append(
            EntityChange(
                "plan",
                Change.CHANGED,
                "plan",
                "plan",
                new.title,
                tuple(plan_fields),
                old_name=_renamed(old.title, new.title),
            )
        )
    for kind in _KINDS:
        changes += _entities(kind, old, new)
    changes.sort(key=EntityChange.sort_key)
    return PlanDiff(old.path, new.path, tuple(changes), funding(old, new))
