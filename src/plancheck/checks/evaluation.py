"""Evaluations against actuals (PC9xx): 序时进度 (PC901), assessments (PC902),
completion rates (PC903), binding indicators reported (PC904), revised base-year
figures (PC905).

An evaluation (年度、中期、总结评估) reports actuals for a data year. The path between
baseline and final target (``_path``) says where each indicator should be by then;
the report's own assessment (met, on-track, lagging, not-met) and its tallies
("28个指标中25个…完成率89.3%") must agree with its figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from pydantic import Field

from plancheck.checks import _bounds as b
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, NoParams
from plancheck.engine.registry import check
from plancheck.model import (
    Assessment,
    Evaluation,
    EvaluationKind,
    EvaluationResult,
    Indicator,
    IndicatorType,
    Tally,
)
from plancheck.quantities import Comparator, QuantityError, is_percent
from plancheck.records import Severity

if TYPE_CHECKING:
    from plancheck.checks._path import ProgressPath, Standing

_TYPE_ZH: Final = {IndicatorType.BINDING: "约束性", IndicatorType.EXPECTED: "预期性"}
_STATUS_ZH: Final = {
    Assessment.MET: "已完成",
    Assessment.NOT_MET: "未完成",
    Assessment.ON_TRACK: "符合序时进度",
    Assessment.LAGGING: "滞后于序时进度",
}


def _indicator(result: EvaluationResult, index: PlanIndex) -> Indicator | NotApplicable:
    found = b.indicator(index, result.indicator)
    if found is None:
        return NotApplicable("the result names an undefined or duplicated indicator")
    return found


def _standing(
    result: EvaluationResult, index: PlanIndex, params: ToleranceParams
) -> tuple[Indicator, ProgressPath, Standing] | NotApplicable:
    """The result's actual against its indicator's path, or why it cannot be placed."""
    # Imported here: only plans with evaluation results need the path.
    from plancheck.checks._path import path_of, standing

    indicator = _indicator(result, index)
    if isinstance(indicator, NotApplicable):
        return indicator
    if result.actual is None:
        return NotApplicable("the result gives no actual")
    if not result.actual.is_level:
        return NotApplicable(b.why_not_level(result.actual, "actual"))
    path = path_of(indicator, index.plan)
    if isinstance(path, str):
        return NotApplicable(path)
    year = result.actual_year
    if not path.start_year < year <= path.end_year:
        return NotApplicable("the actual's year is not on the path (baseline year to target year)")
    try:
        placed = standing(path, year, result.actual, Decimal(str(params.tolerance)))
    except QuantityError:
        return NotApplicable("the actual's unit does not convert to the indicator's (PC302)")
    return indicator, path, placed


def _shown(amount: Decimal, unit: str | None) -> str:
    return b.quantity_text(amount, unit)


def _difference(amount: Decimal, unit: str | None) -> str:
    # A difference of two shares is in percentage points, not per cent.
    if unit is not None and is_percent(unit):
        return f"{b.number(amount)}个百分点"
    return _shown(amount, unit)


class ToleranceParams(CheckParams):
    tolerance: float = Field(
        default=0,
        ge=0,
        le=1,
        description="Lag allowed behind the path, as a share of the planned change "
        "from baseline to target (0.05: five per cent of the way).",
    )


# -- PC901 ---------------------------------------------------------------------------


@check(
    "behind-schedule",
    given="evaluation-results",
    params=ToleranceParams,
)
def behind_schedule(
    result: EvaluationResult, index: PlanIndex, params: ToleranceParams
) -> Iterator[Result]:
    """An actual must not be behind the 序时进度 path between baseline and target."""
    placed = _standing(result, index, params)
    if isinstance(placed, NotApplicable):
        yield placed
        return
    indicator, path, where = placed
    if not where.behind:
        return
    binding = indicator.type is IndicatorType.BINDING
    assert result.actual is not None
    yield Fail(
        args={
            "indicator": indicator.name,
            "year": result.actual_year,
            "actual": b.shown(result.actual),
            "path": _shown(where.path_value, path.unit),
            "gap": _difference(abs(where.gap), path.unit),
            "type_zh": _TYPE_ZH.get(indicator.type, "未标明属性的"),
            "type_en": indicator.type.value if indicator.type else "unspecified",
            "baseline": _shown(path.start, path.unit),
            "start_year": path.start_year,
            "target": b.shown(path.target),
            "end_year": path.end_year,
        },
        evidence={
            "actual": f"{b.shown(result.actual)} ({result.actual_year})",
            "path": _shown(where.path_value, path.unit),
            "evaluation": result.evaluation,
        },
        severity=Severity.ERROR if binding else Severity.WARNING,
        field="actual",
    )


# -- PC902 ---------------------------------------------------------------------------


def _contradiction(status: Assessment, where: Standing) -> bool:
    if status is Assessment.MET:
        return not where.reached
    if status is Assessment.NOT_MET:
        return where.reached
    if status is Assessment.ON_TRACK:
        return where.behind
    return not where.behind  # lagging


@check(
    "contradicted-assessment",
    given="evaluation-results",
    params=ToleranceParams,
)
def contradicted_assessment(
    result: EvaluationResult, index: PlanIndex, params: ToleranceParams
) -> Iterator[Result]:
    """The status a report gives must agree with the actual it reports."""
    if result.status is None:
        yield NotApplicable("the result states no assessment")
        return
    placed = _standing(result, index, params)
    if isinstance(placed, NotApplicable):
        yield placed
        return
    indicator, path, where = placed
    if not _contradiction(result.status, where):
        return
    assert result.actual is not None
    optimistic = result.status in (Assessment.MET, Assessment.ON_TRACK)
    yield Fail(
        args={
            "indicator": indicator.name,
            "status": result.status.value,
            "status_zh": _STATUS_ZH[result.status],
            "actual": b.shown(result.actual),
            "year": result.actual_year,
            "path": _shown(where.path_value, path.unit),
            "target": b.shown(path.target),
            "end_year": path.end_year,
        },
        evidence={
            "status": result.status.value,
            "actual": f"{b.shown(result.actual)} ({result.actual_year})",
            "evaluation": result.evaluation,
        },
        severity=Severity.ERROR if optimistic else Severity.WARNING,
        field="status",
        variant=None if result.status in (Assessment.MET, Assessment.NOT_MET) else "path",
    )


# -- PC903 ---------------------------------------------------------------------------


def _rate(met: int, of: int, exponent: int) -> Decimal:
    return b.quantize(Decimal(met) * 100 / Decimal(of), exponent)


def _explanations(rate: Decimal, exponent: int, of: int) -> tuple[str, str]:
    """The fraction with the largest denominator up to ``of`` that rounds to ``rate``."""
    for denominator in range(of, 0, -1):
        numerator = int(b.quantize(rate * denominator / 100, 0))
        if 0 <= numerator <= denominator and _rate(numerator, denominator, exponent) == rate:
            fraction = f"{numerator}/{denominator}"
            return (
                f"{b.number(rate)}% 恰为 {fraction}：分母不同（{denominator}，而非{of}），"
                "可能混用了不同口径的指标总数",
                f"{b.number(rate)}% is {fraction}: a different denominator ({denominator}, "
                f"not {of}); the counts may mix two totals",
            )
    return (
        f"没有分母不超过{of}的分数约等于 {b.number(rate)}%",
        f"no fraction with a denominator up to {of} rounds to {b.number(rate)}%",
    )


@check("completion-rate-arithmetic", given="tallies")
def completion_rate_arithmetic(
    tally: Tally, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A tally's counts must add up and its rate must be met/of at its precision."""
    if tally.of is None:
        yield NotApplicable("the tally gives no total (of)")
        return
    if (
        tally.met is not None
        and tally.not_met is not None
        and tally.met + tally.not_met != tally.of
    ):
        yield Fail(
            args={
                "met": tally.met,
                "not_met": tally.not_met,
                "of": tally.of,
                "why_zh": f"{tally.met}+{tally.not_met}={tally.met + tally.not_met}，"
                f"而总数为{tally.of}：某些指标既未计入完成也未计入未完成，或总数口径不同",
                "why_en": f"{tally.met}+{tally.not_met} is {tally.met + tally.not_met}, not "
                f"{tally.of}: some indicators are counted in neither, or the total is another",
            },
            evidence={"counts": f"{tally.met}+{tally.not_met}/{tally.of}"},
            field="of",
            variant="counts",
        )
        return
    met = (
        tally.met
        if tally.met is not None
        else (tally.of - tally.not_met if tally.not_met is not None else None)
    )
    if met is None or tally.rate is None:
        yield NotApplicable("the tally does not give both a count and a rate")
        return
    rate = tally.rate
    if not rate.is_level or (rate.unit is not None and not is_percent(rate.unit)):
        yield NotApplicable("the rate is not a percentage")
        return
    if rate.comparator not in (Comparator.EQ, Comparator.ABOUT):
        yield NotApplicable("the rate is a bound, not a figure")
        return
    assert rate.amount is not None
    exponent = -rate.decimals
    computed = _rate(met, tally.of, exponent)
    if computed == rate.amount:
        return
    why_zh, why_en = _explanations(rate.amount, exponent, tally.of)
    yield Fail(
        args={
            "rate": f"{b.number(rate.amount)}%",
            "met": met,
            "of": tally.of,
            "computed": f"{computed:f}%",
            "why_zh": why_zh,
            "why_en": why_en,
        },
        evidence={"rate": f"{b.number(rate.amount)}%", "counts": f"{met}/{tally.of}"},
        field="rate",
    )


