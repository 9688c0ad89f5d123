"""``given`` for set-level rules: which entities of each plan link to other plans."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from plancheck.model import Node, Plan
from plancheck.records import PlanCard


def _linking_indicators(plan: Plan) -> Iterable[Node]:
    return [indicator for indicator in plan.indicators if indicator.aligns_with]


def _citing_claims(plan: Plan) -> Iterable[Node]:
    return [claim for claim in plan.claims if claim.cite is not None]


def _linking_entities(plan: Plan) -> Iterable[Node]:
    yield from _linking_indicators(plan)
    yield from _citing_claims(plan)


def _basing_plans(plan: Plan) -> Iterable[Node]:
    return (plan,) if plan.based_on else ()


def _member(plan: Plan) -> Iterable[Node]:
    return (plan,)


# ``given`` values of set-level rules that judge what a plan links to other plans.
_LINKING: dict[str, Callable[[Plan], Iterable[Node]]] = {
    "set-plans": _basing_plans,
    "set-indicators": _linking_indicators,
    "set-claims": _citing_claims,
    "set-links": _linking_entities,
}
# ``given`` values of set-level rules; their checks receive a ``SetIndex``. "set-member"
# is the plan itself as one of the set: the set phase judges a plan that links to
# nothing only when another plan of the run has its id.
SET_SELECTORS: dict[str, Callable[[Plan], Iterable[Node]]] = {**_LINKING, "set-member": _member}


def plan_card(plan: Plan) -> PlanCard:
    """What the set phase needs to know of ``plan`` later, without reading it again."""
    links = any(next(iter(select(plan)), None) is not None for select in _LINKING.values())
    return PlanCard(plan.title, plan.document_number, links)
