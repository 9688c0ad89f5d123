"""The public strategies for plan parts and whole plans: models, validated from data."""

from __future__ import annotations

from hypothesis import strategies as st

from plancheck.model import Agency, Indicator, Plan, Project
from plancheck.quantities import Value, parse_value

from . import _data
from ._data import AMOUNT_UNITS, PlanShape


def quantities(
    unit: str | None = None, *, comparators: bool = False, max_value: int = 1_000_000
) -> st.SearchStrategy[Value]:
    """Amounts as plans write them, read: ``3亿元``, ``30,000万元``, ``80%以上``, full-width
    digits. ``unit`` fixes the unit (``"万元"``, ``"%"``, ``"万户"`` …; default: any
    Chinese unit plans use, or none); ``comparators`` allows 以上, 突破, 约 …"""
    units = AMOUNT_UNITS if unit is None else (unit,)
    return _data.amounts(units, comparators=comparators, max_value=max_value).map(parse_value)


def agencies(jurisdiction: str = "示例市", *, max_size: int = 4) -> st.SearchStrategy[list[Agency]]:
    """Government departments of ``jurisdiction`` with distinct names and aliases."""
    rows = _data.agencies(jurisdiction, max_size=max_size)
    return rows.map(lambda found: [Agency.model_validate(row) for row in found])


def indicators(
    period: tuple[int, int] = (2021, 2025), *, min_size: int = 1, max_size: int = 3
) -> st.SearchStrategy[list[Indicator]]:
    """Typed indicators with a direction, a baseline the year before ``period`` and a
    target in its last year that improves on it (distinct ids and names)."""
    rows = _data.indicators(period, box=None, min_size=min_size, max_size=max_size)
    return rows.map(lambda found: [Indicator.model_validate(row) for row in found])


def projects(
    period: tuple[int, int] = (2021, 2025), *, currency: str = "万元"
) -> st.SearchStrategy[list[Project]]:
    """Funded projects within ``period``, each under its 专栏's title, implemented by
    government departments; bare amounts are in ``currency``."""
    rows = _data.projects(period, currency=currency)
    return rows.map(lambda found: [Project.model_validate(row) for row in found])


def plans(
    *,
    period: tuple[int, int] | None = None,
    currency: str | None = None,
    max_sections: int = 4,
    max_boxes: int = 3,
    max_indicators: int = 3,
    max_agencies: int = 4,
) -> st.SearchStrategy[Plan]:
    """Whole plans that pass every rule: no finding at all.

    Every project is planned by name in a 专栏 of projects and listed under its title,
    runs within the period and is implemented by a government department; the 合计 is
    the exact sum of the funding (written in 元, 万元, 亿元 or bare, in the plan's
    ``currency``); sections and 专栏 are numbered without gaps; indicators are typed,
    with a baseline the year before the period and targets improving on it. ``period``
    (default: a five-year plan from 2006 to 2030) and ``currency`` (default: drawn) fix
    them; the ``max_*`` bound the sizes. Examples shrink to one section, one 专栏 with
    one project, one agency and no indicator.
    """
    start, end = period if period is not None else (None, None)
    shape = PlanShape(start, end, currency, max_sections, max_boxes, max_indicators, max_agencies)
    return _data.consistent_plan(shape).map(Plan.model_validate)
