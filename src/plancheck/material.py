"""The plans behind a Report, read again for the HTML report's plan sections.

This sits above the engine and the outputs: it uses the engine's index (the same
project → 专栏 item matching and the same guarded source reading the rules use) and
hands the HTML renderer plain records, so the renderer never runs the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancheck.engine.index import PlanIndex
from plancheck.loading import DEFAULT_MAX_BYTES, MAX_VALUES, load_plan
from plancheck.model import Plan
from plancheck.records import Report

if TYPE_CHECKING:
    from plancheck.outputs.html import PlanMaterial


def plan_material(plan: Plan) -> PlanMaterial:
    """What the HTML report shows of one loaded plan."""
    # Imported here: `plancheck check` imports this module for its html format only.
    from plancheck.outputs.html import PlanMaterial

    index = PlanIndex(plan)
    traced = {project: item.ref for project, item in index.project_box_items.items()}
    source = index.source_text
    return PlanMaterial(
        plan=plan,
        traced=dict(sorted(traced.items())),
        source_file=source.display if source is not None else "",
        source_lines=source.lines if source is not None else (),
    )


def gather_material(
    report: Report, *, max_file_bytes: int = DEFAULT_MAX_BYTES, max_values: int = MAX_VALUES
) -> dict[str, PlanMaterial]:
    """Each readable plan of ``report`` by its path; unreadable plans are left out (the
    report then shows only their findings)."""
    material: dict[str, PlanMaterial] = {}
    for plan_report in report.plans:
        if not plan_report.path:
            continue
        loaded = load_plan(plan_report.path, max_file_bytes=max_file_bytes, max_values=max_values)
        if loaded.plan is not None:
            material[plan_report.path] = plan_material(loaded.plan)
    return material
