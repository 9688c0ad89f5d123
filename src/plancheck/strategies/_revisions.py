"""``revisions(plan)``: a revised plan drawn from a plan, with the diff it must produce.

The expected diff is built from what was done, not by calling ``diff``: a test then
checks ``diff(base, revised) == expected``. Revisions are made the way a team makes
them in Python, with ``model_copy(update=…)``, so they also exercise checking plans
that were never written to a file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

from plancheck.engine.normalise import normalise
from plancheck.model import Direction, Indicator, Plan, Project
from plancheck.plan_diff import (
    Change,
    ChangeNote,
    EntityChange,
    FieldChange,
    FundingDiff,
    FundingLine,
    PlanDiff,
    Trend,
    money,
    show,
)
from plancheck.quantities import parse_value


@dataclass(frozen=True)
class Revised:
    """A revision of ``base``: the revised ``plan``, the ``expected`` diff from ``base``
    to it, and what was done (``description``)."""

    base: Plan
    plan: Plan
    expected: PlanDiff
    description: str


def _note(node: object) -> ChangeNote | None:
    revised = getattr(node, "revised", None)
    return None if revised is None else ChangeNote(revised.revision, revised.reason)


def _written(amount: Decimal, unit: str) -> str:
    return f"{amount.normalize():f}{unit}"


def _funded(plan: Plan) -> list[tuple[Project, Decimal]]:
    found = []
    for project in plan.projects:
        amount = money(project.funding, plan.currency)
        if amount is not None and amount > 0:
            found.append((project, amount))
    return found


def _categories(plan: Plan) -> tuple[dict[str, Decimal], dict[str, str]]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    names: dict[str, str] = {}
    for project in plan.projects:
        amount = money(project.funding, plan.currency)
        if amount is None:
            continue
        written = project.category or ""
        sums[normalise(written)] += amount
        names[normalise(written)] = min(names.get(normalise(written), written), written)
    return sums, names


def _funding(base: Plan, moves: dict[str, Decimal], extra_names: dict[str, str]) -> FundingDiff:
    """The funding lines when each folded category moved by ``moves``."""
    sums, names = _categories(base)
    names = {**extra_names, **names}
    lines = [
        FundingLine(names[folded] or None, sums.get(folded, Decimal(0)), sums.get(folded, 0) + d)
        for folded, d in moves.items()
        if d != 0
    ]
    lines.sort(key=lambda line: line.category or "")
    total = sum(moves.values(), Decimal(0))
    all_old = sum(sums.values(), Decimal(0))
    total_line = FundingLine(None, all_old, all_old + total) if total != 0 else None
    return FundingDiff(base.currency, total_line, tuple(lines))


def _result(base: Plan, plan: Plan, changes: list[EntityChange], funding: FundingDiff) -> PlanDiff:
    ordered = tuple(sorted(changes, key=EntityChange.sort_key))
    return PlanDiff(base.path, plan.path, ordered, funding)


def _without(plan: Plan, dropped: Project) -> list[Project]:
    return [p for p in plan.projects if p is not dropped]


def _quantum(amount: Decimal) -> Decimal:
    """The smallest step an amount is written in (1 for 30000, 0.01 for 0.35)."""
    exponent = amount.normalize().as_tuple().exponent
    return Decimal(1).scaleb(min(exponent if isinstance(exponent, int) else 0, 0))


def _givers(plan: Plan) -> list[tuple[Project, Decimal]]:
    return [(p, a) for p, a in _funded(plan) if a / _quantum(a) >= 2]


@st.composite
def _move(draw: st.DrawFn, base: Plan) -> Revised:
    giver, amount = draw(st.sampled_from(_givers(base)))
    takers = [(p, a) for p, a in _funded(base) if p is not giver]
    taker, taken = draw(st.sampled_from(takers))
    step = _quantum(amount)
    moved = step * draw(st.integers(min_value=1, max_value=int(amount / step) - 1))
    unit = base.currency
    less = giver.model_copy(update={"funding": parse_value(_written(amount - moved, unit))})
    more = taker.model_copy(update={"funding": parse_value(_written(taken + moved, unit))})
    projects = [less if p is giver else more if p is taker else p for p in base.projects]
    plan = base.model_copy(update={"projects": projects})
    changes = [
        EntityChange(
            "project",
            Change.CHANGED,
            p.key,
            p.key,
            p.name,
            (FieldChange("funding", show(p.funding), show(q.funding), trend),),
            _note(p),
            _note(q),
        )
        for p, q, trend in ((giver, less, Trend.LOWERED), (taker, more, Trend.RAISED))
    ]
    moves: dict[str, Decimal] = defaultdict(Decimal)
    moves[normalise(giver.category or "")] -= moved
    moves[normalise(taker.category or "")] += moved
    description = f"moved {moved}{unit} from {giver.key} to {taker.key}"
    return Revised(base, plan, _result(base, plan, changes, _funding(base, moves, {})), description)


def _movable_targets(plan: Plan) -> list[tuple[Indicator, int]]:
    found = []
    for indicator in plan.indicators:
        if indicator.direction not in (Direction.INCREASE, Direction.DECREASE):
            continue
        years = [t.year for t in indicator.targets]
        for position, target in enumerate(indicator.targets):
            value = target.value
            unique = years.count(target.year) == 1
            if value is not None and value.amount is not None and value.unit and unique:
                found.append((indicator, position))
    return found


@st.composite
def _retarget(draw: st.DrawFn, base: Plan) -> Revised:
    indicator, position = draw(st.sampled_from(_movable_targets(base)))
    target = indicator.targets[position]
    assert target.value is not None and target.value.amount is not None
    old_amount, unit = target.value.amount, target.value.unit or ""
    raise_it = draw(st.booleans()) or old_amount <= 1
    step = Decimal(draw(st.integers(min_value=1, max_value=max(1, int(old_amount) // 2 or 1))))
    new_amount = old_amount + step if raise_it else old_amount - step
    new_value = parse_value(_written(new_amount, unit))
    moved = target.model_copy(update={"value": new_value})
    targets = [moved if t is target else t for t in indicator.targets]
    revised_indicator = indicator.model_copy(update={"targets": targets})
    indicators = [revised_indicator if i is indicator else i for i in base.indicators]
    plan = base.model_copy(update={"indicators": indicators})
    better = raise_it == (indicator.direction is Direction.INCREASE)
    trend = Trend.STRENGTHENED if better else Trend.WEAKENED
    key = f"{indicator.key}/{target.year}"
    change = EntityChange(
        "target",
        Change.CHANGED,
        key,
        key,
        f"{indicator.name} {target.year}",
        (FieldChange("value", show(target.value), show(new_value), trend),),
        _note(target) or _note(indicator),
        _note(moved) or _note(revised_indicator),
    )
    description = f"{trend.value} {key}: {show(target.value)} -> {show(new_value)}"
    return Revised(base, plan, _result(base, plan, [change], _funding(base, {}, {})), description)


@st.composite
def _drop(draw: st.DrawFn, base: Plan) -> Revised:
    project = draw(st.sampled_from(base.projects))
    plan = base.model_copy(update={"projects": _without(base, project)})
    change = EntityChange(
        "project", Change.REMOVED, project.key, None, project.name, (), _note(project), None
    )
    amount = money(project.funding, base.currency)
    moves = {normalise(project.category or ""): -amount} if amount is not None else {}
    funding = _funding(base, moves, {})
    return Revised(base, plan, _result(base, plan, [change], funding), f"dropped {project.key}")


@st.composite
def _add(draw: st.DrawFn, base: Plan) -> Revised:
    taken_ids = {p.id for p in base.projects}
    taken_names = {normalise(p.name) for p in base.projects}
    number = next(n for n in range(1, len(base.projects) + 2) if f"added-{n}" not in taken_ids)
    name = next(
        f"新增{topic}工程"
        for topic in ("试点", "示范", "平台", "网络", "服务", "应用", "中心", "系统")
        if normalise(f"新增{topic}工程") not in taken_names
    )
    categories = sorted({p.category for p in base.projects if p.category}) or ["新增重点工程"]
    category = draw(st.sampled_from(categories))
    amount = Decimal(draw(st.integers(min_value=1, max_value=9_999)))
    start, end = base.period.start, base.period.end
    first = draw(st.integers(min_value=min(start, end), max_value=max(start, end)))
    project = Project.model_validate(
        {
            "id": f"added-{number}",
            "name": name,
            "category": category,
            "years": first,
            "funding": _written(amount, base.currency),
        }
    )
    plan = base.model_copy(update={"projects": [*base.projects, project]})
    change = EntityChange("project", Change.ADDED, None, project.key, name, (), None, None)
    funding = _funding(base, {normalise(category): amount}, {normalise(category): category})
    return Revised(base, plan, _result(base, plan, [change], funding), f"added {project.key}")


KINDS = ("move", "target", "drop", "add")


def revisions(plan: Plan, kinds: Collection[str] = KINDS) -> st.SearchStrategy[Revised]:
    """Revised versions of ``plan`` with the diff each must produce.

    One change per example, of the ``kinds`` asked for that apply to ``plan``: ``move``
    (money moved between two funded projects, every total kept), ``target`` (a target
    lowered or raised: weakened or strengthened, by the indicator's direction), ``drop``
    (a project dropped) and ``add`` (a project added). Amounts are written with their
    unit. The expected diff assumes ``plan`` records no revisions of its own
    (``revisions``); entities' ``revised`` notes are carried over.
    """
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown or not kinds:
        raise ValueError(f"revisions(): kinds are {', '.join(KINDS)}; got {sorted(kinds)}")
    funded = _funded(plan)
    possible = {
        "add": True,
        "move": len(funded) >= 2 and bool(_givers(plan)),
        "target": bool(_movable_targets(plan)),
        "drop": bool(plan.projects),
    }
    makers = {"move": _move, "target": _retarget, "drop": _drop, "add": _add}
    chosen = [makers[kind](plan) for kind in KINDS if kind in kinds and possible[kind]]
    if not chosen:
        raise ValueError(f"revisions(): the plan allows none of {', '.join(sorted(kinds))}")
    return st.one_of(*chosen)
