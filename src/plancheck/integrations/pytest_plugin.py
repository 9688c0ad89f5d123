"""A pytest plugin: plan files as test items, and a fixture for checking plans.

Registered through the ``pytest11`` entry point ``plancheck``; without the entry
point, load it with ``pytest -p plancheck.integrations.pytest_plugin``.

* ``--plancheck`` collects every plan file under the test paths (a YAML file whose
  top level has a ``plancheck:`` key; a plan directory through its ``plan.yaml``, its
  part files are not collected on their own) as one test item, which fails with the
  rendered findings (``file:line:col: CODE message``) when a finding at or above
  ``--plancheck-fail-on`` (default: the configuration's ``fail_on``, else ``error``)
  is found.  The configuration is the nearest ``.plancheck.yaml`` or
  ``[tool.plancheck]`` above pytest's root directory.
* The ``plancheck_check`` fixture returns ``check(path_or_plan, **config) -> Report``,
  where ``config`` are :class:`plancheck.Config` fields (``select=["PC201"]``, …).

The engine is imported inside the hooks and the fixture, never when pytest loads the
plugin.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from plancheck.engine.api import Checker
    from plancheck.model import Plan
    from plancheck.records import Report

__all__ = [
    "PlanCheckFailure",
    "PlanFile",
    "PlanItem",
    "plancheck_check",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_configure",
]

_SEVERITIES = ("error", "warning", "info")
_SUFFIXES = (".yaml", ".yml")
_CHECKER = pytest.StashKey["Checker"]()

#: What the ``plancheck_check`` fixture returns.
CheckFunction = Callable[..., "Report"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("plancheck", "plancheck: checking plan data files")
    group.addoption(
        "--plancheck",
        action="store_true",
        default=False,
        help="collect plan files (YAML with a top-level `plancheck:` key) and check them",
    )
    group.addoption(
        "--plancheck-fail-on",
        choices=_SEVERITIES,
        default=None,
        help="fail a plan's test on findings at or above this severity "
        "(default: the configuration's fail_on, else error)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "plancheck: a plan file checked by plancheck")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> PlanFile | None:
    if not parent.config.getoption("plancheck") or file_path.suffix not in _SUFFIXES:
        return None
    from plancheck.loading import is_plan_file

    if not is_plan_file(file_path):
        return None
    plan_file: PlanFile = PlanFile.from_parent(parent, path=file_path)
    return plan_file


def _checker(config: pytest.Config) -> Checker:
    """One checker per session: rules are resolved once, against the project's config."""
    found = config.stash.get(_CHECKER, None)
    if found is not None:
        return found
    from plancheck.engine.api import Checker
    from plancheck.engine.config import ConfigError, load_config
    from plancheck.records import Severity

    try:
        settings = load_config(config.rootpath)
        fail_on = config.getoption("plancheck_fail_on")
        if fail_on is not None:
            settings = settings.model_copy(update={"fail_on": Severity(fail_on)})
        checker = Checker(settings)
    except (ConfigError, ValueError) as exc:
        raise pytest.UsageError(f"plancheck: {exc}") from None
    config.stash[_CHECKER] = checker
    return checker


def _shown(path: Path) -> Path:
    """``path`` relative to the working directory when below it, as the CLI shows it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


class PlanCheckFailure(Exception):
    """A plan had findings at or above the failing severity; ``str()`` renders them."""

    def __init__(self, report: Report, rendered: str) -> None:
        super().__init__(rendered)
        self.report = report
        self.rendered = rendered


class PlanFile(pytest.File):
    """A plan file (or a plan directory's ``plan.yaml``): one test item."""

    def collect(self) -> Iterator[PlanItem]:
        yield PlanItem.from_parent(self, name="plancheck")


class PlanItem(pytest.Item):
    """Checks one plan; fails when anything at or above the failing severity is found."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("plancheck")

    def runtest(self) -> None:
        from plancheck.outputs import render

        checker = _checker(self.config)
        # Each collected plan is a set of its own: links to other plans are not judged.
        checked = checker.check_path(_shown(self.path))
        checker.check_set([checked])
        report = checker.report([checked])
        if report.failing():
            raise PlanCheckFailure(report, render(report, "text"))

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        if isinstance(excinfo.value, PlanCheckFailure):
            return excinfo.value.rendered.rstrip("\n")
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[os.PathLike[str] | str, int | None, str]:
        return self.path, None, f"plancheck {self.path.name}"


@pytest.fixture
def plancheck_check() -> CheckFunction:
    """``check(path_or_plan, **config) -> Report``; ``config`` are ``Config`` fields."""
    from plancheck.engine.api import check
    from plancheck.engine.config import Config

    def run(target: str | os.PathLike[str] | Plan, **config: Any) -> Report:
        return check(target, Config.model_validate(config) if config else None)

    return run
