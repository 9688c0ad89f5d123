"""The constructed county plan (corpus/example-county-2012-2015) checked with the Baoji plan.

It is made up (see its README) to exercise every alignment and evaluation rule; each
finding below is one its comments and README explain. Checking the whole corpus as a
set must leave the Baoji findings exactly as when Baoji is checked alone.
"""

from __future__ import annotations

from plancheck import Checker, Config
from plancheck.engine.batch import check_batch
from plancheck.loading import plan_targets
from tests.conftest import ROOT

from .test_corpus_findings import EXPECTED as BAOJI

COUNTY = {
    ("PC801", "indicators/urban-bandwidth/2015", "warning"),  # 12M under the city's 16M
    ("PC803", "indicators/broadband-households", "error"),  # % linked to 万户
    ("PC804", "claims/city-informatization-index-2015", "error"),  # 0.821 for 0.812
    ("PC805", "plan", "info"),  # 2012-2015 against the city's 2011-2015
    ("PC901", "evaluations/midterm-2013/results/village-broadband", "error"),  # 88 < 90
    ("PC902", "evaluations/midterm-2013/results/village-broadband", "error"),  # "on track"
    ("PC903", "evaluations/midterm-2013/tallies/1", "error"),  # 88.9% is 8/9, not 9/10
    ("PC904", "evaluations/midterm-2013", "error"),  # 宽带入户率 not reported
    ("PC905", "evaluations/midterm-2013/results/broadband-users/2011", "info"),  # 5.2 → 5.4
}


def _findings(config: Config) -> dict[str, set[tuple[str, str, str]]]:
    checker = Checker(config)
    reports = list(check_batch(checker, plan_targets(ROOT / "corpus")))
    checker.check_set(reports)
    return {
        report.plan_id or "": {(f.rule, f.subject.key, f.severity.value) for f in report.findings}
        for report in reports
    }


def test_the_corpus_as_a_set() -> None:
    found = _findings(Config())
    assert found["example-county-2012-2015-informatization"] == COUNTY
    assert found["baoji-2011-2015-informatization"] == BAOJI


def test_require_links_adds_the_province_link() -> None:
    found = _findings(Config(params={"PC802": {"require_links": True}}))
    extra = found["example-county-2012-2015-informatization"] - COUNTY
    assert extra == {("PC802", "indicators/broadband-households", "error")}
