"""Where a check function is written: from a rule code to its code in one step."""

from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass
from pathlib import Path

from plancheck.engine.registry import CheckSpec
from plancheck.records import CheckDoc


@dataclass(frozen=True, slots=True)
class CheckSource:
    module: str  # plancheck.checks.traceability
    function: str  # unplanned_project
    file: str  # plancheck/checks/traceability.py, relative to the package's import root

    @property
    def qualified(self) -> str:
        return f"{self.module}.{self.function}"


def check_source(spec: CheckSpec) -> CheckSource:
    function = spec.function
    module = getattr(function, "__module__", None) or "?"
    name = getattr(function, "__qualname__", None) or spec.name
    return CheckSource(module, name, _relative_file(function, module))


def check_doc(spec: CheckSpec) -> CheckDoc:
    """What the rule's page shows about ``spec``: where it is, its options and defaults."""
    source = check_source(spec)
    properties = spec.params_schema.get("properties", {})
    descriptions = {
        name: str(schema["description"])
        for name, schema in properties.items()
        if isinstance(schema, dict) and schema.get("description")
    }
    return CheckDoc(spec.name, source.qualified, source.file, dict(spec.defaults), descriptions)


def _relative_file(function: object, module: str) -> str:
    # Relative to the directory the top-level package is imported from, so the text is
    # the same in a checkout, an editable install and a wheel (docs are drift-tested).
    fallback = module.replace(".", "/") + ".py"
    try:
        source = inspect.getsourcefile(function)  # type: ignore[arg-type]
    except TypeError:
        return fallback
    top = sys.modules.get(module.partition(".")[0])
    top_file = getattr(top, "__file__", None)
    if source is None or top_file is None:
        return fallback
    root = Path(top_file).resolve().parent
    if Path(top_file).name == "__init__.py":
        root = root.parent
    try:
        return Path(source).resolve().relative_to(root).as_posix()
    except ValueError:
        return fallback
