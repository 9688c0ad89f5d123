"""The worked example: exactly what plancheck finds in the Baoji plan, each checked by hand.

The README's table explains every pair. A change here is a change in what plancheck
says about a real document: check it against source.txt before updating the list.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from plancheck import check
from plancheck.outputs import render_json
from tests.conftest import CORPUS

EXPECTED = {
    # errors: real mistakes of the document
    ("PC403", "boxes/5", "error"),  # 专栏4 is missing (专栏3 -> 专栏5)
    ("PC404", "sections/3.4", "error"),  # 三、（三） is missing (（二） -> （四）)
    ("PC401", "projects/rural-broadband-cable-coverage", "error"),  # no 专栏 (专栏4 gone)
    ("PC401", "projects/precision-agriculture", "error"),
    ("PC401", "projects/agricultural-technology-service-platform", "error"),
    ("PC401", "projects/education-informatization", "error"),  # not in 专栏7
    ("PC304", "claims/enterprise-internet-penetration-2015", "error"),  # text 90%以上, table 100%
    # warnings
    ("PC307", "indicators/informatization-index", "warning"),  # headline index has no type
    ("PC405", "projects/talent-cultivation", "warning"),  # 人才培养 vs 专栏9 人才培育
    # line 45 restates the 装备制造型企业 row as "80%以上大中型企业"
    ("PC310", "claims/deep-application-enterprises-2015", "warning"),
    ("PC502", "projects/two-integration-demonstration", "warning"),  # 相关企业
    ("PC502", "projects/industrial-production-digitization", "warning"),  # 各示范企业
    ("PC502", "projects/equipment-manufacturing-digitization", "warning"),  # 各示范企业
    ("PC502", "projects/china-titanium-valley-platform", "warning"),  # 其他钛产业企业
    ("PC502", "projects/caijiapo-auto-park-platform", "warning"),  # 园区内龙头企业
    ("PC502", "projects/modern-logistics-platform", "warning"),  # 相关企业及园区
    ("PC502", "projects/e-commerce-platform", "warning"),  # 相关企业及园区
    ("PC502", "projects/social-public-information-platform", "warning"),  # …计生局等
    # infos
    ("PC311", "indicators/informatization-index", "info"),  # 信息化综合指数 on line 2
    ("PC601", "counts/ten-agricultural-subnets", "info"),  # 十大子网 lists 7 before 等
    *(
        ("PC105", f"indicators/{name}/2009", "info")  # table baseline column is 2009
        for name in (
            "telephone-users",
            "digital-tv-users",
            "urban-bandwidth",
            "rural-bandwidth",
            "enterprise-internet-penetration",
            "equipment-manufacturing-deep-application",
            "sme-it-application",
            "electronic-information-industry-output",
            "information-services-value-added",
        )
    ),
    *(
        ("PC305", f"claims/{name}", "info")  # text targets with no table indicator
        for name in (
            "village-broadband-2015",
            "broadband-users-2015",
            "demonstration-enterprises-2015-goals",
            "demonstration-projects-2015-goals",
            "rural-computer-ownership-2015",
            "city-approvals-online-2015-goals",
            "county-licensing-online-2015",
            "paperless-counties-2015",
            "enterprises-online-management-2015",
            "demonstration-enterprises-box3",
            "demonstration-projects-box3",
            "e-commerce-volume-2015",
            "city-licensing-online-task",
            "annual-training",
        )
    ),
}


def test_corpus_findings_are_exactly_the_known_problems() -> None:
    report = check(CORPUS)
    found = {(f.rule, f.subject.key, f.severity.value) for f in report.findings}
    assert found == EXPECTED
    assert report.exit_code == 1


def test_every_corpus_finding_points_at_yaml_and_source() -> None:
    for finding in check(CORPUS).findings:
        assert finding.location is not None and finding.location.line >= 1
        assert finding.source is not None and finding.source.file.endswith("source.txt")
        assert finding.source.column is not None


def test_corpus_report_is_byte_identical_across_runs() -> None:
    assert render_json(check(CORPUS)) == render_json(check(CORPUS))


@pytest.mark.parametrize("output_format", ["json", "text", "sarif"])
def test_corpus_report_is_byte_identical_across_processes(output_format: str) -> None:
    # Separate processes with different hash seeds: set and dict iteration orders differ,
    # so any ordering that leaks into the output shows up here.
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "plancheck", "check", str(CORPUS), "--format", output_format],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"},
            check=False,
        )
        assert result.returncode == 1, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_whole_plan_rules_count_every_entity_they_judge() -> None:
    stats = check(CORPUS).stats
    # 8 专栏 judged, one (专栏5, after the gap) failed; 54 sections, one failed.
    assert (stats["PC403"].checked, stats["PC403"].failed) == (8, 1)
    assert (stats["PC404"].checked, stats["PC404"].failed) == (54, 1)
    # The plan period and each of the 31 projects.
    assert (stats["PC102"].checked, stats["PC102"].passed) == (32, 32)
