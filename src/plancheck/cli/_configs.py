"""Configuration per plan, found by walking up from each plan's folder (as ruff does).

The run's own settings — output language, ``fail_on``, waivers — come from the
configuration of the working directory (or ``--config``). Which rules run on a plan,
with which severities and parameters, comes from the nearest ``.plancheck.yaml`` or
``[tool.plancheck]`` above that plan, so a repository holding plans of several
offices can configure each folder. ``--config`` applies one file to every plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plancheck._cache_dir import default_cache_dir
from plancheck._file_state import FileStates
from plancheck.cli._against import check_against
from plancheck.engine.api import Checker
from plancheck.engine.batch import Phase, Progress, check_batch
from plancheck.engine.cache import ResultCache, run_key
from plancheck.engine.config import Config, default_config, find_config, load_config_file
from plancheck.engine.report_store import ReportStore
from plancheck.engine.ruleset import ActiveRule
from plancheck.records import PlanReport, Rule


@dataclass
class CheckedRun:
    plans: ReportStore
    rules: list[ActiveRule]
    catalogue: dict[str, Rule]
    config: Config
    # The plans' own configurations beside the run's: inputs an output may not replace.
    configs: list[Config] = field(default_factory=list)
    # What the plans' reports depend on, None when not known (no cache, --against).
    depends: FileStates | None = None


def _folder(target: Path) -> Path:
    """The folder whose configuration applies to ``target`` (as find_config walks up)."""
    real = target.resolve()
    return real.parent if real.is_file() else real


def _same(a: Path | None, origin: str) -> bool:
    if a is None or not origin:
        return a is None and not origin
    return a.resolve() == Path(origin).resolve()


def check_per_config(
    run_checker: Checker,
    targets: Sequence[Path],
    *,
    adjust: Callable[[Config], Config],
    one_config: bool,
    jobs: int,
    progress: Progress | None,
    cache: bool = False,
    phase: Phase | None = None,
    against: str | None = None,
) -> CheckedRun:
    """Check ``targets``, each with the configuration nearest to it (adjusted by the
    command line's overrides), unless ``one_config`` says ``--config`` was given.

    ``cache``: reuse the results of unchanged plans. Each configuration's checker has
    its own run key (its configuration and active rules are part of it), so a plan's
    cached report is only reused under the configuration it was checked with.

    ``against`` (``check --against REV``) checks each plan with its version at that git
    revision, for the revision rules.
    """
    groups: dict[Path | None, list[Path]] = {}
    nearest: dict[Path, Path | None] = {}  # by folder: plans of one folder share it
    for target in targets:
        key = None
        if not one_config:
            folder = _folder(target)
            if folder not in nearest:
                nearest[folder] = find_config(folder)
            key = nearest[folder]
        groups.setdefault(key, []).append(target)
    store = ReportStore()
    checkers: list[Checker] = []
    rules = dict(run_checker.catalogue.rules)
    active: list[ActiveRule] = list(run_checker.rules)
    configs: list[Config] = []
    depends: FileStates | None = {} if cache and against is None else None
    done = 0
    total = len(targets)
    for key, group in sorted(groups.items(), key=lambda item: str(item[0] or "")):
        if one_config or _same(key, run_checker.config.origin):
            checker = run_checker
        else:
            base = load_config_file(key) if key is not None else default_config()
            checker = Checker(adjust(base))
            configs.append(checker.config)
            rules.update(checker.catalogue.rules)
            active += checker.rules
        offset = done

        def step(count: int, _: int, offset: int = offset) -> None:
            if progress:
                progress(offset + count, total)

        results: ResultCache | None = None
        if against is not None:
            # The earlier version is read from git for each plan: no cache, no workers.
            reports: Iterable[PlanReport] = check_against(checker, group, against, step)
        else:
            if cache:
                limit = checker.config.max_file_bytes
                results = ResultCache(default_cache_dir(), run_key(checker), max_bytes=limit)
            reports = check_batch(
                checker, group, jobs=jobs, progress=step, cache=results, phase=phase
            )
        for report in reports:
            store.add(report, len(checkers))
        if results is not None and depends is not None:
            depends.update(
                ((file, results.max_bytes), state) for file, state in results.seen.items()
            )
        checkers.append(checker)
        done += len(group)
    # The set phase sees every plan of the run; each plan is judged by the set-level rules
    # of its own configuration.
    seen = store.for_set_phase()
    everyone = [report for _, report in seen]
    for number, checker in enumerate(checkers):
        checker.check_set(everyone, judged=[report for g, report in seen if g == number])
    return CheckedRun(store, active, rules, run_checker.config, configs, depends)
