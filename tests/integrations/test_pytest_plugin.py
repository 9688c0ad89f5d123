"""The pytest plugin of plancheck.integrations.pytest_plugin, run in inner pytest sessions."""

from __future__ import annotations

import pytest

from plancheck import Checker

pytest_plugins = ["pytester"]

# The inner sessions run in this process, and pytester forgets the modules they import;
# building a checker here imports the built-in checks once, for good, so the inner
# sessions do not register them a second time.
Checker()

PLUGIN = ("-p", "plancheck.integrations.pytest_plugin")

# A small plan with no finding at all (the example of docs/format.md).
CLEAN = """\
plancheck: 1
id: example
title: 示例县“十四五”信息化规划
jurisdiction: {name: 示例县, level: county, parent: 示例市}
period: 2021-2025
sections:
  - {number: 一、, title: 发展目标}
  - {number: 二、, title: 重点工程}
boxes:
  - number: 1
    title: 信息基础设施重点工程
    section: "2"
    kind: projects
    items:
      - {number: 1, name: 光纤入户工程}
agencies:
  - {id: county-miit, name: 示例县工业和信息化局, aliases: [工信局], kind: government}
projects:
  - id: fibre-to-home
    name: 光纤入户工程
    category: 信息基础设施重点工程
    implementers: [{text: 工信局, agency: county-miit}]
    years: 2021-2023
    funding: "1,200"
totals:
  - {id: grand-total, label: 合计, value: 1200万元}
"""

# The same plan whose 合计 disagrees with the funding: PC201 (error) on line 25.
BROKEN = CLEAN.replace("value: 1200万元", "value: 1300万元")

# A 专栏 item no project traces to: PC402, a warning only.
WARNING_ONLY = CLEAN.replace(
    "      - {number: 1, name: 光纤入户工程}",
    "      - {number: 1, name: 光纤入户工程}\n      - {number: 2, name: 数据中心工程}",
)


def _plans(pytester: pytest.Pytester, **files: str) -> None:
    pytester.makefile(".yaml", **files)


def test_clean_plan_passes_and_broken_plan_fails_with_its_finding(
    pytester: pytest.Pytester,
) -> None:
    _plans(pytester, clean=CLEAN, broken=BROKEN, notes="title: not a plan\n")
    result = pytester.runpytest(*PLUGIN, "--plancheck", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*broken.yaml::plancheck FAILED*",
            "*clean.yaml::plancheck PASSED*",
            "broken.yaml:*:*: PC201 [[]error[]] 合计 1,300万元 differs*",
        ]
    )
    line = next(n for n, text in enumerate(BROKEN.splitlines(), 1) if "1300" in text)
    assert any(text.startswith(f"broken.yaml:{line}:") for text in result.stdout.lines)
    result.stdout.no_fnmatch_line("*notes.yaml*")


def test_without_the_option_nothing_is_collected(pytester: pytest.Pytester) -> None:
    _plans(pytester, broken=BROKEN)
    result = pytester.runpytest(*PLUGIN)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.assert_outcomes()


def test_fail_on_sets_the_failing_severity(pytester: pytest.Pytester) -> None:
    _plans(pytester, plan=WARNING_ONLY)
    pytester.runpytest(*PLUGIN, "--plancheck").assert_outcomes(passed=1)
    strict = pytester.runpytest(*PLUGIN, "--plancheck", "--plancheck-fail-on", "warning")
    strict.assert_outcomes(failed=1)
    strict.stdout.fnmatch_lines(["*plan.yaml:*:*: PC402 *"])


def test_a_plan_directory_is_one_item(pytester: pytest.Pytester) -> None:
    head, _, rest = BROKEN.partition("projects:\n")
    body, _, tail = rest.partition("totals:\n")
    folder = pytester.mkdir("county")
    (folder / "plan.yaml").write_text(
        head + "parts: [projects.yaml]\ntotals:\n" + tail, encoding="utf-8"
    )
    (folder / "projects.yaml").write_text("projects:\n" + body, encoding="utf-8")
    result = pytester.runpytest(*PLUGIN, "--plancheck", "-v")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*county/plan.yaml::plancheck FAILED*", "*PC201*"])
    result.stdout.no_fnmatch_line("*projects.yaml::plancheck*")


def test_the_fixture_checks_paths_and_plans(pytester: pytest.Pytester) -> None:
    _plans(pytester, clean=CLEAN, broken=BROKEN)
    pytester.makepyfile(
        """
        from pathlib import Path

        from plancheck import load


        def test_fixture(plancheck_check):
            assert plancheck_check(Path("clean.yaml")).exit_code == 0
            report = plancheck_check("broken.yaml")
            assert [f.rule for f in report.findings] == ["PC201"]
            assert report.exit_code == 1
            assert plancheck_check("broken.yaml", ignore=["PC201"]).findings == []
            assert plancheck_check(load("broken.yaml"), select=["PC2"]).exit_code == 1
        """
    )
    pytester.runpytest(*PLUGIN).assert_outcomes(passed=1)
