"""Names a package re-exports but imports on first use.

A run imports only the modules it needs: a replayed ``plancheck check`` reads its
cached report without the model behind ``plancheck.loading``, and ``plancheck.diff``
does not bring its renderers. The table of names is fixed in the package's source,
never built from data.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from importlib import import_module
from typing import Any


def lazy_names(
    namespace: dict[str, Any], table: Mapping[str, str], modules: Collection[str] = ()
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A package's module ``__getattr__`` and ``__dir__`` for names imported on first
    use, each kept in ``namespace`` (the package's globals) once imported.

    ``table`` maps a name to the module defining it, or to ``"module:attribute"``
    when the package exports it under another name; ``modules`` are the package's
    submodules served the same way.
    """
    package = namespace["__name__"]

    def __getattr__(name: str) -> object:
        if name in modules:
            value: object = import_module(f"{package}.{name}")
        else:
            where = table.get(name)
            if where is None:
                raise AttributeError(f"module {package!r} has no attribute {name!r}")
            module, _, attribute = where.partition(":")
            value = getattr(import_module(module), attribute or name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *table, *modules})

    return __getattr__, __dir__
