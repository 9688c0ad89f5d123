"""The plan period: project years (PC101), reversed ranges (PC102), target years
(PC103) and baseline years (PC104, PC105).

A reversed plan period is reported once, by PC102; the other rules cannot tell
what the period is meant to be and are not applicable.
"""

from __future__ import annotations

from collections.abc import Iterator

from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import ClaimKind, Indicator, Plan, Project, YearRange

REVERSED_PERIOD = "the plan period is reversed (see PC102)"


def _reversed(years: YearRange) -> bool:
    return years.start > years.end


@check("project-outside-period", given="projects")
def project_outside_period(
    project: Project, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A project's implementation years must lie within the plan period."""
    period = index.plan.period
    if _reversed(period):
        yield NotApplicable(REVERSED_PERIOD)
        return
    years = project.years
    if years is None:
        yield NotApplicable("the project gives no implementation years")
        return
    first, last = sorted((years.start, years.end))
    if first < period.start or last > period.end:
        # Located at the project itself (not its `years` field): the CLI and
        # pre-commit tests pin this position.
        yield Fail(
            args={"years": str(years), "period": str(period)},
            evidence={"years": str(years), "period": str(period)},
        )


@check("reversed-year-range", given="plan", reports_on=("plan", "projects"))
def reversed_year_range(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """The plan period and every project's years must run forwards."""
    if _reversed(plan.period):
        yield Fail(
            args={"years": str(plan.period)},
            evidence={"years": str(plan.period)},
            field="period",
            variant="period",
        )
    for project in plan.projects:
        if project.years is not None and _reversed(project.years):
            yield Fail(
                args={"years": str(project.years)},
                evidence={"years": str(project.years)},
                node=project,
                field="years",
            )


@check("target-outside-period", given="plan", reports_on=("indicator-targets", "claims"))
def target_outside_period(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """Indicator targets and target claims must be for a year of the plan period."""
    period = plan.period
    if _reversed(period):
        yield NotApplicable(REVERSED_PERIOD)
        return
    for indicator in plan.indicators:
        for target in indicator.targets:
            if target.year is not None and target.year not in period:
                yield Fail(
                    args={"year": target.year, "period": str(period)},
                    evidence={"year": str(target.year), "period": str(period)},
                    node=target,
                    field="year",
                )
    for claim in plan.claims:
        if claim.kind is ClaimKind.TARGET and claim.year is not None and claim.year not in period:
            yield Fail(
                args={"year": claim.year, "period": str(period)},
                evidence={"year": str(claim.year), "period": str(period)},
                node=claim,
                field="year",
                variant="claim",
            )


def _baseline_year(indicator: Indicator, period: YearRange) -> int | NotApplicable:
    if _reversed(period):
        return NotApplicable(REVERSED_PERIOD)
    if indicator.baseline is None:
        return NotApplicable("the indicator has no baseline")
    if indicator.baseline.year is None:
        return NotApplicable("the baseline gives no year")
    return indicator.baseline.year


@check("late-baseline-year", given="indicators")
def late_baseline_year(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """An indicator's baseline must be for a year before the plan period starts."""
    period = index.plan.period
    year = _baseline_year(indicator, period)
    if isinstance(year, NotApplicable):
        yield year
        return
    if year >= period.start:
        yield Fail(
            args={"year": year, "period": str(period), "start": period.start},
            evidence={"year": str(year), "period": str(period)},
            node=indicator.baseline,
            field="year",
        )


@check("unexpected-baseline-year", given="indicators")
def unexpected_baseline_year(
    indicator: Indicator, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """The baseline should be the stated base year, else the year before the period."""
    plan = index.plan
    period = plan.period
    year = _baseline_year(indicator, period)
    if isinstance(year, NotApplicable):
        yield year
        return
    if year >= period.start:
        yield NotApplicable("the baseline year is not before the period (see PC104)")
        return
    expected = plan.base_year if plan.base_year is not None else period.start - 1
    if year != expected:
        yield Fail(
            args={"year": year, "expected": expected, "period": str(period)},
            evidence={"year": str(year), "expected": str(expected)},
            node=indicator.baseline,
            field="year",
            variant="stated" if plan.base_year is not None else None,
        )
