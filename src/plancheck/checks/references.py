"""Input integrity: references that resolve to nothing (PC005) and duplicates (PC006).

Both rules look at the whole plan (``given: plan``) because a reference or a
duplicate involves two entities; every finding is pointed at the entity that
holds the bad reference or the later duplicate (``Fail(node=…)``).  Lookups go
through ``PlanIndex`` so each rule is linear in the size of the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from plancheck.engine.index import PlanIndex, describe
from plancheck.engine.normalise import normalise
from plancheck.engine.outcome import Fail, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import Agency, Identity, Node, Plan, Project, Term, Total

T = TypeVar("T", bound=Node)


# -- PC005 ---------------------------------------------------------------------------


def _undefined(node: Node, field: str, reference: object, kind: str) -> Fail:
    """A reference in ``field`` of ``node`` that names no ``kind``."""
    return Fail(
        args={"field": field, "reference": reference},
        evidence={"kind": kind, "reference": str(reference)},
        node=node,
        field=field,
        variant=kind,
    )


def _project_references(project: Project, index: PlanIndex) -> Iterator[Fail]:
    for position, implementer in enumerate(project.implementers):
        if implementer.agency is not None and implementer.agency not in index.agencies:
            field = f"implementers/{position}/agency"
            yield _undefined(project, field, implementer.agency, "agency")
    if project.box_item is not None and project.box_item not in index.box_items:
        yield _undefined(project, "box_item", project.box_item, "box-item")


def _total_references(total: Total, index: PlanIndex) -> Iterator[Fail]:
    if isinstance(total.projects, list):
        for position, project_id in enumerate(total.projects):
            if project_id not in index.projects:
                yield _undefined(total, f"projects/{position}", project_id, "project")
    if total.category is not None and (
        index.normalised(total.category) not in index.projects_by_category
    ):
        yield _undefined(total, "category", total.category, "category")


def _term_references(identity: Identity, index: PlanIndex) -> Iterator[Fail]:
    terms: list[tuple[str, Term]] = [("total", identity.total)]
    terms += [(f"components/{i}", term) for i, term in enumerate(identity.components)]
    for where, term in terms:
        if term.claim is not None and term.claim not in index.claims:
            yield _undefined(identity, f"{where}/claim", term.claim, "claim")
        if term.indicator is not None and term.indicator not in index.indicators:
            yield _undefined(identity, f"{where}/indicator", term.indicator, "indicator")


@check("undefined-reference", given="plan", reports_on=("entities",))
def undefined_references(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Every id, number or path one entity uses to name another must exist."""
    for agency in plan.agencies:
        if agency.parent is not None and agency.parent not in index.agencies:
            yield _undefined(agency, "parent", agency.parent, "agency")
    for indicator in plan.indicators:
        if indicator.parent is not None and indicator.parent not in index.indicators:
            yield _undefined(indicator, "parent", indicator.parent, "indicator")
        if indicator.box is not None and indicator.box not in index.boxes:
            yield _undefined(indicator, "box", indicator.box, "box")
    for box in plan.boxes:
        if box.section is not None and box.section not in index.sections:
            yield _undefined(box, "section", box.section, "section")
    for project in plan.projects:
        yield from _project_references(project, index)
    for total in plan.totals:
        yield from _total_references(total, index)
    for identity in plan.identities:
        yield from _term_references(identity, index)
    for claim in plan.claims:
        if claim.section is not None and claim.section not in index.sections:
            yield _undefined(claim, "section", claim.section, "section")
        if claim.indicator is not None and claim.indicator not in index.indicators:
            yield _undefined(claim, "indicator", claim.indicator, "indicator")
    revisions = {revision.id for revision in plan.revisions}
    for entity in plan.iter_entities():
        section = entity.source.section if entity.source is not None else None
        if section is not None and section not in index.sections:
            yield _undefined(entity, "source/section", section, "section")
        named = entity.revised.revision if entity.revised is not None else None
        if named is not None and named not in revisions:
            yield _undefined(entity, "revised/revision", named, "revision")


# -- PC006 ---------------------------------------------------------------------------


