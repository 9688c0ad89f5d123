"""Waivers as reviewed data: both sides of every decision, through the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plancheck import Checker, Config
from plancheck.review import apply_review, load_waivers, parse_waivers

from ._helpers import (
    CLEAN,
    OUTSIDE,
    SELECT,
    check,
    check_process,
    waiver,
    waivers_file,
    write,
)


def test_a_waiver_suppresses_its_finding_and_the_run_passes(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver()))
    run = check_process("plan.yaml", *SELECT, cwd=tmp_path)
    assert run.code == 0, run.out + run.err
    assert run.lines("PC101") == []
    assert "Not counted: 1 waived, 0 baselined" in run.out


def test_without_the_waiver_the_same_plan_fails(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    run = check_process("plan.yaml", *SELECT, cwd=tmp_path)
    assert run.code == 1
    assert run.lines("PC101") == [
        "plan.yaml:7:5: PC101 [error] implementation years 2019-2022 fall outside the plan "
        "period 2021-2025"
    ]


def test_the_same_waiver_expired_is_PC010_and_the_finding_fails_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(expires="2000-01-01")))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 1
    assert run.lines("PC010") == [
        "waivers.yaml:2:5: PC010 [error] the waiver of PC101 for projects/edu expired on "
        "2000-01-01; the finding counts again"
    ]
    assert len(run.lines("PC101")) == 1
    assert run.lines("PC009") == []  # expired is reported once, as expired


def test_expiry_is_judged_against_an_injected_today(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.yaml", OUTSIDE)
    waivers = parse_waivers(waivers_file(waiver(expires="2026-06-30")), "waivers.yaml")
    checker = Checker(Config(select=["PC101", "review"]))
    report = checker.report([checker.check_path(plan)])

    on_the_day = apply_review(report, waivers, today=date(2026, 6, 30))
    assert [f.rule for f in on_the_day.waived] == ["PC101"]
    assert on_the_day.findings == [] and on_the_day.exit_code == 0

    day_after = apply_review(report, waivers, today=date(2026, 7, 1))
    assert day_after.waived == []
    assert sorted(f.rule for f in day_after.findings) == ["PC010", "PC101"]
    assert day_after.exit_code == 1


def test_an_unmatched_waiver_is_PC009_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", CLEAN)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(), waiver(subject="projects/other")))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 0  # a warning
    assert run.lines("PC009") == [
        "waivers.yaml:2:5: PC009 [warning] the waiver of PC101 for projects/edu matches no finding",
        "waivers.yaml:7:5: PC009 [warning] the waiver of PC101 for projects/other matches no "
        "finding",
    ]
    assert check(capsys, "plan.yaml", *SELECT, "--fail-on", "warning").code == 1


def test_a_matched_waiver_is_not_PC009(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver()))
    run = check(capsys, "plan.yaml", *SELECT, "--fail-on", "warning")
    assert run.code == 0
    assert run.lines("PC009") == []


def test_a_waiver_of_an_unknown_rule_is_PC009(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(rule="PC999")))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.lines("PC009") == [
        "waivers.yaml:2:5: PC009 [warning] the waiver names PC999, which is not a known rule, "
        "so it matches no finding"
    ]


def test_a_waiver_for_a_rule_that_did_not_run_is_not_judged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", CLEAN)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(rule="PC202")))
    run = check(capsys, "plan.yaml", "--select", "PC101,review", "--fail-on", "warning")
    assert run.code == 0
    assert run.lines("PC009") == []


def test_a_reasonless_waiver_is_PC011_and_the_finding_still_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(reason=None)))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 1
    assert run.lines("PC011") == [
        "waivers.yaml:2:5: PC011 [error] invalid waiver: `reason` is missing; it waives nothing"
    ]
    assert len(run.lines("PC101")) == 1
    assert "waived" not in run.out


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (waiver(reason="''"), "`reason` is empty or not text"),
        (waiver(reason="'   '"), "`reason` is empty or not text"),
        (
            "  - {subject: projects/edu, reason: r, approved_by: a, expires: 2099-01-01}\n",
            "`rule` is missing",
        ),
        ("  - {rule: PC101, reason: r, approved_by: a, expires: 2099-01-01}\n", "`subject`"),
        ("  - {rule: PC101, subject: projects/edu, reason: r, expires: 2099-01-01}\n", "approved"),
        ("  - {rule: PC101, subject: projects/edu, reason: r, approved_by: a}\n", "`expires`"),
        (waiver(expires="2099/12/31"), "not a date"),
        (waiver(expires="2099-02-30"), "not a date"),
        (waiver(expires="20991231"), "`expires` is empty or not text"),
        (waiver(expires="2099-W01-1"), "not a date"),
        (waiver(rule="pc101"), "not a rule code"),
        (waiver(plna="fixture"), "unknown field `plna`"),
        (waiver(plan="'bad id'"), "not a plan id"),
        (waiver(revision="2012.10"), "`revision` must be text"),
        ("  - PC101 projects/edu\n", "not a mapping"),
    ],
)
def test_an_invalid_waiver_is_PC011_and_suppresses_nothing(
    entry: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(entry))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 1
    (invalid,) = run.lines("PC011")
    assert invalid.startswith("waivers.yaml:2:")
    assert problem in invalid
    assert len(run.lines("PC101")) == 1


def test_one_invalid_entry_leaves_the_others_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(reason=None, rule="PC202"), waiver()))
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.lines("PC101") == []
    assert len(run.lines("PC011")) == 1
    assert run.code == 1  # the invalid waiver is an error


def test_a_waiver_naming_a_plan_applies_to_that_plan_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(plan="fixture")))
    assert check(capsys, "plan.yaml", *SELECT).code == 0

    write(tmp_path / "waivers.yaml", waivers_file(waiver(plan="another-plan")))
    run = check(capsys, "plan.yaml", *SELECT, "--fail-on", "warning")
    assert len(run.lines("PC101")) == 1
    # Another plan's waiver cannot be judged unused when that plan was not checked.
    assert run.lines("PC009") == []


@pytest.mark.parametrize(
    ("plan_revision", "waiver_revision", "waived"),
    [
        ('"2012-03"', '"2012-03"', True),
        ('"2013-01"', '"2012-03"', False),
        (None, '"2012-03"', False),  # a plan that states no revision: not that revision
        ('"2013-01"', None, True),  # a waiver that names no revision
    ],
)
def test_a_waiver_naming_a_revision(
    plan_revision: str | None,
    waiver_revision: str | None,
    waived: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan = OUTSIDE if plan_revision is None else OUTSIDE + f"revision: {plan_revision}\n"
    write(tmp_path / "plan.yaml", plan)
    extra = {} if waiver_revision is None else {"revision": waiver_revision}
    write(tmp_path / "waivers.yaml", waivers_file(waiver(**extra)))
    run = check(capsys, "plan.yaml", *SELECT)
    assert (run.lines("PC101") == []) is waived
    assert (len(run.lines("PC009")) == 1) is not waived


def test_waivers_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    write(tmp_path / "review" / "accepted.yaml", waivers_file(waiver()))
    write(tmp_path / "waivers.yaml", waivers_file(waiver(expires="2000-01-01")))
    run = check(capsys, "plan.yaml", *SELECT, "--waivers", "review/accepted.yaml")
    assert run.code == 0, run.out
    assert run.lines("PC010") == []  # the waivers.yaml in the cwd is not read


def test_waivers_yaml_beside_the_configuration_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "repo" / ".plancheck.yaml", "fail_on: error\n")
    write(tmp_path / "repo" / "waivers.yaml", waivers_file(waiver()))
    write(tmp_path / "repo" / "plans" / "plan.yaml", OUTSIDE)
    monkeypatch.chdir(tmp_path / "repo" / "plans")
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.code == 0, run.out
    assert "1 waived" in run.out


def test_the_configuration_can_name_the_waivers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / ".plancheck.yaml", "waivers: review/waivers.yaml\n")
    write(tmp_path / "review" / "waivers.yaml", waivers_file(waiver(expires="2000-01-01")))
    write(tmp_path / "plan.yaml", OUTSIDE)
    run = check(capsys, "plan.yaml", *SELECT)
    assert run.lines("PC010")[0].startswith("review/waivers.yaml:2:5: PC010")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "cannot read waivers file"),
        ("waivers: [\n", "YAML syntax error"),
        ("- rule: PC101\n", "the top level must be a mapping"),
        ("waivers: {rule: PC101}\n", "`waivers` must be a list"),
        ("waiver:\n  - rule: PC101\n", "unknown top-level key 'waiver'"),
        ("waivers:\n  - &a {rule: PC101}\n  - *a\n", "anchors are not allowed"),
        ("waivers: []\nwaivers: []\n", "duplicate key"),
    ],
)
def test_an_unusable_waivers_file_stops_the_run_with_one_line(
    text: str | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", OUTSIDE)
    if text is not None:
        write(tmp_path / "w.yaml", text)
    run = check(capsys, "plan.yaml", *SELECT, "--waivers", "w.yaml")
    assert run.code == 2
    assert run.out == ""
    (line,) = run.err.splitlines()
    assert line.startswith("plancheck: error: w.yaml")
    assert message in line


def test_an_empty_waivers_file_waives_nothing(tmp_path: Path) -> None:
    assert load_waivers(write(tmp_path / "a.yaml", "")).waivers == ()
    assert load_waivers(write(tmp_path / "b.yaml", "waivers:\n")).waivers == ()
    assert load_waivers(write(tmp_path / "c.yaml", "waivers: []\n")).waivers == ()


def test_dates_stay_strings_and_are_parsed_strictly() -> None:
    loaded = parse_waivers(waivers_file(waiver(expires="2027-06-30")), "w.yaml")
    (only,) = loaded.waivers
    assert only.expires == date(2027, 6, 30)
    assert only.location.line == 2
    assert only.key == "waivers/PC101/projects/edu"
