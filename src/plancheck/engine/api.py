"""The Python entry points: build a checker once, check many plans."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from plancheck.engine.catalogue import Catalogue, load_catalogue
from plancheck.engine.config import Config
from plancheck.engine.registry import PluginError, builtin_registry, load_plugins
from plancheck.engine.ruleset import ActiveRule, resolve
from plancheck.engine.run import run_plan
from plancheck.loading import LoadResult, load_plan
from plancheck.model import Plan
from plancheck.records import PlanReport, Report


class Checker:
    """Rules resolved against a configuration, ready to check any number of plans."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        try:
            shipped = load_plugins(self.config.plugins)
        except PluginError as exc:
            origin = self.config.origin
            raise PluginError(f"{origin}: {exc}" if origin else str(exc)) from None
        extra = [*shipped, *self.config.rule_files()]
        self.catalogue: Catalogue = load_catalogue(builtin_registry(), extra)
        self.rules: list[ActiveRule] = resolve(self.catalogue, self.config)

    def check_plan(self, plan: Plan) -> PlanReport:
        return run_plan(LoadResult(plan.path, plan, files=[]), self.rules)

    def check_path(self, path: str | os.PathLike[str]) -> PlanReport:
        loaded = load_plan(path, max_file_bytes=self.config.max_file_bytes)
        return run_plan(loaded, self.rules)

    def report(self, plans: Iterable[PlanReport]) -> Report:
        return Report(
            sorted(plans, key=lambda p: p.path),
            self.catalogue.rules,
            lang=self.config.lang,
            fail_on=self.config.fail_on,
        )


def check(target: str | os.PathLike[str] | Plan, config: Config | None = None) -> Report:
    """Check one plan (a path to a plan file or directory, or a loaded Plan)."""
    checker = Checker(config)
    if isinstance(target, Plan):
        return checker.report([checker.check_plan(target)])
    return checker.report([checker.check_path(Path(target))])
