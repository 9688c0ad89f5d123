"""The result cache: a plan's report is reused while nothing it was made from changed.

An entry is found by the run's key and the plan's path; it is used only if every file
the check read (the plan and part files, the source document) still has the SHA-256
it had and files it looked for that were missing (a listed part, the source document)
are still missing; a file too large to read is recorded by its size and anything but a
regular file by its type, so the cache never reads more than checking would.

The run's key covers plancheck's version and code, the Python version, the
configuration and every active rule with its severity, parameters and check function,
so a change to any of them is a different key.

The folder (``.plancheck_cache`` in the current directory, or ``$PLANCHECK_CACHE_DIR``)
holds only JSON, is safe to delete at any time and ignores itself in git. A cache that
cannot be read or written is no cache: the run checks the plan and goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plancheck._atomic import write_atomic
from plancheck._cache_dir import prepare_cache_dir
from plancheck._file_state import code_stamp, file_state
from plancheck._reader.parse import YamlProblem, parse_yaml
from plancheck._reader.read import DEFAULT_MAX_BYTES
from plancheck._version import __version__
from plancheck.engine._codec import decode_report, encode_report
from plancheck.records import PlanReport

if TYPE_CHECKING:
    from plancheck.engine.api import Checker
    from plancheck.engine.config import Config
    from plancheck.engine.ruleset import ActiveRule

_FORMAT = 2


def check_module_files(rules: Iterable[ActiveRule]) -> list[str]:
    """The files of the modules defining the rules' check functions (a plugin's
    included): code the results depend on besides plancheck's own."""
    names = {active.spec.function.__module__ for active in rules if active.spec is not None}
    files = (getattr(sys.modules.get(name), "__file__", None) for name in names)
    return sorted(str(file) for file in files if file)


def _code_stamp(rules: Iterable[ActiveRule]) -> list[list[object]]:
    """plancheck's code and every module that defines an active check, so that
    editing code invalidates the cache too."""
    return code_stamp(check_module_files(rules))


def _config_material(config: Config) -> dict[str, object]:
    """The configuration's fields as ``model_dump`` would give them (those it excludes
    left out), read directly: dumping would build the model's serializer, which a run
    with the default configuration otherwise never needs (see ``default_config``)."""
    fields = type(config).model_fields
    return {name: getattr(config, name) for name, info in fields.items() if not info.exclude}


def run_key(checker: Checker, *, keep_results: bool = False) -> str:
    """What every cached report of this run depends on besides the plan's own files.

    ``keep_results``: whether the reports keep their per-subject results (see ``batch``).
    """
    rules = []
    for active in checker.rules:
        spec = active.spec
        function = None
        if spec is not None:
            function = f"{spec.function.__module__}.{spec.function.__qualname__}"
        rules.append(
            [
                active.rule.model_dump(mode="json"),
                active.severity.value,
                # The typed parameters as the check receives them (defaults filled in).
                active.params.model_dump(mode="json"),
                function,
            ]
        )
    material = {
        "format": _FORMAT,
        "keep_results": keep_results,
        "plancheck": __version__,
        "python": sys.version,
        "config": _config_material(checker.config),
        "rules": rules,
        "code": _code_stamp(checker.rules),
    }
    # ASCII escapes: names with undecodable bytes (lone surrogates) still hash.
    text = json.dumps(material, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_PARTS = re.compile(rb"^[\"']?parts[\"']?[ \t]*:", re.MULTILINE)


def _read_by(target: Path, report: PlanReport, max_bytes: int) -> list[str]:
    """The files checking ``target`` read or looked for: the report's files, the plan
    file, and every part it lists (a part that was missing may appear later)."""
    plan_file = target / "plan.yaml" if target.is_dir() else target
    paths = [*report.files, target.as_posix(), plan_file.as_posix()]
    try:
        if not plan_file.is_file() or plan_file.stat().st_size > max_bytes:
            return paths
        raw = plan_file.read_bytes()
    except OSError:
        return paths
    if not _PARTS.search(raw):
        return paths
    try:
        data = parse_yaml(raw.decode("utf-8")).data
    except (YamlProblem, UnicodeDecodeError):
        return paths
    parts = data.get("parts") if isinstance(data, dict) else None
    for entry in parts if isinstance(parts, list) else ():
        if isinstance(entry, str):
            paths.append((plan_file.parent / entry).as_posix())
    return paths


class ResultCache:
    """Cached plan reports for one run key, in ``folder``."""

    def __init__(self, folder: Path, key: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.key = key
        # The run's max_file_bytes: larger files are recorded by size, never read.
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        # Every file the reports handed out depend on, with the state it had: what a
        # whole run depended on, for replaying it (see plancheck.cli._replay).
        self.seen: dict[str, str | None] = {}

    def _entry(self, target: Path) -> Path:
        where = f"{self.key}\0{Path.cwd()}\0{target.as_posix()}"
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
        return self.folder / name[:2] / f"{name}.json"

    def _dependencies(self, target: Path, paths: list[str]) -> dict[str, Any]:
        found = {path: file_state(Path(path), self.max_bytes) for path in dict.fromkeys(paths)}
        return {"files": found}

    def get(self, target: Path) -> PlanReport | None:
        """The cached report for ``target`` if it is still valid."""
        try:
            entry = json.loads(self._entry(target).read_text(encoding="utf-8"))
            if entry.get("key") != self.key or entry.get("target") != target.as_posix():
                raise ValueError("another entry")
            recorded = entry["depends"]
            files = recorded["files"]
            if self._dependencies(target, list(files)) != recorded:
                raise ValueError("changed")
            report = decode_report(entry["report"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        self.seen.update(files)
        return report

    def put(self, target: Path, report: PlanReport) -> None:
        """Keep ``report`` for ``target``; a cache that cannot be written is skipped."""
        depends = self._dependencies(target, _read_by(target, report, self.max_bytes))
        self.seen.update(depends["files"])
        entry = {
            "key": self.key,
            "target": target.as_posix(),
            "depends": depends,
            "report": encode_report(report),
        }
        path = self._entry(target)
        try:
            prepare_cache_dir(self.folder)
            path.parent.mkdir(exist_ok=True)
            # ASCII escapes keep file names with undecodable bytes (lone surrogates)
            # writable; they load back unchanged.
            write_atomic(path, json.dumps(entry, separators=(",", ":")))
        except (OSError, ValueError):
            return
