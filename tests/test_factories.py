"""Every pydantic field of plancheck defaults through a plain function, never a builtin.

pydantic reads a default factory's signature when a model is built and when a default is
taken; a builtin's (``list``, ``dict``) is parsed from text with ``tokenize`` at start-up.
"""

from __future__ import annotations

import importlib

from pydantic import BaseModel

from plancheck._factories import empty_dict, empty_list

PACKAGES = ("plancheck.model", "plancheck.records", "plancheck.engine.config", "plancheck.checks")


def _models(base: type[BaseModel]) -> list[type[BaseModel]]:
    found = []
    for sub in base.__subclasses__():
        if sub.__module__.startswith("plancheck."):
            found.append(sub)
        found += _models(sub)
    return found


def test_no_field_defaults_through_a_builtin() -> None:
    for package in PACKAGES:
        importlib.import_module(package)
    models = _models(BaseModel)
    assert {"Plan", "Rule", "Config", "Project"} <= {model.__name__ for model in models}
    builtin = [
        f"{model.__module__}.{model.__name__}.{name}"
        for model in models
        for name, info in model.model_fields.items()
        if getattr(info.default_factory, "__module__", None) == "builtins"
    ]
    assert builtin == []


def test_the_factories_give_new_empty_containers() -> None:
    assert empty_list() == [] and empty_list() is not empty_list()
    assert empty_dict() == {} and empty_dict() is not empty_dict()
