"""Empty cells that matter: a 约束性 indicator with no final-year target (PC308), an
indicator with no baseline (PC309), a project with no 实施年度 (PC107) and a total
over no project (PC204).

A cell the loader could not read is not empty: it was written, and the load rules
already report it, so these rules say they cannot judge it instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plancheck.checks.funding import _components
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import Indicator, IndicatorType, Project, Total


def _unread(index: PlanIndex, node: Any, field: str) -> NotApplicable | None:
    reason = index.plan.unreadable(node, field)
    if reason is None:
        return None
    return NotApplicable(f"the {field} could not be read (see PC002/PC004): {reason}")


@check("binding-without-final-target", given="indicators")
def binding_without_final_target(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A 约束性 indicator must state a target for the plan's final year."""
    if indicator.type is not IndicatorType.BINDING:
        yield NotApplicable("only 约束性 (binding) indicators must state a final target")
        return
    final = index.plan.period.end
    target = next((t for t in indicator.targets if t.year == final), None)
    if target is not None:
        unread = _unread(index, target, "value")
        if unread is not None:
            yield unread
            return
        if target.value is not None and target.value.is_given:
            return
    yield Fail(
        args={"indicator": indicator.name, "year": final},
        evidence={"final_year": str(final)},
        node=target if target is not None else indicator,
        field="value" if target is not None else "targets",
    )


@check("missing-baseline", given="indicators")
def missing_baseline(indicator: Indicator, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """An indicator should state where it starts from (its baseline cell is not empty)."""
    baseline = indicator.baseline
    if baseline is not None:
        unread = _unread(index, baseline, "value")
        if unread is not None:
            yield unread
            return
        if baseline.value is not None:
            return  # a number, or "——": the document says there is none
    unread = _unread(index, indicator, "baseline")
    if unread is not None:
        yield unread
        return
    yield Fail(
        args={"indicator": indicator.name},
        evidence={"baseline": "empty" if baseline is not None else "absent"},
        node=baseline if baseline is not None else indicator,
        field="value" if baseline is not None else "baseline",
    )


@check("project-without-years", given="projects")
def project_without_years(project: Project, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A funded project should state its 实施年度."""
    if project.years is not None:
        return
    unread = _unread(index, project, "years")
    if unread is not None:
        yield unread
        return
    yield Fail(args={"project": project.name}, evidence={"years": "absent"}, field="years")


@check("empty-total", given="totals")
def empty_total(total: Total, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A declared total must total something: at least one project falls under it."""
    projects = _components(total, index)
    if not isinstance(projects, NotApplicable):
        if not any(p.funding is not None and p.funding.is_given for p in projects):
            # Each project without an amount is PC202's finding; the total is not another.
            yield NotApplicable("no project under the total states an amount (see PC202)")
        return
    if "project id" in projects.reason:
        yield projects
        return
    yield Fail(
        args={"total": total.label, "category": total.category or ""},
        evidence={"category": total.category or "all"},
        field="category" if total.category is not None else "projects",
        variant=None if total.category is not None else "no-projects",
    )
