"""Every path the HTML report shows, made relative to the output root like other formats.

The report and its plans' material are rewritten together, so the links between them
(a finding's plan, a source position against the plan's source file) still hold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from plancheck.outputs._common import display_path, subject_name
from plancheck.outputs.html._material import PlanMaterial
from plancheck.records import Finding, Report


def _finding(finding: Finding, root: Path) -> Finding:
    def shown(path: str) -> str:
        return display_path(path, root)

    location = finding.location
    entity = finding.entity
    source = finding.source
    return dataclasses.replace(
        finding,
        location=dataclasses.replace(location, file=shown(location.file)) if location else None,
        entity=dataclasses.replace(entity, file=shown(entity.file)) if entity else None,
        source=dataclasses.replace(source, file=shown(source.file)) if source else None,
        plan=shown(finding.plan),
        subject=dataclasses.replace(finding.subject, name=subject_name(finding.subject, root)),
    )


def relocate(
    report: Report, material: Mapping[str, PlanMaterial], root: Path
) -> tuple[Report, dict[str, PlanMaterial]]:
    moved: dict[Finding, Finding] = {}

    def finding(old: Finding) -> Finding:
        if old not in moved:
            moved[old] = _finding(old, root)
        return moved[old]

    plans = [
        dataclasses.replace(
            plan,
            path=display_path(plan.path, root),
            files=[display_path(file, root) for file in plan.files],
            findings=[finding(f) for f in plan.findings],
        )
        for plan in report.plans
    ]
    relocated = dataclasses.replace(
        report,
        plans=plans,
        waived=[finding(f) for f in report.waived],
        baselined=[finding(f) for f in report.baselined],
        suppressions={finding(f): why for f, why in report.suppressions.items()},
        extra_findings=[finding(f) for f in report.extra_findings],
    )
    shown = {
        display_path(path, root): dataclasses.replace(
            plan, source_file=display_path(plan.source_file, root)
        )
        for path, plan in material.items()
    }
    return relocated, shown
