"""The HTML review report: one self-contained file a reviewer opens offline.

Styles are inline, charts are SVG drawn here, there is no script and nothing is
fetched. Every string from plan data is escaped. The Report alone gives the summary,
findings, coverage and suppressed findings; the plan sections (funding,
traceability, indicators, source excerpts) need each plan's :class:`PlanMaterial`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from plancheck.outputs._common import root_path
from plancheck.outputs.html._material import IndicatorPoint, PlanMaterial
from plancheck.outputs.html._page import page
from plancheck.outputs.html._relocate import relocate
from plancheck.records import Report


def render_html(
    report: Report,
    material: Mapping[str, PlanMaterial] | None = None,
    *,
    root: str | os.PathLike[str] | None = None,
) -> str:
    """The report as one HTML document; ``material`` maps plan paths (``PlanReport.path``)
    to the plans as read. Paths are shown relative to ``root`` (default: the repository
    root, else the working directory), as in every other format."""
    shown, shown_material = relocate(report, material or {}, root_path(root))
    return page(shown, shown_material)


__all__ = ["IndicatorPoint", "PlanMaterial", "render_html"]
