"""Dates a plan writes (issued, a revision's date, an evaluation's issued) must exist."""

from __future__ import annotations

from typing import Any

import pytest

from plancheck import check

PLACES = {
    "issued": "issued: '{date}'\n",
    "revisions/0/date": "revisions:\n  - {{id: mid-term, date: '{date}', reason: 调整}}\n",
    "evaluations/0/issued": (
        "evaluations:\n  - {{id: mid, kind: midterm, year: 2023, issued: '{date}'}}\n"
    ),
}


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("date", ["2023", "2023-06", "2023-06-30", "2023-02-31"])
def test_a_year_month_or_day_is_read(write_plan: Any, place: str, date: str) -> None:
    report = check(write_plan(PLACES[place].format(date=date)))
    assert [f for f in report.findings if f.rule == "PC002"] == []


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("date", ["2013-13-45", "2013-00", "2013-06-32", "٢٠١٣", "2013-6-3"])
def test_a_month_or_day_that_no_calendar_has_is_a_schema_violation(
    write_plan: Any, place: str, date: str
) -> None:
    report = check(write_plan(PLACES[place].format(date=date)))
    errors = [f for f in report.findings if f.rule == "PC002"]
    assert [f.location.pointer if f.location else None for f in errors] == [f"/{place}"]
