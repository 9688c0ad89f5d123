"""Revision rules PC701, PC702, PC703, PC704, PC705, PC706, PC707 and PC708: what a revised
plan changed since its earlier version.

A plan may be changed only through the procedure that made it, and a lowered 约束性
target needs the original approver. These checks read the semantic diff from the
earlier version (``index.base``: ``plancheck diff`` and ``check --against``) and the
plan's recorded ``revisions``; without an earlier version they are not applicable,
except PC708, which judges the recorded revisions themselves.

A change is *recorded* when the changed entity carries a ``revised`` note naming a
revision of this version (a note already present, unchanged, in the earlier version
belongs to an earlier change), or when a revision ``covers`` its key (or its
indicator's key, for a target). Its reason is the note's, else the revision's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

# The diff's records and computation are imported on first use (the package resolves
# its names lazily): without an earlier version the revision rules need neither.
import plancheck.plan_diff as plan_diff
from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import normalise
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import (
    Indicator,
    IndicatorType,
    IndicatorValue,
    Node,
    Plan,
    Project,
    Revision,
)
from plancheck.quantities import ValueStatus

if TYPE_CHECKING:
    from plancheck.plan_diff import EntityChange, PlanDiff

_NO_BASE = NotApplicable("no earlier version to compare with (plancheck diff, check --against)")


@dataclass(frozen=True, slots=True)
class _Record:
    revision: Revision | None
    reason: str | None


def _indicator(index: PlanIndex, key: str | None) -> Indicator | None:
    """The indicator of an indicator key, or of a target key (``indicators/<id>/<year>``),
    from the version's index: the first of a duplicated id (PC006 reports the rest)."""
    if key is None:
        return None
    _, _, rest = key.partition("indicators/")
    found = index.indicators.get(rest.rsplit("/", 1)[0])
    return found[0] if found else None


def _project(index: PlanIndex, key: str | None) -> Project | None:
    """The project of a project key (``projects/<id>``); the first of a duplicated id."""
    if key is None or not key.startswith("projects/"):
        return None
    found = index.projects.get(key.removeprefix("projects/"))
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class _Versions:
    """What the revision rules judge: the diff from the earlier version, and both
    versions' indexes (a change finds its entity by key, not by a scan of the plan)."""

    diff: PlanDiff
    new: PlanIndex
    old: PlanIndex

    @property
    def plan(self) -> Plan:
        return self.new.plan

    @property
    def base(self) -> Plan:
        return self.old.plan


# One diff (and index of the earlier version) per checked plan, shared by the eight
# rules; it goes with the index. The value must not hold the index itself, or the
# entry would keep its own key alive.
_DIFFS: WeakKeyDictionary[PlanIndex, tuple[PlanDiff, PlanIndex]] = WeakKeyDictionary()


def _changes(index: PlanIndex) -> _Versions | None:
    if index.base is None:
        return None
    found = _DIFFS.get(index)
    if found is None:
        found = _DIFFS[index] = (plan_diff.diff(index.base, index.plan), PlanIndex(index.base))
    return _Versions(found[0], index, found[1])


_ChangeJudge = Callable[[_Versions], Iterator[Result]]


