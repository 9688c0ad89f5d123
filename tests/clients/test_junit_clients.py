"""JUnit from real runs with suppressions in play, read by the XSDs CI tools use
(Jenkins' junit-10.xsd, Ant's schema; validated by libxml2) and by junitparser."""

from __future__ import annotations

from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml, Skipped

from tests.clients._workspace import SCENARIOS, render, workspace
from tests.clients.xsd import ANT, JENKINS, xsd_errors


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_jenkins_schema_and_junitparser_accept_the_default(tmp_path: Path, scenario: str) -> None:
    folder, extra = workspace(tmp_path, scenario)
    text = render(folder, "junit", extra)
    assert xsd_errors(text, JENKINS) == []
    report = tmp_path / "junit.xml"
    report.write_text(text, encoding="utf-8")
    parsed = JUnitXml.fromfile(str(report))
    (suite,) = list(parsed)
    results = {case.name: case.result for case in suite}
    failed = {
        name for name, result in results.items() if any(isinstance(r, Failure) for r in result)
    }
    skipped = {
        name for name, result in results.items() if any(isinstance(r, Skipped) for r in result)
    }
    assert suite.failures == len(failed) and suite.skipped == len(skipped)
    assert suite.tests == len(results) and suite.errors == 0
    assert not any(isinstance(r, Error) for result in results.values() for r in result)
    if scenario in ("baseline", "all"):
        assert failed == set()
    else:
        assert "PC403 box-numbering-gap" in failed
    waived = "PC401 unplanned-project"
    if scenario in ("waiver", "all"):
        case = next(c for c in suite if c.name == waived)
        assert "education-informatization" not in "".join(
            r.text or "" for r in case.result if isinstance(r, Failure)
        )
        assert "教育信息化由省教育厅统筹" in (case.system_out or "")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_ant_schema_accepts_the_ant_flavour(tmp_path: Path, scenario: str) -> None:
    folder, extra = workspace(tmp_path, scenario)
    text = render(folder, "junit", extra, "--junit-flavour", "ant")
    assert xsd_errors(text, ANT) == []
    assert xsd_errors(text, JENKINS) == []


def test_an_unreadable_plan_is_an_error_for_junitparser(tmp_path: Path) -> None:
    folder, extra = workspace(tmp_path, "plain")
    (folder / "plans" / "bad.yaml").write_text("plancheck: 1\nid: [unclosed\n", encoding="utf-8")
    text = render(folder, "junit", extra)
    assert xsd_errors(text, JENKINS) == []
    report = tmp_path / "junit.xml"
    report.write_text(text, encoding="utf-8")
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(report))}
    bad = suites["plans/bad.yaml"]
    assert bad.errors == 1 and bad.failures == 0
