"""The shipped rule catalogue in a compact, pre-validated form.

Parsing the rule files with positions and validating their parameters against the
check schemas is most of building a ``Checker``. Those files only change with
plancheck, so they are validated when ``shipped_rules.json`` is generated
(``nox -s schemas``, or ``python -m plancheck.engine._shipped``; a test fails when
it is stale) and read from there at start-up. Each entry records the SHA-256 of the
rule file it came from and of the source of its check's parameter model (the modules
defining the model and its bases): an entry that no longer matches is ignored, and
that rule file is parsed and validated as any other.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from plancheck._atomic import write_atomic
from plancheck.engine.registry import CheckRegistry
from plancheck.records import Rule

COMPACT_FILE = Path(__file__).with_name("shipped_rules.json")
_FORMAT = 2


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _params_digest(registry: CheckRegistry, check: str | None) -> str:
    spec = registry.get(check) if check is not None else None
    return _model_digest(spec.params) if spec else "none"


@functools.cache
def _model_digest(params: type[BaseModel]) -> str:
    # The modules that define the model and its bases, not its JSON Schema: deriving
    # schemas at start-up cost more than reading the rule catalogue itself. Any edit to
    # those modules counts as a change (more often than the schema would, never less).
    digest = hashlib.sha256()
    for cls in params.__mro__:
        if cls in BaseModel.__mro__:
            continue
        origin = getattr(sys.modules.get(cls.__module__), "__file__", None)
        if origin is None:
            return "unknown"  # matches no entry: the rule files are validated instead
        try:
            digest.update(f"{cls.__module__}.{cls.__qualname__}\0".encode())
            digest.update(Path(origin).read_bytes())
        except OSError:
            return "unknown"
    return digest.hexdigest()


def shipped_rules(paths: Sequence[Path], registry: CheckRegistry) -> dict[Path, Rule] | None:
    """The rules of ``paths`` whose compact entries still match; None without a compact file."""
    try:
        compact = json.loads(COMPACT_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(compact, dict) or compact.get("format") != _FORMAT:
        return None
    entries: Mapping[str, Any] = compact.get("rules", {})
    found: dict[Path, Rule] = {}
    for path in paths:
        entry = entries.get(path.name)
        if not isinstance(entry, dict):
            continue
        try:
            if _digest(path.read_bytes()) != entry["sha256"]:
                continue
            rule = Rule.model_validate(entry["data"])
        except (OSError, KeyError, ValidationError):
            continue
        if _params_digest(registry, rule.check) == entry["params"]:
            found[path] = rule
    return found


def compact_text(paths: Sequence[Path], registry: CheckRegistry) -> str:
    """The compact catalogue of ``paths``, after validating them fully."""
    from plancheck.engine.catalogue import RuleFileError, load_catalogue, read_rule_data

    # Every check a catalogue makes, made here, once: each rule's parameters against its
    # check's schema and typed model, as every run would otherwise validate them.
    load_catalogue(registry, compact=False)
    rules: dict[str, Any] = {}
    for path in paths:
        data = read_rule_data(path)
        if json.loads(json.dumps(data, ensure_ascii=False)) != data:
            raise RuleFileError(f"{path.as_posix()}: holds values JSON cannot represent")
        rule = Rule.model_validate(data)
        rules[path.name] = {
            "sha256": _digest(path.read_bytes()),
            "params": _params_digest(registry, rule.check),
            "data": data,
        }
    document = {"format": _FORMAT, "rules": rules}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def current_text() -> str:
    """The compact catalogue of the shipped rule files as they are now."""
    from plancheck._resources import rules_dir
    from plancheck.engine.registry import builtin_registry

    return compact_text(sorted(rules_dir().glob("*.yaml")), builtin_registry())


if __name__ == "__main__":
    write_atomic(COMPACT_FILE, current_text())
    print(f"wrote {COMPACT_FILE}")
