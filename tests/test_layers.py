"""Data flows one way: every import points down the layer order, never into a private module.

The layer order is written here and shown in the README (a test keeps the two equal).
A package may import from any package in a lower layer, never from one in its own layer
or above, and never from another package's private module (a dotted path component that
starts with ``_``, such as ``plancheck.model._base``). The top-level private modules and
packages (``_reader``, ``_atomic``, ``_version``) are shared on purpose and sit in the
layer order like any other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src" / "plancheck"

#: Lowest first. Each entry is one layer: the packages (or top-level modules) in it.
# Outputs and the review sit below loading and the engine: they work from the records a
# report carries and never see how it was made ("outputs never see the engine").
# The diff of two plans sits above the engine (it matches names as the rules do) and
# below the checks, whose revision rules read it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("_limits", "_lazy", "_factories", "_patterns"),
    ("records", "_version", "_atomic", "_resources", "_gc", "_file_state"),
    ("_reader", "quantities", "_project", "_destination", "_cache_dir"),
    ("model", "units"),
    ("outputs", "review", "extraction", "testing"),
    ("loading",),
    ("engine", "schema"),
    ("plan_diff",),
    ("checks", "trace", "material"),
    ("strategies", "pytest_plugin", "cli", "__init__"),
    ("__main__", "_hypothesis"),
)
RANK = {unit: rank for rank, layer in enumerate(LAYERS) for unit in layer}


def unit_of(module: str) -> str:
    """``plancheck.engine.run`` -> ``engine``; ``plancheck`` -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(module: str, is_package: bool, tree: ast.AST) -> Iterable[tuple[int, str]]:
    """(line, imported module path) for every import of plancheck code, names included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "plancheck":
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "plancheck":
                continue
            for alias in node.names:
                # `from plancheck.model import _base` names a module as well.
                named = alias.name.startswith("_") and not alias.name.startswith("__")
                yield node.lineno, f"{target}.{alias.name}" if named else target


def violations(sources: Mapping[str, tuple[str, bool]]) -> list[str]:
    """Every arrow against the layer order or into another package's private module.

    ``sources`` maps a module name to (its source text, whether it is a package).
    """
    problems = []
    for module, (text, is_package) in sorted(sources.items()):
        own = unit_of(module)
        if own not in RANK:
            problems.append(f"{module}: package {own!r} is in no layer (add it to LAYERS)")
            continue
        for line, target in _imports(module, is_package, ast.parse(text)):
            other = unit_of(target)
            where = f"{module}:{line} imports {target}"
            if other == own:
                continue
            if other not in RANK:
                problems.append(f"{where}: {other!r} is in no layer")
            elif RANK[other] >= RANK[own]:
                problems.append(f"{where}: {own} may not depend on {other} (layer order)")
            private = [part for part in target.split(".")[2:] if part.startswith("_")]
            if private:
                problems.append(f"{where}: private module of {other}")
    return problems


def _tree() -> dict[str, tuple[str, bool]]:
    return {
        _module_name(path, SRC): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for path in sorted(SRC.rglob("*.py"))
    }


def test_imports_follow_the_layer_order() -> None:
    assert violations(_tree()) == []


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (
            "plancheck.records.finding",
            "from plancheck.engine.run import run_plan\n",
            "records may not depend on engine",
        ),
        (
            "plancheck.outputs.json_format",
            "from plancheck.engine.api import Checker\n",
            "outputs may not depend on engine",
        ),
        (
            "plancheck.engine.run",
            "from plancheck.model._base import Node\n",
            "private module of model",
        ),
        ("plancheck.engine.run", "from plancheck.model import _base\n", "private module of model"),
        (
            "plancheck.review.apply",
            "from plancheck.engine.run import run_plan\n",
            "review may not depend on engine",
        ),
        (
            "plancheck.outputs.text_format",
            "from plancheck.review import apply_review\n",
            "outputs may not depend on review",
        ),
        ("plancheck.records.finding", "from .. import model\n", "records may not depend on"),
        (
            "plancheck.model.plan",
            "def f():\n    import plancheck.loading\n",
            "model may not depend on loading",
        ),
        ("plancheck.newthing.x", "import os\n", "is in no layer"),
    ],
)
def test_a_back_arrow_is_caught(module: str, text: str, expected: str) -> None:
    problems = violations({module: (text, False)})
    assert any(expected in problem for problem in problems), problems


def test_imports_within_a_package_and_downwards_pass() -> None:
    sources = {
        "plancheck.engine.run": (
            "from plancheck.engine._private import x\n"
            "from plancheck.records import Finding\n"
            "from plancheck.model import Node\n",
            False,
        ),
    }
    assert violations(sources) == []


def test_the_readme_shows_this_layer_order() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = " → ".join(" · ".join(f"`{unit}`" for unit in layer) for layer in LAYERS)
    assert shown in readme
