"""Plan nodes start their private attributes with a faster initialiser than pydantic's;
it must give every model class exactly what pydantic's would."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, PrivateAttr
from pydantic._internal._model_construction import init_private_attributes

import plancheck.model
from plancheck.model import Node


def _classes() -> list[type[Node]]:
    found: list[type[Node]] = []
    pending: list[type[Node]] = [Node]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(
        {cls for cls in found if cls.__module__.startswith("plancheck.model")},
        key=lambda cls: cls.__qualname__,
    )


def _pydantic_defaults(instance: BaseModel) -> dict[str, Any]:
    object.__setattr__(instance, "__pydantic_private__", None)
    init_private_attributes(instance, None)
    return dict(instance.__pydantic_private__ or {})


@pytest.mark.parametrize(
    "cls",
    [cls for cls in _classes() if cls.__private_attributes__],
    ids=lambda cls: cls.__qualname__,
)
def test_private_attributes_start_as_pydantic_starts_them(cls: type[Node]) -> None:
    fast = cls.model_construct()
    assert fast.__pydantic_private__ == _pydantic_defaults(cls.model_construct())
    # Factories run per instance: no two nodes share a mutable default.
    other = cls.model_construct()
    for name, value in (fast.__pydantic_private__ or {}).items():
        if isinstance(value, dict | list):
            assert value is not (other.__pydantic_private__ or {})[name]


def test_the_plan_and_its_entities_use_the_fast_initialiser() -> None:
    # A pydantic upgrade that renames its initialiser turns the speed-up off, silently:
    # say so here instead.
    assert plancheck.model.Plan.model_post_init.__name__ == "_init_private"
    assert plancheck.model.BoxItem.model_post_init.__name__ == "_init_private"


def test_a_model_post_init_of_its_own_is_kept() -> None:
    calls: list[str] = []

    class Own(Node):
        _extra: str = PrivateAttr(default="x")

        def model_post_init(self, context: Any, /) -> None:
            calls.append("own")

    instance = Own.model_validate({})
    assert calls == ["own"]
    assert instance.__pydantic_private__ == {"_extra": "x"}


def test_a_mutable_default_keeps_pydantics_copying() -> None:
    class Listed(Node):
        _items: list[str] = PrivateAttr(default=[])

    first, second = Listed.model_validate({}), Listed.model_validate({})
    assert first.__pydantic_private__ == {"_items": []}
    assert first.__pydantic_private__["_items"] is not second.__pydantic_private__["_items"]  # type: ignore[index]


@pytest.mark.parametrize(
    "cls",
    [cls for cls in _classes() if not cls.__private_attributes__],
    ids=lambda cls: cls.__qualname__,
)
def test_a_node_without_private_attributes_has_no_private_dict(cls: type[Node]) -> None:
    assert cls.model_construct().__pydantic_private__ is None