def _where(plan: Plan, node: Node) -> str:
    """Where ``node`` is written, as ``file:line`` relative to the plan's folder."""
    location = plan.locate(node)
    if location is None:
        return node.pointer or "/"
    file = Path(location.file)
    if plan.path:
        root = Path(plan.path)
        root = root if root.is_dir() else root.parent
        try:
            file = file.relative_to(root)
        except ValueError:
            file = Path(file.name)
    return f"{file.as_posix()}:{location.line}"


def _repeats(items: Iterable[T], key: Callable[[T], object]) -> Iterator[tuple[T, T, int]]:
    """(first, later, occurrence) for every item whose key was already seen."""
    first: dict[object, T] = {}
    seen: dict[object, int] = {}
    for item in items:
        value = key(item)
        if value in first:
            seen[value] += 1
            yield first[value], item, seen[value]
        else:
            first[value] = item
            seen[value] = 1


def _duplicate(
    plan: Plan,
    first: Node,
    later: Node,
    occurrence: int,
    *,
    field: str,
    value: object,
    variant: str,
    args: Mapping[str, object] | None = None,
) -> Fail:
    return Fail(
        args={
            "value": value,
            "occurrence": occurrence,
            "first_key": describe(first).key,
            "first_at": _where(plan, first),
            **(args or {}),
        },
        evidence={"value": str(value), "occurrence": str(occurrence)},
        node=later,
        field=field,
        variant=variant,
    )


def _duplicate_ids(plan: Plan) -> Iterator[Fail]:
    lists: tuple[tuple[str, list[Any]], ...] = (
        ("indicators", plan.indicators),
        ("agencies", plan.agencies),
        ("projects", plan.projects),
        ("totals", plan.totals),
        ("counts", plan.counts),
        ("identities", plan.identities),
        ("claims", plan.claims),
        ("revisions", plan.revisions),
    )
    for name, items in lists:
        for first, later, n in _repeats(items, lambda item: item.id):
            yield _duplicate(
                plan, first, later, n, field="id", value=later.id, variant="id", args={"list": name}
            )


def _duplicate_numbers(plan: Plan) -> Iterator[Fail]:
    for first, later, n in _repeats(plan.boxes, lambda box: box.number):
        yield _duplicate(
            plan, first, later, n, field="number", value=later.number, variant="box-number"
        )
    for box in plan.boxes:
        for first_item, later_item, n in _repeats(box.items, lambda item: item.number):
            yield _duplicate(
                plan,
                first_item,
                later_item,
                n,
                field="number",
                value=later_item.number,
                variant="item-number",
                args={"box": box.number},
            )


def _duplicate_project_names(plan: Plan, index: PlanIndex) -> Iterator[Fail]:
    for projects in index.projects_by_name.values():
        first = projects[0]
        for n, later in enumerate(projects[1:], start=2):
            if later.id == first.id:
                continue  # the same row twice: reported once, as a duplicate id
            yield _duplicate(
                plan, first, later, n, field="name", value=later.name, variant="project-name"
            )


def _name_field(agency: Agency, name: str) -> tuple[str, str]:
    """The field of ``agency`` that holds the normalised ``name``, and how it is written."""
    if normalise(agency.name) == name:
        return "name", agency.name
    for position, alias in enumerate(agency.aliases):
        if normalise(alias) == name:
            return f"aliases/{position}", alias
    return "name", agency.name  # pragma: no cover - the index only holds names it saw


def _shared_agency_names(plan: Plan, index: PlanIndex) -> Iterator[Fail]:
    for name, agencies in index.agencies_by_name.items():
        first = agencies[0]
        for n, later in enumerate(agencies[1:], start=2):
            if later.id == first.id:
                continue  # the same agency twice: reported once, as a duplicate id
            field, written = _name_field(later, name)
            yield _duplicate(
                plan, first, later, n, field=field, value=written, variant="agency-name"
            )


@check("duplicate-identifier", given="plan", reports_on=("entities",))
def duplicate_identifiers(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Ids, 专栏 numbers, item numbers, project names and agency names must be unique."""
    yield from _duplicate_ids(plan)
    yield from _duplicate_numbers(plan)
    yield from _duplicate_project_names(plan, index)
    yield from _shared_agency_names(plan, index)
