"""Entity-by-entity comparison of an extracted plan with a hand encoding."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from plancheck import Plan
from plancheck.model import Agency


@dataclass(frozen=True)
class Score:
    kind: str
    expected: int
    extracted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def __str__(self) -> str:
        return (
            f"{self.kind:<12} hand {self.expected:>3}  extracted {self.extracted:>3}  "
            f"matched {self.matched:>3}  precision {self.precision:6.1%}  recall {self.recall:6.1%}"
        )


def _amount(value: object) -> Decimal | None:
    return getattr(value, "amount", None)


def _score(kind: str, hand: Iterable[Hashable], extracted: Iterable[Hashable]) -> Score:
    expected = list(hand)
    got = list(extracted)
    remaining = list(got)
    matched = 0
    for key in expected:
        if key in remaining:
            remaining.remove(key)
            matched += 1
    return Score(kind, len(expected), len(got), matched)


def _agency_names(plan: Plan) -> dict[str, frozenset[str]]:
    return {agency.id: frozenset(Agency.names.fget(agency)) for agency in plan.agencies}  # type: ignore[attr-defined]


def section_keys(plan: Plan) -> list[Hashable]:
    return [
        (s.path, s.number, s.title, s.source.line if s.source else None)
        for s in plan.iter_sections()
    ]


def box_keys(plan: Plan) -> list[Hashable]:
    return [(b.number, b.title, b.section, b.kind.value) for b in plan.boxes]


def item_keys(plan: Plan) -> list[Hashable]:
    return [(b.number, i.number, i.name, i.text) for b in plan.boxes for i in b.items]


def indicator_keys(plan: Plan) -> list[Hashable]:
    keys = []
    for i in plan.indicators:
        baseline = (i.baseline.year, _amount(i.baseline.value)) if i.baseline else None
        targets = tuple((t.year, _amount(t.value)) for t in i.targets)
        keys.append((i.name, i.unit, i.type.value, i.group, baseline, targets))
    return keys


def project_keys(plan: Plan, resolve: Callable[[str | None], frozenset[str]]) -> list[Hashable]:
    keys = []
    for p in plan.projects:
        years = (p.years.start, p.years.end) if p.years else None
        implementers = tuple((x.text, resolve(x.agency)) for x in p.implementers)
        keys.append(
            (p.name, p.category, p.implementers_text, implementers, years, _amount(p.funding))
        )
    return keys


def total_keys(plan: Plan) -> list[Hashable]:
    return [(t.label, _amount(t.value), t.value.unit) for t in plan.totals]


def claim_keys(plan: Plan) -> list[Hashable]:
    # A claim matches when it is the same figure on the same line, of the same kind and
    # year, in the same section, linked to the same indicator (by name).
    names = {indicator.id: indicator.name for indicator in plan.indicators}
    return [
        (
            c.source.line if c.source else None,
            _amount(c.value),
            c.kind.value,
            c.year,
            c.section,
            names.get(c.indicator or ""),
        )
        for c in plan.claims
    ]


def count_keys(plan: Plan) -> list[Hashable]:
    return [
        (c.source.line if c.source else None, c.count, tuple(c.items), c.open_ended)
        for c in plan.counts
    ]


def compare(hand: Plan, extracted: Plan) -> list[Score]:
    hand_names = _agency_names(hand)
    got_names = _agency_names(extracted)

    # An implementer matches when it is written alike and names the same body: the
    # extracted agency shares a name or alias with the hand-encoded one.
    def canonical(names: frozenset[str]) -> frozenset[str]:
        for agency_names in hand_names.values():
            if names & agency_names:
                return agency_names
        return names

    def hand_resolve(agency: str | None) -> frozenset[str]:
        return hand_names.get(agency or "", frozenset())

    def got_resolve(agency: str | None) -> frozenset[str]:
        return canonical(got_names.get(agency or "", frozenset()))

    return [
        _score("sections", section_keys(hand), section_keys(extracted)),
        _score("boxes", box_keys(hand), box_keys(extracted)),
        _score("box items", item_keys(hand), item_keys(extracted)),
        _score("indicators", indicator_keys(hand), indicator_keys(extracted)),
        _score("projects", project_keys(hand, hand_resolve), project_keys(extracted, got_resolve)),
        _score(
            "agencies",
            [frozenset(n) for n in hand_names.values()],
            [canonical(n) for n in got_names.values()],
        ),
        _score("totals", total_keys(hand), total_keys(extracted)),
        _score("counts", count_keys(hand), count_keys(extracted)),
        _score("claims", claim_keys(hand), claim_keys(extracted)),
    ]
