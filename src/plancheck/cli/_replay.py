"""Replaying an unchanged run: the same command on the same files prints the same report.

A ``plancheck check`` that uses the result cache keeps, beside each plan's cached
report, a record of the whole run: what it printed, its exit code, and every file it
depended on with the state it had. That is the plans and every file checking them
read or looked for; the configuration files, waivers files and ``.git`` markers
looked for in every folder above a plan and above the working directory; the files
the configurations name (extra rules, waivers) and the baseline; plancheck's own code
and the modules of plugin checks.

The next run with the same command line, working directory and environment looks for
that record before it imports the checker. When discovery finds the same plans and
no file changed, it prints the report again; otherwise, or when anything about the
record is off, the run checks as usual (per plan, the result cache still applies).

A run that does more than print a report is never recorded: one that writes a file
(``--output``, ``--write-baseline``), asks git (``--changed``, ``--against``), records
times (``--timestamps``) or appends a GitHub step summary; nor one with ``--no-cache``
or one that stopped with an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from plancheck._atomic import write_atomic
from plancheck._cache_dir import default_cache_dir, prepare_cache_dir
from plancheck._file_state import FileStates, code_stamp, file_state
from plancheck._version import __version__
from plancheck.cli._errors import UsageError
from plancheck.cli._targets import find_targets

_FORMAT = 1
# What else the output depends on: colour, the cache's folder, the GitHub summary
# (its runs are not recorded) and the fixed times of --timestamps (neither).
_ENVIRONMENT = ("NO_COLOR", "PLANCHECK_CACHE_DIR", "GITHUB_STEP_SUMMARY", "SOURCE_DATE_EPOCH")
# Looked for in every folder above a plan and above the working directory: the
# configuration (engine.config.CONFIG_FILE, a pyproject's [tool.plancheck]), the
# waivers file (review.WAIVERS_FILE) and .git, which sets the repository root that
# output paths are relative to and that plans may read from.
LOOKED_FOR = (".plancheck.yaml", "pyproject.toml", "waivers.yaml", ".git")
# A report larger than this is not kept twice (it is kept per plan all the same).
_MAX_RECORDED = 32 * 1024 * 1024


def replay_key(argv: Sequence[str]) -> str:
    """Which record a run may replay: its command line, working directory, relevant
    environment, whether it writes to a terminal, the plancheck and Python running, and
    the date (waivers expire)."""
    material = {
        "today": date.today().isoformat(),
        "format": _FORMAT,
        "plancheck": __version__,
        "python": sys.version,
        "prefix": sys.prefix,
        "cwd": str(Path.cwd()),
        "argv": list(argv),
        "environment": {name: os.environ.get(name) for name in _ENVIRONMENT},
        "tty": sys.stdout.isatty(),
    }
    # ASCII escapes: arguments with undecodable bytes (lone surrogates) still hash.
    text = json.dumps(material, sort_keys=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _record_path(key: str) -> Path:
    return default_cache_dir() / "runs" / f"{key}.json"


def surroundings(targets: Iterable[Path]) -> list[str]:
    """The files looked for in every folder above the working directory and above
    each target, by its real path and as written (see :data:`LOOKED_FOR`)."""
    cwd = Path.cwd()
    starts = {cwd, cwd.resolve()}
    for target in targets:
        real = target.resolve()
        is_file = real.is_file()
        starts.add(real.parent if is_file else real)
        written = cwd / target
        starts.add(written.parent if is_file else written)
    folders: set[Path] = set()
    for start in starts:
        for folder in (start, *start.parents):
            if folder in folders:
                break  # and every folder above it
            folders.add(folder)
    return sorted(str(folder / name) for folder in folders for name in LOOKED_FOR)


def record(
    key: str,
    *,
    paths: Sequence[str],
    targets: Sequence[Path],
    depends: FileStates,
    inputs: Iterable[Path],
    limit: int,
    modules: Iterable[str],
    stdout: str,
    exit_code: int,
) -> None:
    """Keep what a finished run printed and what it depended on: ``depends`` (the
    plans' files, from the result cache), ``inputs`` (configuration, rule, waivers
    and baseline files) and the surroundings of ``targets``, the last two read under
    ``limit``; ``modules`` are the files of the modules that define its checks."""
    if len(stdout) > _MAX_RECORDED:
        return
    files = dict(depends)
    for file in [*surroundings(targets), *map(str, inputs)]:
        if (file, limit) not in files:
            files[(file, limit)] = file_state(Path(file), limit)
    extra = sorted(set(modules))
    entry = {
        "format": _FORMAT,
        "key": key,
        "paths": list(paths),
        "targets": [str(target) for target in targets],
        "files": sorted([file, size, state] for (file, size), state in files.items()),
        "extra": extra,
        "code": code_stamp(extra),
        "stdout": stdout,
        "exit": exit_code,
    }
    path = _record_path(key)
    try:
        prepare_cache_dir(path.parent.parent)
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, json.dumps(entry, separators=(",", ":")))
    except (OSError, ValueError):
        return  # a cache that cannot be written is no cache


def replay(key: str) -> tuple[str, int] | None:
    """What the recorded run printed and its exit code, if nothing it depended on has
    changed; None otherwise."""
    try:
        entry = json.loads(_record_path(key).read_text(encoding="utf-8"))
        if entry["format"] != _FORMAT or entry["key"] != key:
            return None
        if code_stamp(entry["extra"]) != entry["code"]:
            return None
        targets = find_targets(entry["paths"])
        if [str(target) for target in targets] != entry["targets"]:
            return None
        files = {(file, size): state for file, size, state in entry["files"]}
        known = {file for file, _ in files}
        if not known.issuperset(surroundings(targets)):
            return None
        for (file, size), state in files.items():
            if file_state(Path(file), size) != state:
                return None
        stdout, exit_code = entry["stdout"], entry["exit"]
    except (OSError, ValueError, KeyError, TypeError, UsageError, RuntimeError):
        return None  # RuntimeError: a symlink loop on the way
    if not isinstance(stdout, str) or type(exit_code) is not int:
        return None
    return stdout, exit_code
