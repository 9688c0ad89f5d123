"""``check --against REV``: each plan checked together with its version at REV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from plancheck.cli._errors import UsageError
from plancheck.engine.api import Checker
from plancheck.records import PlanReport


def check_against(
    checker: Checker,
    targets: Sequence[Path],
    revision: str,
    progress: Callable[[int, int], None] | None = None,
) -> list[PlanReport]:
    """Check every target; the revision rules judge its change since ``revision``.

    A plan that did not exist at ``revision`` (a new plan) or could not be read there is
    checked on its own: its revision rules are not applicable.
    """
    # Reading versions from git is only needed here, not by every `check`.
    from plancheck.plan_diff import GitError, checkout_plan

    if not revision or ":" in revision:
        raise UsageError(
            f"--against 需要一个 git 版本 / --against needs a git revision: {revision}"
        )
    reports = []
    for done, target in enumerate(targets, start=1):
        spec = f"{revision}:{target.as_posix()}"
        try:
            with checkout_plan(spec, max_file_bytes=checker.config.max_file_bytes) as loaded:
                base = loaded.plan if loaded is not None else None
                reports.append(checker.check_path(target, base=base))
        except GitError as exc:
            raise UsageError(f"--against {revision}: {exc}") from None
        if progress:
            progress(done, len(targets))
    return reports
