"""``given``: which entities of a plan a rule looks at."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from plancheck.model import Node, Plan


def _box_items(plan: Plan) -> Iterable[Node]:
    for box in plan.boxes:
        yield from box.items


def _indicator_values(plan: Plan) -> Iterable[Node]:
    for indicator in plan.indicators:
        if indicator.baseline is not None:
            yield indicator.baseline
        yield from indicator.targets
        yield from indicator.observations


def _indicator_targets(plan: Plan) -> Iterable[Node]:
    for indicator in plan.indicators:
        yield from indicator.targets


def _evaluation_results(plan: Plan) -> Iterable[Node]:
    for evaluation in plan.evaluations:
        yield from evaluation.results


def _tallies(plan: Plan) -> Iterable[Node]:
    for evaluation in plan.evaluations:
        yield from evaluation.tallies


SELECTORS: dict[str, Callable[[Plan], Iterable[Node]]] = {
    # "files" subjects are produced by the loader (PC001–PC004), not selected.
    "files": lambda plan: (),
    "plan": lambda plan: (plan,),
    "sections": lambda plan: plan.iter_sections(),
    "boxes": lambda plan: plan.boxes,
    "box-items": _box_items,
    "indicators": lambda plan: plan.indicators,
    "indicator-values": _indicator_values,
    "indicator-targets": _indicator_targets,
    "agencies": lambda plan: plan.agencies,
    "projects": lambda plan: plan.projects,
    "totals": lambda plan: plan.totals,
    "counts": lambda plan: plan.counts,
    "identities": lambda plan: plan.identities,
    "claims": lambda plan: plan.claims,
    "revisions": lambda plan: plan.revisions,
    "entities": lambda plan: plan.iter_entities(),
    "evaluations": lambda plan: plan.evaluations,
    "evaluation-results": _evaluation_results,
    "tallies": _tallies,
}
