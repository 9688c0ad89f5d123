"""The pytest plugin: plans as test items, and fixtures for a plan repository's tests.

Registered through the ``pytest11`` entry point ``plancheck``, it does nothing until
asked:

* ``pytest --plancheck`` (or ``plancheck = true`` in ``[tool.pytest.ini_options]``)
  collects every plan under the test paths (a YAML file whose top level has a
  ``plancheck:`` key; a plan directory once, through its ``plan.yaml``) as one test item,
  which fails with its findings as ``file:line:col: CODE message`` lines. The plan
  repository's configuration (``.plancheck.yaml`` or ``[tool.plancheck]``), its waivers
  and inline ignores, and the baseline named by ``plancheck_baseline`` apply as in
  ``plancheck check``; ``plancheck_fail_on`` (or ``--plancheck-fail-on``) overrides the
  configuration's ``fail_on``.
* Fixtures ``plancheck_load``, ``plancheck_check`` and ``plancheck_revision`` give a
  team's own tests plans, reports and revisions (see ``docs/pytest-plugin.md``).

The engine is imported inside hooks and fixtures, never when pytest loads the plugin.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from plancheck.engine.api import Checker
    from plancheck.engine.config import Config
    from plancheck.model import Plan
    from plancheck.plan_diff import PlanDiff
    from plancheck.records import Report
    from plancheck.review import Baseline, WaiverFile

_SEVERITIES = ("error", "warning", "info")
_SUFFIXES = (".yaml", ".yml")
_SESSION = pytest.StashKey["_Session"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("plancheck", "plancheck: checking plan data")
    group.addoption(
        "--plancheck",
        action="store_true",
        default=None,
        help="collect plans (YAML with a top-level `plancheck:` key) and check each one",
    )
    group.addoption(
        "--plancheck-fail-on",
        choices=_SEVERITIES,
        default=None,
        help="fail a plan on findings at or above this severity (default: the "
        "configuration's fail_on, else error)",
    )
    parser.addini("plancheck", "check plans without --plancheck", type="bool", default=False)
    parser.addini("plancheck_fail_on", "as --plancheck-fail-on", default="")
    parser.addini(
        "plancheck_baseline", "baseline file (relative to the root directory)", default=""
    )
    parser.addini(
        "plancheck_waivers",
        "waivers file (default: the configuration's, else waivers.yaml beside it)",
        default="",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "plancheck: a plan checked by plancheck")


def _enabled(config: pytest.Config) -> bool:
    flag = config.getoption("plancheck")
    return bool(flag) if flag is not None else bool(config.getini("plancheck"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> PlanFile | None:
    if file_path.suffix not in _SUFFIXES or not _enabled(parent.config):
        return None
    from plancheck.loading import is_plan_file

    if not is_plan_file(file_path):
        return None
    plan_file: PlanFile = PlanFile.from_parent(parent, path=file_path)
    return plan_file


@dataclass
class _Session:
    """What every plan of a session is checked with, read once."""

    checker: Checker
    waivers: WaiverFile | None
    baseline: Baseline | None


def _usage(message: str) -> pytest.UsageError:
    return pytest.UsageError(f"plancheck: {message}")


def _settings(config: pytest.Config) -> Config:
    from plancheck.engine.config import ConfigError, load_config
    from plancheck.records import Severity

    try:
        settings = load_config(config.rootpath)
    except ConfigError as exc:
        raise _usage(str(exc)) from None
    fail_on = config.getoption("plancheck_fail_on") or config.getini("plancheck_fail_on")
    if fail_on:
        if fail_on not in _SEVERITIES:
            raise _usage(f"plancheck_fail_on must be one of {', '.join(_SEVERITIES)}")
        settings = settings.model_copy(update={"fail_on": Severity(fail_on)})
    return settings


def _waivers_path(config: pytest.Config, settings: Config) -> Path | None:
    """As ``plancheck check`` finds them: named, else waivers.yaml beside the config."""
    from plancheck.review import WAIVERS_FILE

    named = config.getini("plancheck_waivers")
    if named:
        return Path(config.rootpath / named)
    folder = settings.base_dir if settings.origin else config.rootpath
    if settings.waivers:
        return Path(folder / settings.waivers)
    candidate = Path(folder / WAIVERS_FILE)
    return candidate if candidate.is_file() else None


def _session(config: pytest.Config) -> _Session:
    found = config.stash.get(_SESSION, None)
    if found is not None:
        return found
    from plancheck.engine.api import Checker
    from plancheck.engine.registry import PluginError
    from plancheck.review import ReviewFileError, load_baseline, load_waivers

    settings = _settings(config)
    try:
        checker = Checker(settings)
    except (PluginError, ValueError) as exc:
        raise _usage(str(exc)) from None
    root = config.rootpath
    waivers_path = _waivers_path(config, settings)
    baseline_name = config.getini("plancheck_baseline")
    try:
        waivers = load_waivers(waivers_path) if waivers_path is not None else None
        baseline = load_baseline(root / baseline_name) if baseline_name else None
    except ReviewFileError as exc:
        raise _usage(str(exc)) from None
    session = _Session(checker, waivers, baseline)
    config.stash[_SESSION] = session
    return session


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when below it, as the CLI shows it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class PlanCheckFailure(Exception):
    """A plan had findings at or above the failing severity; ``str()`` lists them."""

    def __init__(self, report: Report, rendered: str) -> None:
        super().__init__(rendered)
        self.report = report
        self.rendered = rendered


class PlanFile(pytest.File):
    """A plan file (or a plan directory's ``plan.yaml``): one test item."""

    def collect(self) -> Iterator[PlanItem]:
        yield PlanItem.from_parent(self, name="plancheck")


class PlanItem(pytest.Item):
    """Checks one plan as ``plancheck check`` would, review included."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("plancheck")

    def _target(self) -> Path:
        # A directory plan is checked as the directory, so its parts come with it.
        return self.path.parent if self.path.name == "plan.yaml" else self.path

    def runtest(self) -> None:
        from plancheck.review import apply_review
        from plancheck.testing import findings_text

        session = _session(self.config)
        checker = session.checker
        # Each collected plan is a set of its own: links to other plans are not judged.
        checked = checker.check_path(_shown(self._target()))
        checker.check_set([checked])
        report = checker.report([checked])
        severities = {active.rule.code: active.severity for active in checker.rules}
        report = apply_review(report, session.waivers, session.baseline, severities=severities)
        failing = [f for f in report.findings if f.severity.rank >= report.fail_on.rank]
        if failing:
            raise PlanCheckFailure(report, findings_text(failing, report.lang))

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        if isinstance(excinfo.value, PlanCheckFailure):
            return excinfo.value.rendered
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[os.PathLike[str] | str, int | None, str]:
        return self.path, None, f"plancheck {_shown(self._target())}"


# -- fixtures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRevision:
    """A plan and its version at a git revision: what changed, and the revision rules'
    findings about it (``base`` is ``None`` when the plan did not exist then)."""

    base: Plan | None
    plan: Plan
    diff: PlanDiff | None
    report: Report


# Session-scoped: they hold no state, and Hypothesis's @given tests may use them.
@pytest.fixture(scope="session")
def plancheck_load() -> Callable[[str | os.PathLike[str]], Plan]:
    """``load(path) -> Plan``: a plan file or directory (``PlanLoadError`` if unreadable)."""
    from plancheck.loading import load

    return load


@pytest.fixture(scope="session")
def plancheck_check(request: pytest.FixtureRequest) -> Callable[..., Report]:
    """``check(path_or_plan, base=None, **config) -> Report`` with the repository's
    configuration; keyword arguments override its fields (``select=["PC2"]``)."""
    from plancheck.engine.api import check

    settings = _settings(request.config)

    def run(
        target: str | os.PathLike[str] | Plan, base: Plan | None = None, **overrides: Any
    ) -> Report:
        chosen = settings
        if overrides:
            fields = {**settings.model_dump(), **overrides}
            fields.update(base_dir=settings.base_dir, origin=settings.origin)
            chosen = type(settings).model_validate(fields)
        return check(target, chosen, base=base)

    return run


@pytest.fixture(scope="session")
def plancheck_revision(request: pytest.FixtureRequest) -> Callable[..., PlanRevision]:
    """``revision(path, base="HEAD") -> PlanRevision``: the plan now and at git revision
    ``base``, their diff and the revision rules' findings (PC7xx)."""
    from plancheck.engine.api import Checker
    from plancheck.loading import load
    from plancheck.plan_diff import checkout_plan, diff

    settings = _settings(request.config).model_copy(update={"select": ["revision"]})
    checker = Checker(settings)

    def run(path: str | os.PathLike[str], base: str = "HEAD") -> PlanRevision:
        plan = load(path)
        spec = f"{base}:{Path(path).as_posix()}"
        with checkout_plan(spec, max_file_bytes=settings.max_file_bytes) as loaded:
            earlier = loaded.plan if loaded is not None else None
        report = checker.report([checker.check_plan(plan, base=earlier)])
        changes = diff(earlier, plan) if earlier is not None else None
        return PlanRevision(earlier, plan, changes, report)

    return run
