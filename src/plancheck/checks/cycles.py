"""Parent chains that loop back on themselves (PC012): agencies and 其中 indicators.

Each entity has at most one parent, so following parents from every entity once, with a
colour per entity (unvisited, on the current path, done), finds every cycle in time
linear in the number of entities. Each cycle is reported once, at its member that comes
first in the file, and names at most MAX_SHOWN of its members: a loop through 10,000
agencies is one finding of bounded size, not 10,000 findings each carrying the chain.
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


MAX_SHOWN = 8  # members of a cycle named in its finding


def _chain(loop: Sequence[Parented]) -> str:
    """``a → b → c → a``; a long loop keeps its first members and its last: ``a → … → z → a``."""
    ids = [member.id for member in loop]
    if len(ids) > MAX_SHOWN:
        ids = [*ids[: MAX_SHOWN - 1], "…", ids[-1]]
    return " → ".join([*ids, loop[0].id])


def _report(kind: str, entities: Sequence[Parented]) -> Iterator[Fail]:
    order = {id(entity): position for position, entity in enumerate(entities)}
    for loop in _cycles(entities):
        first = min(range(len(loop)), key=lambda at: order[id(loop[at])])
        loop = [*loop[first:], *loop[:first]]
        chain = _chain(loop)
        size = len(loop)
        yield Fail(
            args={
                "chain": chain,
                "kind_en": kind,
                "kind_zh": _KIND_ZH[kind],
                "size": f"{size:,}",
                "members_en": "member" if size == 1 else "members",
                "members_zh": "个成员",  # one form in Chinese; paired for the template check
            },
            evidence={"chain": chain, "members": str(size)},
            node=loop[0],
            field="parent",
        )


_KIND_ZH = {"agency": "机构", "indicator": "指标"}


@check("circular-parent", given="plan", reports_on=("agencies", "indicators"))
def circular_parent(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """No agency or indicator may be its own ancestor."""
    yield from _report("agency", plan.agencies)
    yield from _report("indicator", plan.indicators)
