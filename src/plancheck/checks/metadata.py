"""Document metadata against the period: a plan issued well into its own period (PC108)
and a 文号 whose 〔year〕 is not the year of issue (PC109)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Fail, NotApplicable, Result
from plancheck.engine.params import CheckParams, NoParams
from plancheck.engine.registry import check
from plancheck.model import Plan


class LateIssuedParams(CheckParams):
    max_months: int = Field(
        default=12,
        ge=0,
        description="Months after the period starts within which a plan is issued "
        "on time (12: during its first year).",
    )


@check("late-issued-plan", given="plan", params=LateIssuedParams)
def late_issued_plan(plan: Plan, index: PlanIndex, params: LateIssuedParams) -> Iterator[Result]:
    """A plan should be issued near the start of its period, not well into it."""
    issued = plan.issued_date
    if issued is None:
        yield NotApplicable("the plan does not say when it was issued")
        return
    # Without a month, the plan is taken as issued as early as that year allows.
    months = (issued.year - plan.period.start) * 12 + (issued.month or 1) - 1
    if months < params.max_months:
        return
    elapsed = plan.period.end - plan.period.start + 1
    yield Fail(
        args={
            "issued": plan.issued or "",
            "period": str(plan.period),
            "months": months,
            "years": elapsed,
        },
        evidence={"issued": plan.issued or "", "period": str(plan.period)},
        field="issued",
    )


@check("mismatched-document-number-year", given="plan")
def mismatched_document_number_year(
    plan: Plan, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """The year in the 文号 (〔2012〕) should be the year the document was issued."""
    issued = plan.issued_date
    year = plan.document_number_year
    if issued is None or year is None:
        yield NotApplicable("the plan does not give both its issue date and a 文号 with a year")
        return
    if year == issued.year:
        return
    yield Fail(
        args={"number": plan.document_number or "", "year": year, "issued": plan.issued or ""},
        evidence={"document_number": plan.document_number or "", "issued": plan.issued or ""},
        field="document_number",
    )
