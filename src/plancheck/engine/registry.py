"""The registry of check functions that rule files name.

Rules are data; the only code they can reach is what is registered here, by
plancheck itself or by an installed plugin that the user's configuration names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, TypeVar

from plancheck.engine.outcome import Result

ENTRY_POINT_GROUP = "plancheck.checks"

Params = Mapping[str, Any]
CheckFunction = Callable[[Any, Any, Params], Iterable[Result]]
F = TypeVar("F", bound=Callable[..., Iterable[Result]])


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A check function plus what it applies to and the options it takes."""

    name: str
    given: str
    function: CheckFunction
    params_schema: Mapping[str, Any] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # For checks given the whole plan: the selectors whose entities they actually judge,
    # so that reports can count each of them as passed or failed.
    reports_on: tuple[str, ...] = ()


class CheckRegistry:
    def __init__(self) -> None:
        self._checks: dict[str, CheckSpec] = {}

    def register(
        self,
        name: str,
        *,
        given: str,
        params: Mapping[str, Any] | None = None,
        defaults: Mapping[str, Any] | None = None,
        reports_on: tuple[str, ...] = (),
    ) -> Callable[[F], F]:
        """Decorator: ``params`` is a JSON Schema for the ``properties`` of the options."""

        def decorate(function: F) -> F:
            if name in self._checks:
                raise ValueError(f"check {name!r} registered twice")
            schema = {
                "type": "object",
                "properties": dict(params or {}),
                "additionalProperties": False,
            }
            self._checks[name] = CheckSpec(
                name, given, function, schema, dict(defaults or {}), tuple(reports_on)
            )
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


def load_plugins(names: Iterable[str]) -> None:
    """Import the named ``plancheck.checks`` entry points; they register their checks."""
    names = list(names)
    if not names:
        return
    # Reading installed metadata is slow; only a configuration that names plugins pays it.
    from importlib.metadata import entry_points

    available = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    for name in names:
        entry = available.get(name)
        if entry is None:
            raise PluginError(
                f"插件未安装 / plugin {name!r} is not installed "
                f"(no entry point in group {ENTRY_POINT_GROUP!r})"
            )
        try:
            entry.load()
        except Exception as exc:
            raise PluginError(
                f"插件加载失败 / plugin {name!r} failed to load: {type(exc).__name__}: {exc}"
            ) from None
