"""The Python entry points: build a checker once, check many plans."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path

from plancheck.engine.catalogue import Catalogue, load_catalogue
from plancheck.engine.config import Config, default_config
from plancheck.engine.planset import run_set, set_rules
from plancheck.engine.registry import PluginError, builtin_registry, load_plugins
from plancheck.engine.ruleset import ActiveRule, resolve
from plancheck.engine.run import run_plan
from plancheck.loading import load_plan, revalidate
from plancheck.model import Plan
from plancheck.records import PlanReport, Report

# Plans kept from the first phase for the set phase; beyond this many the set phase
# reads a plan again rather than holding every plan of a large run in memory.
_RETAINED = 256


class Checker:
    """Rules resolved against a configuration, ready to check any number of plans."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or default_config()
        try:
            shipped = load_plugins(self.config.plugins)
        except PluginError as exc:
            origin = self.config.origin
            raise PluginError(f"{origin}: {exc}" if origin else str(exc)) from None
        extra = [*shipped, *self.config.rule_files()]
        self.catalogue: Catalogue = load_catalogue(builtin_registry(), extra)
        self.rules: list[ActiveRule] = resolve(self.catalogue, self.config)

        # Keyed by the report object (kept alive here, so its id is not reused): plans
        # built in memory all have the path "".
        self._retained: OrderedDict[int, tuple[PlanReport, Plan]] = OrderedDict()

    def _retain(self, report: PlanReport, plan: Plan | None) -> None:
        if plan is None:
            return
        self._retained[id(report)] = (report, plan)
        while len(self._retained) > _RETAINED:
            self._retained.popitem(last=False)

    def check_plan(self, plan: Plan, base: Plan | None = None) -> PlanReport:
        """Judge ``plan`` exactly as its data written to a file would be judged.

        A plan built or changed in Python (``model_copy(update=…)``, assignment) is
        validated again from its data first, so nothing derived at load time is stale.
        ``base`` is the earlier version ``plan`` revises, for the revision rules.
        """
        checked = revalidate(plan)
        report = run_plan(checked, self.rules, _base(base))
        self._retain(report, checked.plan)
        return report

    def check_path(self, path: str | os.PathLike[str], base: Plan | None = None) -> PlanReport:
        config = self.config
        loaded = load_plan(path, max_file_bytes=config.max_file_bytes, max_values=config.max_values)
        report = run_plan(loaded, self.rules, _base(base))
        self._retain(report, loaded.plan)
        return report

    def check_set(
        self, reports: Sequence[PlanReport], *, judged: Sequence[PlanReport] | None = None
    ) -> None:
        """The second phase: the set-level rules (alignment) over the plans of ``reports``.

        Each plan was checked on its own first; here the plans are seen together, and
        findings are added to the report of the plan they are about. Call it once per
        run, with every plan of the run. Plans that could not be read take no part.
        ``judged`` (default: all of ``reports``) are the plans these rules judge; the
        others are only linked to, as when plans of one run have different configurations.
        """
        if set_rules(self.rules):
            run_set(reports, self.rules, read=self._plan_of, judged=judged)

    def _plan_of(self, report: PlanReport) -> Plan | None:
        kept = self._retained.get(id(report))
        if kept is not None and kept[0] is report:
            return kept[1]
        if not report.path:  # built in memory and no longer retained
            return None
        # Checked in another process, taken from the cache, or not retained.
        config = self.config
        found = load_plan(
            report.path, max_file_bytes=config.max_file_bytes, max_values=config.max_values
        )
        return found.plan

    def report(self, plans: Iterable[PlanReport]) -> Report:
        return Report(
            sorted(plans, key=lambda p: p.path),
            self.catalogue.rules,
            lang=self.config.lang,
            fail_on=self.config.fail_on,
        )


def _base(base: Plan | None) -> Plan | None:
    # The earlier version is compared as its data says, like the plan itself.
    return None if base is None else revalidate(base).plan


def check(
    target: str | os.PathLike[str] | Plan,
    config: Config | None = None,
    *,
    base: Plan | None = None,
) -> Report:
    """Check one plan (a path to a plan file or directory, or a Plan).

    ``base`` is the earlier version the plan revises: the revision rules (PC7xx) judge
    what changed since it.
    """
    checker = Checker(config)
    if isinstance(target, Plan):
        report = checker.check_plan(target, base)
    else:
        report = checker.check_path(Path(target), base)
    checker.check_set([report])
    return checker.report([report])
