"""A list field of the plan model defaults to a new empty list per node, as
``default_factory=list`` did (the model uses a plain function, cheaper at start-up)."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticUndefined
from ruamel.yaml import YAML

from plancheck.model import Node, Plan, Project
from tests.conftest import MINIMAL_PLAN

from .test_private_defaults import _classes


def _list_fields() -> list[tuple[type[Node], str]]:
    return [
        (cls, name)
        for cls in _classes()
        for name, info in cls.model_fields.items()
        if info.default_factory is not None
    ]


def test_the_plan_has_defaulted_list_fields() -> None:
    assert len(_list_fields()) >= 20


@pytest.mark.parametrize(
    ("cls", "name"), _list_fields(), ids=lambda item: getattr(item, "__qualname__", item)
)
def test_each_node_gets_its_own_empty_list(cls: type[Node], name: str) -> None:
    info = cls.model_fields[name]
    assert info.default is PydanticUndefined
    first, second = cls.model_construct(), cls.model_construct()
    assert getattr(first, name) == []
    assert getattr(first, name) is not getattr(second, name)


def test_validated_nodes_do_not_share_their_defaults() -> None:
    data = YAML(typ="safe").load(MINIMAL_PLAN)
    plan, other = Plan.model_validate(data), Plan.model_validate(data)
    plan.projects.append(Project.model_validate({"id": "x", "name": "工程"}))
    assert other.projects == []
    assert "projects" not in other.model_fields_set
