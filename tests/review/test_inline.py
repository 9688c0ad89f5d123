"""Inline ignores: ``# plancheck: ignore[CODE] reason`` on the finding's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.review import scan_text

from ._helpers import BASE, SELECT, check, write

IGNORED = (
    BASE
    + """\
projects:
  - id: edu   # plancheck: ignore[PC101] 续建项目，经规划处同意
    name: 教育信息化工程
    years: 2019-2022
    funding: 100
"""
)


def test_an_inline_ignore_with_a_reason_suppresses_the_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", IGNORED)
    run = check(capsys, "plan.yaml", *SELECT, "--fail-on", "warning")
    assert run.code == 0, run.out
    assert run.lines("PC101") == [] and run.lines("PC009") == []
    assert "Not counted: 1 waived, 0 baselined" in run.out


def test_an_inline_ignore_without_a_reason_is_PC011_and_suppresses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", IGNORED.replace(" 续建项目，经规划处同意", ""))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 1
    assert run.lines("PC011") == [
        "plan.yaml:7:15: PC011 [error] invalid inline ignore: it gives no reason; "
        "it suppresses nothing"
    ]
    assert len(run.lines("PC101")) == 1


def test_an_inline_ignore_that_suppresses_nothing_is_PC009_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", IGNORED.replace("2019-2022", "2021-2022"))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 0  # a warning
    assert run.lines("PC009") == [
        "plan.yaml:7:15: PC009 [warning] the inline ignore of PC101 suppresses no finding on "
        "this line"
    ]


def test_an_inline_ignore_on_another_line_does_not_suppress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moved = IGNORED.replace("   # plancheck: ignore[PC101] 续建项目，经规划处同意", "").replace(
        "years: 2019-2022", "years: 2019-2022  # plancheck: ignore[PC101] 续建项目"
    )
    write(tmp_path / "plan.yaml", moved)
    run = check(capsys, "plan.yaml", *SELECT)
    assert len(run.lines("PC101")) == 1  # PC101 is located at the project, line 7
    assert run.lines("PC009") == [
        "plan.yaml:9:23: PC009 [warning] the inline ignore of PC101 suppresses no finding on "
        "this line"
    ]


def test_several_codes_on_one_line_each_judged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = (
        BASE + "projects:\n"
        "  - {id: edu, name: 教育信息化工程, years: 2019-2022, funding: 0}"
        "  # plancheck: ignore[PC101, PC202, PC201] 续建项目，省级出资\n"
    )
    write(tmp_path / "plan.yaml", flow)
    run = check(capsys, "plan.yaml", "--select", "PC101,PC201,PC202,review")
    assert run.lines("PC101") == [] and run.lines("PC202") == []
    assert "Not counted: 2 waived" in run.out
    # PC201 ran and found nothing there: only that code is unused.
    assert run.lines("PC009") == [
        "plan.yaml:7:61: PC009 [warning] the inline ignore of PC201 suppresses no finding on "
        "this line"
    ]


def test_a_code_that_is_not_a_rule_is_PC009(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", IGNORED.replace("[PC101]", "[PC101,PC998]"))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.lines("PC101") == []
    assert run.lines("PC009") == [
        "plan.yaml:7:15: PC009 [warning] the inline ignore names PC998, which is not a known rule"
    ]


def test_a_deselected_rule_is_not_judged_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", IGNORED)
    run = check(capsys, "plan.yaml", "--select", "PC202,review", "--fail-on", "warning")
    assert run.code == 0
    assert run.lines("PC009") == []


def test_the_review_rules_can_be_ignored_by_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", IGNORED.replace(" 续建项目，经规划处同意", ""))
    run = check(capsys, "plan.yaml", "--select", "PC101")
    assert run.lines("PC011") == []
    assert len(run.lines("PC101")) == 1  # still suppresses nothing


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("# plancheck: ignore[] 理由", "it names no rule"),
        ("# plancheck: ignore[pc101] 理由", "pc101 is not a rule code"),
        ("# plancheck: ignore PC101 理由", "not a plancheck directive"),
        ("# plancheck: ignroe[PC101] 理由", "not a plancheck directive"),
        ("#plancheck:ignore[PC101]", "it gives no reason"),
        ("# plancheck: ignore[PC101] :", "it gives no reason"),
    ],
)
def test_malformed_directives_are_PC011(
    comment: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path / "plan.yaml",
        IGNORED.replace("# plancheck: ignore[PC101] 续建项目，经规划处同意", comment),
    )
    run = check(capsys, "plan.yaml", *SELECT)
    (invalid,) = run.lines("PC011")
    assert invalid.startswith("plan.yaml:7:15: PC011") and problem in invalid
    assert len(run.lines("PC101")) == 1


def test_an_ignore_in_a_part_file_of_a_plan_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan" / "plan.yaml", BASE + "parts: [projects.yaml]\n")
    write(
        tmp_path / "plan" / "projects.yaml",
        "projects:\n"
        "  - {id: edu, name: 教育信息化工程, years: 2019-2022, funding: 100}"
        "  # plancheck: ignore[PC101] 续建项目\n"
        "  - {id: net, name: 网络工程, years: 2018-2022, funding: 100}\n",
    )
    run = check(capsys, "plan", *SELECT, "--show-waived")
    assert run.lines("PC101") == [
        "plan/projects.yaml:3:5: PC101 [error] implementation years 2018-2022 fall outside the "
        "plan period 2021-2025",
        "plan/projects.yaml:2:5: PC101 [ignored inline] implementation years 2019-2022 fall "
        "outside the plan period 2021-2025",
    ]
    assert "  = inline ignore: 续建项目 (plan/projects.yaml:2)" in run.out


def test_only_comments_are_directives() -> None:
    text = (
        "plancheck: 1\n"
        'title: "see # plancheck: ignore[PC101] in the docs"\n'
        "name: 'it''s # plancheck: ignore[PC101] quoted'\n"
        "quote: it's  # plancheck: ignore[PC101] a real comment\n"
        "url: a#plancheck:ignore[PC101]\n"
        "# plancheck: ignore[PC202] a whole-line comment\n"
    )
    found = [(i.line, i.codes, i.reason) for i in scan_text(text, "p.yaml")]
    assert found == [
        (4, ("PC101",), "a real comment"),
        (6, ("PC202",), "a whole-line comment"),
    ]