def _against_base(judge: _ChangeJudge) -> Callable[[Plan, PlanIndex, NoParams], Iterator[Result]]:
    """The check form of ``judge(versions)``: every revision rule is not applicable
    without an earlier version, and all of them share the plan's one diff."""

    # Named after ``judge`` (explain and the rule pages show it) but keeping its own
    # annotations: the registry reads the parameter model from them.
    @functools.wraps(judge, assigned=("__module__", "__name__", "__qualname__", "__doc__"))
    def check_function(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
        found = _changes(index)
        if found is None:
            yield _NO_BASE
            return
        yield from judge(found)

    return check_function


def _covers(revision: Revision, key: str) -> bool:
    return any(key == covered or key.startswith(f"{covered}/") for covered in revision.covers)


def _record(change: EntityChange, plan: Plan, base: Plan) -> _Record:
    """The revision a change belongs to and its reason, as this version records them."""
    revisions = {r.id: r for r in plan.revisions}
    earlier = {r.id for r in base.revisions}
    note = change.new_note
    revision: Revision | None = None
    reason: str | None = None
    if note is not None and (note != change.old_note or note.revision not in earlier):
        revision = revisions.get(note.revision or "")
        reason = note.reason
    if revision is None:
        keys = [k for k in (change.new_key, change.old_key) if k]
        revision = next((r for r in plan.revisions if any(_covers(r, k) for k in keys)), None)
    if reason is None and revision is not None:
        reason = revision.reason
    return _Record(revision, reason)


def _target(indicator: Indicator | None, key: str | None) -> IndicatorValue | None:
    if indicator is None or key is None:
        return None
    year = key.rsplit("/", 1)[-1]
    return next((t for t in indicator.targets if str(t.year) == year), None)


def _weakened(diff: PlanDiff) -> Iterator[tuple[EntityChange, Any]]:
    for change in diff.of_kind("target"):
        value = change.field("value")
        changed = change.change is plan_diff.Change.CHANGED
        if changed and value is not None and value.trend is plan_diff.Trend.WEAKENED:
            yield change, value


def _binding(found: _Versions, change: EntityChange) -> bool:
    # Binding in the earlier version: re-typing a target as 预期性 does not free it.
    before = _indicator(found.old, change.old_key)
    after = _indicator(found.new, change.new_key)
    return any(i is not None and i.type is IndicatorType.BINDING for i in (before, after))


def _evidence(change: EntityChange, old: str | None, new: str | None) -> dict[str, str]:
    return {"key": change.key, "old": old or "", "new": new or ""}


@check("weakened-binding-target", given="plan")
@_against_base
def weakened_binding_target(found: _Versions) -> Iterator[Result]:
    """A 约束性 target may be weakened only by a revision its original approver approved."""
    plan, base = found.plan, found.base
    for change, value in _weakened(found.diff):
        if not _binding(found, change):
            continue
        record = _record(change, plan, base)
        approver = record.revision.approved_by if record.revision is not None else None
        original = base.approved_by
        if approver and original and normalise(approver) == normalise(original):
            continue
        if record.revision is None:
            variant = None
        elif not original:
            variant = "approver-unknown"
        else:
            variant = "other-approver"
        indicator = _indicator(found.new, change.new_key)
        yield Fail(
            args={
                "old": value.old,
                "new": value.new,
                "revision": record.revision.id if record.revision else "",
                "approver": approver or "—",
                "original": original or "—",
            },
            evidence=_evidence(change, value.old, value.new),
            node=_target(indicator, change.new_key) or indicator or plan,
            field="value",
            variant=variant,
        )


@check("weakened-expected-target", given="plan")
@_against_base
def weakened_expected_target(found: _Versions) -> Iterator[Result]:
    """A 预期性 target weakened needs a recorded reason."""
    plan, base = found.plan, found.base
    for change, value in _weakened(found.diff):
        if _binding(found, change) or _record(change, plan, base).reason:
            continue
        indicator = _indicator(found.new, change.new_key)
        yield Fail(
            args={"old": value.old, "new": value.new},
            evidence=_evidence(change, value.old, value.new),
            node=_target(indicator, change.new_key) or indicator or plan,
            field="value",
        )


def _funded(project: Project | None) -> bool:
    funding = project.funding if project is not None else None
    return funding is not None and funding.status is ValueStatus.GIVEN and bool(funding.amount)


@check("unexplained-project-change", given="plan")
@_against_base
def unexplained_project_change(found: _Versions) -> Iterator[Result]:
    """A funded project added or removed needs a recorded reason."""
    plan, base = found.plan, found.base
    for change in found.diff.of_kind("project"):
        if change.change is plan_diff.Change.CHANGED or _record(change, plan, base).reason:
            continue
        if change.change is plan_diff.Change.ADDED:
            project = _project(found.new, change.new_key)
            if project is None or not _funded(project):
                continue
            written = plan_diff.show(project.funding) or ""
            yield Fail(
                args={"funding": written},
                evidence={"key": change.key, "change": "added", "funding": written},
                node=project,
            )
        else:
            dropped = _project(found.old, change.old_key)
            if dropped is None or not _funded(dropped):
                continue
            written = plan_diff.show(dropped.funding) or ""
            yield Fail(
                args={"funding": written},
                evidence={"key": change.key, "change": "removed", "funding": written},
                node=dropped,
                at=plan,
                field="projects",
                variant="removed",
            )


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + plan_diff.amount(value)


@check("total-changed", given="plan")
@_against_base
def total_changed(found: _Versions) -> Iterator[Result]:
    """The sum of all project funding changed: say by how much, and in which categories."""
    plan, diff = found.plan, found.diff
    total = diff.funding.total
    if total is None:
        return
    unit = diff.funding.currency
    parts = [
        f"{line.category or '—'} {_signed(line.delta)}{unit}" for line in diff.funding.categories
    ]
    declared = next((t for t in plan.totals if t.projects == "all" and t.category is None), None)
    node: Node = declared if declared is not None else plan
    yield Fail(
        args={
            "old": f"{plan_diff.amount(total.old)}{unit}",
            "new": f"{plan_diff.amount(total.new)}{unit}",
            "delta": f"{_signed(total.delta)}{unit}",
            "categories": "；".join(parts) or "—",
        },
        evidence={
            "old": f"{total.old.normalize():f}{unit}",
            "new": f"{total.new.normalize():f}{unit}",
            "delta": f"{total.delta.normalize():f}{unit}",
        },
        node=node,
        field="value" if declared is not None else "projects",
    )


@check("years-past-period", given="plan")
@_against_base
def years_past_period(found: _Versions) -> Iterator[Result]:
    """A revision may reschedule a project, but not out of the plan period."""
    plan = found.plan
    period = plan.period
    for change in found.diff.of_kind("project"):
        years = change.field("years")
        project = _project(found.new, change.new_key)
        if change.change is not plan_diff.Change.CHANGED or years is None or project is None:
            continue
        if project.years is None:
            continue
        first, last = sorted((project.years.start, project.years.end))
        if period.start <= first and last <= period.end:
            continue
        yield Fail(
            args={"old": years.old or "—", "new": years.new or "—", "period": str(period)},
            evidence={"key": change.key, "old": years.old or "", "new": years.new or ""},
            node=project,
            field="years",
        )


@check("removed-indicator", given="plan")
@_against_base
def removed_indicator(found: _Versions) -> Iterator[Result]:
    """An indicator the earlier version committed to is gone."""
    plan, base = found.plan, found.base
    for change in found.diff.of_kind("indicator"):
        if change.change is not plan_diff.Change.REMOVED:
            continue
        indicator = _indicator(found.old, change.old_key)
        if indicator is None:
            continue
        record = _record(change, plan, base)
        yield Fail(
            args={"reason": record.reason or "—"},
            evidence={"key": change.key},
            node=indicator,
            at=plan,
            field="indicators",
        )


@check("changed-baseline", given="plan")
@_against_base
def changed_baseline(found: _Versions) -> Iterator[Result]:
    """A baseline restated (later statistics revise it): said, so targets are read anew."""
    for change in found.diff.of_kind("indicator"):
        baseline = change.field("baseline")
        indicator = _indicator(found.new, change.new_key)
        if change.change is not plan_diff.Change.CHANGED or baseline is None or indicator is None:
            continue
        yield Fail(
            args={"old": baseline.old or "—", "new": baseline.new or "—"},
            evidence={"key": change.key, "old": baseline.old or "", "new": baseline.new or ""},
            node=indicator,
            field="baseline",
        )


@check("unapproved-revision", given="revisions")
def unapproved_revision(revision: Revision, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A recorded revision states who approved it and why."""
    missing = [name for name in ("approved_by", "reason") if not getattr(revision, name)]
    if not missing:
        return
    variant = None if len(missing) == 2 else missing[0].replace("_", "-")
    yield Fail(evidence={"missing": ",".join(missing)}, field=missing[0], variant=variant)
