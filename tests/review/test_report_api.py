"""``apply_review`` as a Python entry point, and the Report fields it fills."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from plancheck import Checker, Config, Report
from plancheck.review import apply_review, baseline_of, parse_waivers

from ._helpers import OUTSIDE, waiver, waivers_file, write


def _report(tmp_path: Path) -> Report:
    checker = Checker(Config(select=["PC101", "review"]))
    return checker.report([checker.check_path(write(tmp_path / "plan.yaml", OUTSIDE))])


def test_new_fields_default_to_empty(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert report.waived == [] and report.baselined == []
    assert report.suppressions == {} and report.extra_findings == []
    assert [f.rule for f in report.findings] == ["PC101"] and report.exit_code == 1


def test_waived_findings_leave_findings_counts_and_exit_code(tmp_path: Path) -> None:
    report = _report(tmp_path)
    waivers = parse_waivers(waivers_file(waiver()), "waivers.yaml")
    reviewed = apply_review(report, waivers=waivers, today=date(2025, 1, 1))
    assert reviewed.findings == [] and reviewed.exit_code == 0
    assert sum(reviewed.counts().values()) == 0
    (finding,) = reviewed.waived
    suppression = reviewed.suppressions[finding]
    assert (suppression.kind, suppression.origin, suppression.expires) == (
        "waiver",
        "waivers.yaml:2",
        "2099-12-31",
    )
    # The input report is left as it was.
    assert [f.rule for f in report.findings] == ["PC101"] and report.waived == []


def test_baselined_findings_leave_findings_and_exit_code(tmp_path: Path) -> None:
    report = _report(tmp_path)
    baseline = baseline_of(report.findings, "b.json")
    reviewed = apply_review(report, baseline=baseline)
    assert reviewed.findings == [] and reviewed.exit_code == 0
    assert [f.rule for f in reviewed.baselined] == ["PC101"]
    assert reviewed.suppressions[reviewed.baselined[0]].kind == "baseline"


def test_waiver_findings_are_extra_findings_and_count(tmp_path: Path) -> None:
    report = _report(tmp_path)
    waivers = parse_waivers(waivers_file(waiver(expires="2024-12-31")), "waivers.yaml")
    reviewed = apply_review(report, waivers=waivers, today=date(2025, 1, 1))
    assert [f.rule for f in reviewed.extra_findings] == ["PC010"]
    assert sorted(f.rule for f in reviewed.findings) == ["PC010", "PC101"]
    assert reviewed.extra_findings[0].location is not None
    assert reviewed.extra_findings[0].location.line == 2


def test_severities_decide_which_review_rules_report(tmp_path: Path) -> None:
    from plancheck import Severity

    report = _report(tmp_path)
    waivers = parse_waivers(waivers_file(waiver(subject="projects/none")), "waivers.yaml")
    quiet = apply_review(report, waivers=waivers, severities={"PC101": Severity.ERROR})
    assert [f.rule for f in quiet.findings] == ["PC101"]
    louder = apply_review(
        report, waivers=waivers, severities={"PC101": Severity.ERROR, "PC009": Severity.ERROR}
    )
    assert {(f.rule, f.severity) for f in louder.findings} == {
        ("PC101", Severity.ERROR),
        ("PC009", Severity.ERROR),
    }
