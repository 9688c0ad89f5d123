"""The progress view: each indicator against its 序时进度 path in each evaluation.

This is the table an evaluation team starts from: per indicator (约束性 first) the
baseline and final target, and for each evaluation the path value in its data year,
the actual the report gives, the gap (positive: ahead) and where that leaves the
indicator. The judgement is PC901's (same path, same rounding, same tolerance), so
the view sits beside the checks; its records are in ``plancheck.records.progress``,
where the outputs that render it can reach them.
"""

from __future__ import annotations

from decimal import Decimal

from plancheck.checks import _bounds as b
from plancheck.checks._path import ProgressPath, final_target, path_of, standing
from plancheck.model import Evaluation, EvaluationResult, Indicator, IndicatorType, Plan
from plancheck.quantities import QuantityError
from plancheck.records.progress import (
    BEHIND,
    MET,
    NO_ACTUAL,
    NOT_JUDGED,
    ON_TRACK,
    ProgressCell,
    ProgressEvaluation,
    ProgressRow,
    ProgressTable,
)


def _order(indicator: Indicator) -> int:
    return {IndicatorType.BINDING: 0, IndicatorType.EXPECTED: 1}.get(indicator.type, 2)


_Results = dict[str, EvaluationResult]


def _results(evaluation: Evaluation) -> _Results:
    """Each indicator's result for the evaluation's own year (the first, if several),
    gathered once: looking each indicator up in the list is quadratic in a large plan."""
    found: _Results = {}
    for result in evaluation.results:
        if result.actual_year == evaluation.year:
            found.setdefault(result.indicator, result)
    return found


def _cell(
    evaluation: Evaluation,
    results: _Results,
    indicator: Indicator,
    path: ProgressPath | str,
    tolerance: Decimal,
) -> ProgressCell:
    year = evaluation.year
    result = results.get(indicator.id)
    on_path = not isinstance(path, str) and path.start_year < year <= path.end_year
    path_value = path.at(year) if on_path and not isinstance(path, str) else None
    if result is None or result.actual is None:
        assessed = result.status.value if result and result.status else None
        shown_path = None if path_value is None else b.quantize(path_value, -2)
        return ProgressCell(evaluation.id, year, shown_path, None, None, None, NO_ACTUAL, assessed)
    actual = result.actual
    assessed = result.status.value if result.status else None
    written = b.shown(actual) if actual.is_given else str(actual)
    if isinstance(path, str) or not on_path or not actual.is_level:
        note = (
            path
            if isinstance(path, str)
            else (
                "the year is not on the path" if not on_path else b.why_not_level(actual, "actual")
            )
        )
        return ProgressCell(
            evaluation.id, year, None, written, None, None, NOT_JUDGED, assessed, note
        )
    try:
        where = standing(path, year, actual, tolerance)
    except QuantityError:
        note = "the actual's unit does not convert to the indicator's"
        return ProgressCell(
            evaluation.id, year, None, written, None, None, NOT_JUDGED, assessed, note
        )
    status = MET if where.reached else BEHIND if where.behind else ON_TRACK
    return ProgressCell(
        evaluation.id,
        year,
        where.path_value,
        written,
        where.actual,
        where.gap,
        status,
        assessed,
    )


def _row(
    plan: Plan,
    evaluations: list[tuple[Evaluation, _Results]],
    indicator: Indicator,
    tolerance: Decimal,
) -> ProgressRow:
    path = path_of(indicator, plan)
    baseline = indicator.baseline
    target = final_target(indicator, plan)
    cells = tuple(
        _cell(evaluation, results, indicator, path, tolerance)
        for evaluation, results in evaluations
    )
    return ProgressRow(
        indicator=indicator.id,
        name=indicator.name,
        type=indicator.type.value,
        unit=path.unit if not isinstance(path, str) else indicator.unit,
        path_kind=None if isinstance(path, str) else path.kind.value,
        baseline_year=baseline.year if baseline else None,
        baseline=b.shown(baseline.value) if baseline and baseline.value else None,
        target_year=target.year if target else None,
        target=b.shown(target.value) if target and target.value else None,
        cells=cells,
        note=path if isinstance(path, str) else None,
    )


def progress_table(plan: Plan, tolerance: Decimal | float = 0) -> ProgressTable:
    """Every indicator of ``plan`` against its path in each evaluation, 约束性 first."""
    allowed = Decimal(str(tolerance))
    indicators = sorted(plan.indicators, key=_order)  # stable: plan order within a type
    in_order = sorted(plan.evaluations, key=lambda e: (e.year, e.id))
    with_results = [(evaluation, _results(evaluation)) for evaluation in in_order]
    evaluations = tuple(
        ProgressEvaluation(e.id, e.kind.value, e.year, e.issued, e.submitted_to, e.source)
        for e in in_order
    )
    return ProgressTable(
        plan.id,
        plan.title,
        str(plan.period),
        allowed,
        evaluations,
        tuple(_row(plan, with_results, indicator, allowed) for indicator in indicators),
    )
