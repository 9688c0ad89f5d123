"""Parent chains that loop back on themselves (PC012): agencies and 其中 indicators.

Each entity has at most one parent, so following parents from every entity once, with a
colour per entity (unvisited, on the current path, done), finds every cycle in time
linear in the number of entities. Every member of a cycle is reported, keyed to itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import Agency, Indicator, Plan

Parented = Agency | Indicator


def _cycles(entities: Sequence[Parented]) -> Iterator[list[Parented]]:
    by_id: dict[str, Parented] = {}
    for entity in entities:
        by_id.setdefault(entity.id, entity)  # duplicates are PC006's business
    state: dict[str, int] = {}  # 1: on the path being followed, 2: finished
    for start in by_id:
        path: list[str] = []
        current: str | None = start
        while current is not None and current in by_id and current not in state:
            state[current] = 1
            path.append(current)
            current = by_id[current].parent
        if current is not None and state.get(current) == 1:
            loop = path[path.index(current) :]
            yield [by_id[member] for member in loop]
        for member in path:
            state[member] = 2


def _report(kind: str, entities: Sequence[Parented]) -> Iterator[Fail]:
    for loop in _cycles(entities):
        chain = " → ".join([*(member.id for member in loop), loop[0].id])
        for member in loop:
            yield Fail(
                args={"chain": chain, "kind_en": kind, "kind_zh": _KIND_ZH[kind]},
                evidence={"chain": chain},
                node=member,
                field="parent",
            )


_KIND_ZH = {"agency": "机构", "indicator": "指标"}


@check("circular-parent", given="plan", reports_on=("agencies", "indicators"))
def circular_parent(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """No agency or indicator may be its own ancestor."""
    yield from _report("agency", plan.agencies)
    yield from _report("indicator", plan.indicators)
