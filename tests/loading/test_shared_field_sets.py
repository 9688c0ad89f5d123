"""Loaded nodes share their sets of given field names, and never change one another's."""

from __future__ import annotations

from plancheck import load
from plancheck.model import Plan, Project
from tests.conftest import CORPUS


def _pair(plan: Plan) -> tuple[Project, Project, str]:
    """Two projects sharing one set, and a field neither was given."""
    by_set: dict[int, list[Project]] = {}
    for project in plan.projects:
        by_set.setdefault(id(project.__pydantic_fields_set__), []).append(project)
    first, second = next(group for group in by_set.values() if len(group) > 1)[:2]
    unset = next(name for name in Project.model_fields if name not in first.model_fields_set)
    return first, second, unset


def test_nodes_given_the_same_fields_share_one_set() -> None:
    plan = load(CORPUS)
    sets = {id(project.__pydantic_fields_set__) for project in plan.projects}
    kinds = {frozenset(project.model_fields_set) for project in plan.projects}
    assert len(plan.projects) > 30
    assert len(sets) == len(kinds)  # one set per combination, not one per project


def test_assigning_a_field_changes_only_that_node() -> None:
    first, second, unset = _pair(load(CORPUS))
    before = second.model_dump(exclude_unset=True)
    setattr(first, unset, None)
    assert unset in first.model_fields_set
    assert unset not in second.model_fields_set
    assert second.model_dump(exclude_unset=True) == before
    again, _, _ = _pair(load(CORPUS))  # nor the nodes of a plan loaded later
    assert unset not in again.model_fields_set


def test_copies_own_their_sets() -> None:
    first, second, unset = _pair(load(CORPUS))
    copied = first.model_copy(update={unset: None})
    assert unset in copied.model_fields_set
    assert unset not in first.model_fields_set and unset not in second.model_fields_set
