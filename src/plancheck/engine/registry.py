"""The registry of check functions that rule files name.

Rules are data; the only code they can reach is what is registered here, by
plancheck itself or by an installed plugin that the user's configuration names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from plancheck.engine.outcome import Result
from plancheck.engine.params import NoParams, option_defaults, options_schema

ENTRY_POINT_GROUP = "plancheck.checks"

CheckFunction = Callable[[Any, Any, Any], Iterable[Result]]
F = TypeVar("F", bound=Callable[..., Iterable[Result]])


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A check function plus what it applies to and the options it takes."""

    name: str
    given: str
    function: CheckFunction
    # The check's options as a pydantic model: the function receives an instance of it.
    params: type[BaseModel] = NoParams
    # For checks given the whole plan: the selectors whose entities they actually judge,
    # so that reports can count each of them as passed or failed.
    reports_on: tuple[str, ...] = ()

    @property
    def params_schema(self) -> dict[str, Any]:
        """The JSON Schema options must follow, derived from the parameter model."""
        return options_schema(self.params)

    @property
    def defaults(self) -> dict[str, Any]:
        return option_defaults(self.params)


class CheckRegistry:
    def __init__(self) -> None:
        self._checks: dict[str, CheckSpec] = {}

    def register(
        self,
        name: str,
        *,
        given: str,
        params: type[BaseModel] = NoParams,
        reports_on: tuple[str, ...] = (),
    ) -> Callable[[F], F]:
        """Decorator: ``params`` is the pydantic model of the check's options."""
        if not (isinstance(params, type) and issubclass(params, BaseModel)):
            raise TypeError(f"check {name!r}: params must be a pydantic model class")

        def decorate(function: F) -> F:
            if name in self._checks:
                raise ValueError(f"check {name!r} registered twice")
            self._checks[name] = CheckSpec(name, given, function, params, tuple(reports_on))
            return function

        return decorate

    def get(self, name: str) -> CheckSpec | None:
        return self._checks.get(name)

    def names(self) -> list[str]:
        return sorted(self._checks)


_BUILTIN = CheckRegistry()
check = _BUILTIN.register


class PluginError(Exception):
    """A plugin named in the configuration is not installed or failed to load."""


def builtin_registry() -> CheckRegistry:
    """The registry with plancheck's own checks loaded."""
    import_module("plancheck.checks")
    return _BUILTIN


def load_plugins(names: Iterable[str]) -> list[Path]:
    """Import the named ``plancheck.checks`` entry points; they register their checks.

    Returns the rule files the plugins ship: the ``*.yaml`` files in a ``rules``
    folder inside the package an entry point names (data, loaded like the
    configuration's ``rules:``), so an installed plugin brings its rules with it.
    """
    available = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    rule_files: list[Path] = []
    for name in names:
        entry = available.get(name)
        if entry is None:
            raise PluginError(
                f"插件未安装 / plugin {name!r} is not installed "
                f"(no entry point in group {ENTRY_POINT_GROUP!r})"
            )
        try:
            loaded = entry.load()
        except Exception as exc:
            raise PluginError(
                f"插件加载失败 / plugin {name!r} failed to load: {type(exc).__name__}: {exc}"
            ) from None
        rule_files += _shipped_rules(loaded)
    return rule_files


def _shipped_rules(loaded: object) -> list[Path]:
    spec = getattr(loaded, "__spec__", None)
    folders = getattr(spec, "submodule_search_locations", None) or []
    found: list[Path] = []
    for folder in folders:
        found += sorted((Path(folder) / "rules").glob("*.yaml"))
    return found
