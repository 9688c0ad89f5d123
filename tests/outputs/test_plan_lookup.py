"""Placing a finding in its plan: by the plan's path, else by a file the plan read."""

from __future__ import annotations

from plancheck.outputs._common import PlanLookup
from plancheck.records import Finding, PlanReport, Severity, Subject, YamlLocation


def _finding(plan: str, file: str) -> Finding:
    return Finding(
        rule="PC101",
        name="n",
        severity=Severity.ERROR,
        message_zh="中",
        message_en="en",
        subject=Subject("projects/a", "project", "a", "甲"),
        location=YamlLocation(file, 1, 1, "/projects/0"),
        plan=plan,
    )


def test_by_path_then_by_file_first_plan_wins() -> None:
    a = PlanReport("a", "a", files=["a/plan.yaml", "shared.yaml"])
    b = PlanReport("b", "b", files=["b/plan.yaml", "shared.yaml"])
    lookup = PlanLookup([a, b])
    assert lookup(_finding("b", "shared.yaml")) is b  # the plan named wins over the file
    assert lookup(_finding("", "shared.yaml")) is a  # else the first plan that read it
    assert lookup(_finding("gone", "b/plan.yaml")) is b
    assert lookup(_finding("", "waivers.yaml")) is None


def test_every_plan_of_a_large_run_is_found() -> None:
    plans = [PlanReport(f"p{i}", f"p{i}", files=[f"p{i}/plan.yaml"]) for i in range(20_000)]
    lookup = PlanLookup(plans)
    found = [lookup(_finding("", f"p{i}/plan.yaml")) for i in range(0, 20_000, 7)]
    assert found == plans[::7]
