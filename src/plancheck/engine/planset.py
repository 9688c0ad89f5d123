"""Plan sets: every plan of one run, checked together after each plan's own rules.

A lower plan aligns its targets with upper-level plans (衔接) and quotes their figures;
only with both plans at hand can that be judged. Each plan is first checked on its own
(``run_plan``, unchanged); then the rules given a *set selector* run over the set, with
a ``SetIndex``: the plan's own index plus every other plan of the run, by id. Findings
sit on the lower plan's entity and name the upper plan in their evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import normalise
from plancheck.engine.ruleset import ActiveRule
from plancheck.engine.run import _Collector, judge
from plancheck.engine.set_selectors import SET_SELECTORS
from plancheck.model import Claim, Indicator, Plan
from plancheck.records import INTERNAL_ERROR, Finding, PlanReport


class PlanSet:
    """The plans of one run, by id (a duplicated id resolves to nothing)."""

    def __init__(self, plans: Sequence[Plan]) -> None:
        self.plans = list(plans)
        grouped: dict[str, list[Plan]] = defaultdict(list)
        for plan in self.plans:
            grouped[plan.id].append(plan)
        self._by_id = dict(grouped)
        self._indexes: dict[int, PlanIndex] = {}

    def __len__(self) -> int:
        return len(self.plans)

    def count(self, plan_id: str) -> int:
        """How many plans of the set have this id."""
        return len(self._by_id.get(plan_id, []))

    def get(self, plan_id: str) -> PlanIndex | None:
        """The index of the one plan with this id; None when absent or duplicated."""
        found = self._by_id.get(plan_id, [])
        return self.index(found[0]) if len(found) == 1 else None

    def index(self, plan: Plan) -> PlanIndex:
        if id(plan) not in self._indexes:
            self._indexes[id(plan)] = PlanIndex(plan)
        return self._indexes[id(plan)]

    def resolve(self, entry: str) -> PlanIndex | None:
        """The plan a ``based_on`` entry names: by id, by 文号, or by its full title."""
        found = self.get(entry)
        if found is not None:
            return found
        written = normalise(entry)
        matches = [
            plan
            for plan in self.plans
            if (plan.document_number and normalise(plan.document_number) in written)
            or normalise(plan.title) in written
        ]
        unique = {plan.id for plan in matches}
        return self.get(matches[0].id) if len(unique) == 1 else None


class SetIndex(PlanIndex):
    """A plan's own index plus the set it was checked in."""

    def __init__(self, plan: Plan, plans: PlanSet) -> None:
        super().__init__(plan)
        self.set = plans

    def upper_indicator(self, plan_id: str, indicator_id: str) -> Indicator | None:
        """The indicator ``indicator_id`` of plan ``plan_id`` in the set, if exactly one."""
        upper = self.set.get(plan_id)
        if upper is None:
            return None
        found = upper.indicators.get(indicator_id, [])
        return found[0] if len(found) == 1 else None


def citation_year(claim: Claim) -> int | None:
    """The year of the upper figure a claim quotes: the citation's, else the claim's."""
    if claim.cite is None:
        return None
    return claim.cite.year if claim.cite.year is not None else claim.year


def set_rules(rules: Iterable[ActiveRule]) -> list[ActiveRule]:
    return [a for a in rules if a.spec is not None and a.rule.given in SET_SELECTORS]


def run_set(
    entries: Sequence[tuple[Plan, PlanReport]],
    rules: Sequence[ActiveRule],
    *,
    judged: Sequence[PlanReport] | None = None,
) -> None:
    """The second phase: set-level rules over every plan, into each plan's report.

    Every plan of ``entries`` can be linked to; only the reports in ``judged`` (default:
    all) are judged.
    """
    active_rules = set_rules(rules)
    if not active_rules:
        return
    internal = next((a for a in rules if a.rule.code == INTERNAL_ERROR), None)
    plans = PlanSet([plan for plan, _ in entries])
    chosen = None if judged is None else {id(report) for report in judged}
    for plan, report in entries:
        if chosen is not None and id(report) not in chosen:
            continue
        index = SetIndex(plan, plans)
        collector = _Collector(report)
        for active in active_rules:
            nodes = SET_SELECTORS[active.rule.given](plan)
            judge(active, nodes, plan, index, report, collector, internal)
        report.findings.sort(key=Finding.sort_key)
