"""A node's JSON pointer is kept in a slot beside pydantic's state; every way of copying
a node must carry it, and nothing that describes the data may show it."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from plancheck.model import Plan, Project
from tests.loading._plans import load_ok

BAOJI = Path(__file__).parents[2] / "corpus" / "baoji-2011-2015"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_ok(BAOJI).plan
    assert loaded is not None
    return loaded


@pytest.mark.parametrize(
    "duplicate",
    [
        lambda node: node.model_copy(),
        lambda node: node.model_copy(deep=True),
        lambda node: node.model_copy(update={"name": "改名"}),
        copy.copy,
        copy.deepcopy,
        lambda node: pickle.loads(pickle.dumps(node)),
    ],
    ids=["model_copy", "deep", "update", "copy", "deepcopy", "pickle"],
)
def test_copies_keep_the_pointer(plan: Plan, duplicate: object) -> None:
    project = plan.projects[3]
    copied = duplicate(project)  # type: ignore[operator]
    assert copied.pointer == project.pointer == "/projects/3"
    assert copied.implementers[0].pointer == project.implementers[0].pointer


def test_a_deep_copy_of_the_plan_keeps_every_pointer(plan: Plan) -> None:
    copied = plan.model_copy(deep=True)
    assert [p.pointer for p in copied.projects] == [p.pointer for p in plan.projects]
    assert [s.pointer for s in copied.iter_sections()] == [s.pointer for s in plan.iter_sections()]


def test_a_node_built_in_memory_has_no_pointer() -> None:
    assert Project(id="p", name="工程").pointer == ""
    assert Project.model_construct().pointer == ""


def test_the_pointer_is_not_data(plan: Plan) -> None:
    project = plan.projects[3]
    assert "pointer" not in project.model_dump()
    assert "_where" not in project.model_dump()
    assert "_where" not in Project.model_json_schema()["properties"]
    assert project == project.model_copy(update={})
    # A node with no other private state carries no private dict at all.
    assert project.__pydantic_private__ is None
