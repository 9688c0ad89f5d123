"""Plan sets: every plan of one run, checked together after each plan's own rules.

A lower plan aligns its targets with upper-level plans (衔接) and quotes their figures;
only with both plans at hand can that be judged. Each plan is first checked on its own
(``run_plan``, unchanged); then the rules given a *set selector* run over the set, with
a ``SetIndex``: the plan's own index plus every other plan of the run, by id. Findings
sit on the lower plan's entity and name the upper plan in their evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from plancheck.engine.index import PlanIndex
from plancheck.engine.normalise import normalise
from plancheck.engine.ruleset import ActiveRule
from plancheck.engine.run import _Collector, judge
from plancheck.engine.set_selectors import SET_SELECTORS, plan_card
from plancheck.model import Claim, Indicator, Plan
from plancheck.records import INTERNAL_ERROR, Finding, PlanCard, PlanReport


class _Member:
    """One plan of the set: its card at once, the plan itself only when asked."""

    __slots__ = ("_card", "_plan", "_read", "plan_id", "report")

    def __init__(
        self,
        plan_id: str,
        read: Callable[[], Plan | None],
        card: PlanCard | None = None,
        report: PlanReport | None = None,
    ) -> None:
        self.plan_id = plan_id
        self.report = report
        self._read: Callable[[], Plan | None] | None = read
        self._plan: Plan | None = None
        self._card = card

    def plan(self) -> Plan | None:
        """The plan, read at most once (the same object every time)."""
        if self._read is not None:
            self._plan, self._read = self._read(), None
        return self._plan

    @property
    def card(self) -> PlanCard | None:
        if self._card is None:
            plan = self.plan()
            self._card = plan_card(plan) if plan is not None else None
        return self._card


class PlanSet:
    """The plans of one run, by id (a duplicated id resolves to nothing).

    Built from plans in memory, or from the checked plans' cards with a way to read each
    plan (``PlanSet.of``): then only the plans a rule actually looks at are read.
    """

    def __init__(self, plans: Sequence[Plan] = ()) -> None:
        self._init([_Member(plan.id, _given(plan), plan_card(plan)) for plan in plans])

    @classmethod
    def of(cls, members: Sequence[_Member]) -> PlanSet:
        found = cls.__new__(cls)
        found._init(members)
        return found

    def _init(self, members: Sequence[_Member]) -> None:
        self.members = list(members)
        grouped: dict[str, list[_Member]] = defaultdict(list)
        for member in self.members:
            grouped[member.plan_id].append(member)
        self._by_id = dict(grouped)
        self._indexes: dict[int, PlanIndex] = {}

    def __len__(self) -> int:
        return len(self.members)

    def count(self, plan_id: str) -> int:
        """How many plans of the set have this id."""
        return len(self._by_id.get(plan_id, []))

    def get(self, plan_id: str) -> PlanIndex | None:
        """The index of the one plan with this id; None when absent or duplicated."""
        found = self._by_id.get(plan_id, [])
        if len(found) != 1:
            return None
        plan = found[0].plan()
        return self.index(plan) if plan is not None else None

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
        matches = []
        for member in self.members:
            card = member.card
            if card is None:
                continue
            if (card.document_number and normalise(card.document_number) in written) or (
                normalise(card.title) in written
            ):
                matches.append(member.plan_id)
        unique = set(matches)
        return self.get(matches[0]) if len(unique) == 1 else None


def _given(plan: Plan) -> Callable[[], Plan | None]:
    return lambda: plan


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
    reports: Sequence[PlanReport],
    rules: Sequence[ActiveRule],
    *,
    read: Callable[[PlanReport], Plan | None],
    judged: Sequence[PlanReport] | None = None,
) -> None:
    """The second phase: set-level rules over every plan, into each plan's report.

    Every plan of ``reports`` can be linked to; only the reports in ``judged`` (default:
    all) are judged. ``read`` gives a report's plan; it is called only for the plans
    that link to others (their cards say which) and for the plans they name, once each.
    Plans that could not be read take no part.
    """
    active_rules = set_rules(rules)
    if not active_rules:
        return
    internal = next((a for a in rules if a.rule.code == INTERNAL_ERROR), None)
    members = [
        _Member(report.plan_id, partial(read, report), report.card, report)
        for report in reports
        if report.plan_id is not None
    ]
    plans = PlanSet.of(members)
    chosen = None if judged is None else {id(report) for report in judged}
    for member in members:
        report = member.report
        assert report is not None
        if chosen is not None and id(report) not in chosen:
            continue
        card = member.card
        plan = member.plan() if card is not None and card.links else None
        if plan is None:
            continue
        index = SetIndex(plan, plans)
        collector = _Collector(report)
        for active in active_rules:
            nodes = SET_SELECTORS[active.rule.given](plan)
            judge(active, nodes, plan, index, report, collector, internal)
        report.findings.sort(key=Finding.sort_key)
