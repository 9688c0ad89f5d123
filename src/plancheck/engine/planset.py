"""Plan sets: every plan of one run, checked together after each plan's own rules.

A lower plan aligns its targets with upper-level plans (衔接) and quotes their figures;
only with both plans at hand can that be judged. Each plan is first checked on its own
(``run_plan``, unchanged); then the rules given a *set selector* run over the set, with
a ``SetIndex``: the plan's own index plus every other plan of the run, by id. Findings
sit on the lower plan's entity and name the upper plan in their evidence.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
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

    __slots__ = ("_card", "_read", "plan_id", "report")

    def __init__(
        self,
        plan_id: str,
        read: Callable[[], Plan | None],
        card: PlanCard | None = None,
        report: PlanReport | None = None,
    ) -> None:
        self.plan_id = plan_id
        self.report = report
        self._read = read
        self._card = card

    def read(self) -> Plan | None:
        return self._read()

    def card_of(self, plans: PlanSet) -> PlanCard | None:
        if self._card is None:
            plan = plans.plan(self)
            self._card = plan_card(plan) if plan is not None else None
        return self._card


# Plans (with their indexes) a set keeps read at once: the plans named by many (the upper
# plans) stay, the plans judged one after another make way, so a run of thousands of
# linking plans holds a few dozen, not all of them.
_KEPT_PLANS = 64


class PlanSet:
    """The plans of one run, by id (a duplicated id resolves to nothing).

    Built from plans in memory, or from the checked plans' cards with a way to read each
    plan (``PlanSet.of``): then only the plans a rule actually looks at are read, and
    only the most recently used of them are kept.
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
        # id(member) -> its plan and, once asked for, the plan's index
        self._kept: OrderedDict[int, tuple[Plan | None, PlanIndex | None]] = OrderedDict()
        self._names: dict[str, set[str]] | None = None
        self._reports: dict[str, list[PlanReport]] = {}

    def __len__(self) -> int:
        return len(self.members)

    def plan(self, member: _Member) -> Plan | None:
        """``member``'s plan: the same object while it is kept, read again after."""
        key = id(member)
        kept = self._kept.get(key)
        if kept is None:
            kept = (member.read(), None)
            self._kept[key] = kept
            while len(self._kept) > _KEPT_PLANS:
                self._kept.popitem(last=False)
        else:
            self._kept.move_to_end(key)
        return kept[0]

    def count(self, plan_id: str) -> int:
        """How many plans of the set have this id."""
        return len(self._by_id.get(plan_id, []))

    def reports_with(self, plan_id: str) -> Sequence[PlanReport]:
        """The reports of the plans with this id, in the run's order (one list per id,
        built once: every plan of a shared id asks for it)."""
        found = self._reports.get(plan_id)
        if found is None:
            members = self._by_id.get(plan_id, [])
            found = self._reports[plan_id] = [m.report for m in members if m.report is not None]
        return found

    def get(self, plan_id: str) -> PlanIndex | None:
        """The index of the one plan with this id; None when absent or duplicated."""
        found = self._by_id.get(plan_id, [])
        if len(found) != 1:
            return None
        member = found[0]
        plan = self.plan(member)
        if plan is None:
            return None
        index = self._kept[id(member)][1]
        if index is None:
            index = PlanIndex(plan)
            self._kept[id(member)] = (plan, index)
        return index

    def resolve(self, entry: str) -> PlanIndex | None:
        """The plan a ``based_on`` entry names: by id, by 文号, or by its full title."""
        found = self.get(entry)
        if found is not None:
            return found
        names = self._name_index()
        written = normalise(entry)
        # Every plan whose 文号 or title is written somewhere in the entry: each piece of
        # the entry as long as some name is, looked up (not every plan scanned per entry).
        matched: set[str] = set()
        for length in {len(name) for name in names}:
            for start in range(len(written) - length + 1):
                matched |= names.get(written[start : start + length], set())
        return self.get(next(iter(matched))) if len(matched) == 1 else None

    def _name_index(self) -> dict[str, set[str]]:
        """Normalised 文号 and titles -> the ids of the plans that have them."""
        if self._names is None:
            names: dict[str, set[str]] = defaultdict(set)
            for member in self.members:
                card = member.card_of(self)
                if card is None:
                    continue
                if card.document_number:
                    names[normalise(card.document_number)].add(member.plan_id)
                names[normalise(card.title)].add(member.plan_id)
            self._names = dict(names)
        return self._names


def _given(plan: Plan) -> Callable[[], Plan | None]:
    return lambda: plan


class SetIndex(PlanIndex):
    """A plan's own index plus the set it was checked in (and, in a run, its report)."""

    def __init__(self, plan: Plan, plans: PlanSet, report: PlanReport | None = None) -> None:
        super().__init__(plan)
        self.set = plans
        self.report = report

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
        card = member.card_of(plans)
        # A plan that links to nothing is judged only when its id is not its own: the
        # links of other plans to that id cannot say which plan they mean.
        judge_it = card is not None and (card.links or plans.count(member.plan_id) > 1)
        plan = plans.plan(member) if judge_it else None
        if plan is None:
            continue
        index = SetIndex(plan, plans, report)
        collector = _Collector(report)
        for active in active_rules:
            nodes = SET_SELECTORS[active.rule.given](plan)
            judge(active, nodes, plan, index, report, collector, internal)
        report.findings.sort(key=Finding.sort_key)
