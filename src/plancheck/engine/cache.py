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
import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plancheck._atomic import write_atomic
from plancheck._reader.parse import YamlProblem, parse_yaml
from plancheck._reader.read import DEFAULT_MAX_BYTES
from plancheck._version import __version__
from plancheck.engine._codec import decode_report, encode_report
from plancheck.records import PlanReport

if TYPE_CHECKING:
    from plancheck.engine.api import Checker

CACHE_ENV = "PLANCHECK_CACHE_DIR"
DEFAULT_DIR = ".plancheck_cache"
_FORMAT = 2
_PACKAGE = Path(__file__).resolve().parents[1]


def default_cache_dir() -> Path:
    """``$PLANCHECK_CACHE_DIR`` when set, else ``.plancheck_cache`` here."""
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_DIR)


_CHUNK = 1 << 20


def _state(path: Path, max_bytes: int) -> str | None:
    """What checking can have seen of ``path``: its SHA-256; for a file the loader
    refuses as too large, its size; for anything but a regular file, its type.
    Never reads more than ``max_bytes`` nor anything that is not a regular file."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return f"mode:{stat.S_IFMT(info.st_mode)}"
        if info.st_size > max_bytes:
            return f"size:{info.st_size}"
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        return digest.hexdigest()
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return None


def _code_stamp(modules: set[str]) -> list[list[object]]:
    """Size and modification time of plancheck's sources and of every module that
    defines an active check, so that editing code invalidates the cache too."""
    files = {str(path) for path in _PACKAGE.rglob("*.py")}
    files.add(str(_PACKAGE / "engine" / "shipped_rules.json"))
    for name in modules:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None)
        if origin:
            files.add(str(origin))
    stamp: list[list[object]] = []
    for file in sorted(files):
        try:
            info = Path(file).stat()
        except OSError:
            stamp.append([file, None])
            continue
        stamp.append([file, info.st_size, info.st_mtime_ns])
    return stamp


def run_key(checker: Checker, *, keep_results: bool = False) -> str:
    """What every cached report of this run depends on besides the plan's own files.

    ``keep_results``: whether the reports keep their per-subject results (see ``batch``).
    """
    rules = []
    modules = set()
    for active in checker.rules:
        spec = active.spec
        function = None
        if spec is not None:
            modules.add(spec.function.__module__)
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
        "config": checker.config.model_dump(mode="json"),
        "rules": rules,
        "code": _code_stamp(modules),
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

    def _entry(self, target: Path) -> Path:
        where = f"{self.key}\0{Path.cwd()}\0{target.as_posix()}"
        name = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()
        return self.folder / name[:2] / f"{name}.json"

    def _dependencies(self, target: Path, paths: list[str]) -> dict[str, Any]:
        found = {path: _state(Path(path), self.max_bytes) for path in dict.fromkeys(paths)}
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
        return report

    def put(self, target: Path, report: PlanReport) -> None:
        """Keep ``report`` for ``target``; a cache that cannot be written is skipped."""
        entry = {
            "key": self.key,
            "target": target.as_posix(),
            "depends": self._dependencies(target, _read_by(target, report, self.max_bytes)),
            "report": encode_report(report),
        }
        path = self._entry(target)
        try:
            self._prepare()
            path.parent.mkdir(exist_ok=True)
            # ASCII escapes keep file names with undecodable bytes (lone surrogates)
            # writable; they load back unchanged.
            write_atomic(path, json.dumps(entry, separators=(",", ":")))
        except (OSError, ValueError):
            return

    def _prepare(self) -> None:
        if (self.folder / ".gitignore").is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        # Like pytest's cache: the folder keeps itself out of version control and
        # tells backup tools it can be rebuilt.
        write_atomic(self.folder / ".gitignore", "# created by plancheck\n*\n")
        write_atomic(
            self.folder / "CACHEDIR.TAG",
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by plancheck.\n",
        )