# -- PC904 ---------------------------------------------------------------------------


@check("unevaluated-binding-indicator", given="evaluations")
def unevaluated_binding_indicator(
    evaluation: Evaluation, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """A mid-term or final evaluation reports every 约束性 indicator."""
    if evaluation.kind is EvaluationKind.ANNUAL:
        yield NotApplicable("an annual evaluation need not report every indicator")
        return
    binding = [i for i in index.plan.indicators if i.type is IndicatorType.BINDING]
    if not binding:
        yield NotApplicable("the plan has no 约束性 indicator")
        return
    # A restated figure for another year (the base year, say) is no report on progress.
    reported = {r.indicator for r in evaluation.results if r.actual_year == evaluation.year}
    kind_zh = "中期评估" if evaluation.kind is EvaluationKind.MIDTERM else "总结评估"
    for indicator in binding:
        if indicator.id in reported:
            continue
        yield Fail(
            args={
                "indicator": indicator.name,
                "indicator_id": indicator.id,
                "kind": evaluation.kind.value,
                "kind_zh": kind_zh,
            },
            evidence={"indicator": indicator.id},
            field="results",
        )


# -- PC905 ---------------------------------------------------------------------------


@check("revised-base-year-figure", given="evaluation-results")
def revised_base_year_figure(
    result: EvaluationResult, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """An actual for the base year should be the plan's baseline, or a noted revision."""
    indicator = _indicator(result, index)
    if isinstance(indicator, NotApplicable):
        yield indicator
        return
    baseline = indicator.baseline
    if baseline is None or baseline.year is None or baseline.value is None:
        yield NotApplicable("the indicator has no baseline with a year")
        return
    if result.actual_year != baseline.year:
        yield NotApplicable("the actual is not for the baseline year")
        return
    if result.actual is None or not result.actual.is_level or not baseline.value.is_level:
        yield NotApplicable("the actual or the baseline is not a level")
        return
    try:
        stated, actual, unit = b.in_common_unit(baseline.value, result.actual)
    except QuantityError:
        yield NotApplicable("the actual's unit does not convert to the baseline's (PC302)")
        return
    exponent = max(
        b.significant_exponent(baseline.value, unit), b.significant_exponent(result.actual, unit)
    )
    if b.quantize(stated, exponent) == b.quantize(actual, exponent):
        return
    yield Fail(
        args={
            "indicator": indicator.name,
            "year": baseline.year,
            "actual": b.shown(result.actual),
            "baseline": b.shown(baseline.value),
        },
        evidence={
            "actual": b.shown(result.actual),
            "baseline": b.shown(baseline.value),
            "evaluation": result.evaluation,
        },
        field="actual",
    )
