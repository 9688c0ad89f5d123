"""Semantic baselines: stable under edits that do not touch what a finding is about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancheck.records import fingerprint
from plancheck.review import Baseline, load_baseline

from ._helpers import BASE, SELECT, check, waiver, waivers_file, write

# Two findings: PC101 on `edu` (years) and PC202 on `net` (funding 0).
ORIGINAL = (
    BASE
    + """\
agencies:
  - {id: miit, name: 示例市工业和信息化局}
projects:
  - id: edu
    name: 教育信息化工程
    years: 2019-2022
    funding: 100
  - id: net
    name: 网络工程
    years: 2021-2023
    funding: 0
  - id: gov
    name: 电子政务工程
    years: 2022-2024
    funding: 300
"""
)

REORDERED = (
    BASE
    + """\
projects:
  - id: gov
    funding: 300
    years: 2022-2024
    name: 电子政务工程
  - funding: 0
    id: net
    name: 网络工程
    years: 2021-2023
  - years: 2019-2022
    name: 教育信息化工程
    id: edu
    funding: 100
agencies:
  - {id: miit, name: 示例市工业和信息化局}
"""
)

REFORMATTED = """\
# 示例市“十四五”信息化规划, encoded by hand
plancheck: 1
id: "fixture"
title: 示例市“十四五”信息化规划
jurisdiction:
    name: 示例市
    level: city
    parent: 示例省
period: {start: 2021, end: 2025}

agencies: [{id: miit, name: 示例市工业和信息化局}]   # one agency

projects: [
    {id: edu, name: 教育信息化工程, years: "2019-2022", funding: 100},
    # the network project, funding as printed
    {id: net, name: 网络工程, years: "2021-2023", funding: "0"},
    {id: gov, name: 电子政务工程, years: 2022-2024, funding: 300},
]
"""

WITH_UNRELATED = ORIGINAL.replace(
    "  - id: gov\n",
    "  - {id: cloud, name: 政务云工程, years: 2021-2022, funding: 50}\n  - id: gov\n",
).replace(
    "  - {id: miit, name: 示例市工业和信息化局}\n",
    "  - {id: miit, name: 示例市工业和信息化局}\n  - {id: dsj, name: 示例市大数据局}\n",
)


@pytest.fixture
def baselined(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """plan.yaml holds ORIGINAL and baseline.json accepts its two findings."""
    write(tmp_path / "plan.yaml", ORIGINAL)
    first = check(capsys, "plan.yaml", *SELECT)
    assert first.code == 1 and len(first.lines("PC101")) == len(first.lines("PC202")) == 1
    run = check(capsys, "plan.yaml", *SELECT, "--write-baseline", "baseline.json")
    assert run.code == 0, run.out
    assert run.err == "plancheck: wrote 2 findings to baseline.json\n"
    return tmp_path / "baseline.json"


def test_round_trip(baselined: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(baselined.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert [(e["rule"], e["key"], e["plan"]) for e in document["entries"]] == [
        ("PC101", "projects/edu", "fixture"),
        ("PC202", "projects/net", "fixture"),
    ]
    assert all(
        list(e) == ["fingerprint", "rule", "key", "plan", "message"] for e in document["entries"]
    )
    run = check(capsys, "plan.yaml", *SELECT, "--baseline", "baseline.json")
    assert run.code == 0
    assert run.lines("PC101") == run.lines("PC202") == []
    assert "Not counted: 0 waived, 2 baselined (--show-waived lists them)." in run.out


def test_the_file_is_deterministic_and_written_atomically(
    baselined: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = baselined.read_bytes()
    write(baselined.parent / "plan.yaml", REORDERED)
    check(capsys, "plan.yaml", *SELECT, "--write-baseline", "baseline.json")
    assert baselined.read_bytes() == written
    assert sorted(p.name for p in baselined.parent.iterdir()) == ["baseline.json", "plan.yaml"]


@pytest.mark.parametrize(
    "edited",
    [REORDERED, REFORMATTED, WITH_UNRELATED],
    ids=["reordered", "reformatted", "unrelated-entities-added"],
)
def test_edits_that_change_no_value_create_no_new_finding(
    edited: str, baselined: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(baselined.parent / "plan.yaml", edited)
    run = check(capsys, "plan.yaml", *SELECT, "--baseline", "baseline.json")
    assert run.code == 0, run.out
    assert "2 baselined" in run.out


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [
        ("years: 2019-2022", "years: 2018-2022", "PC101"),
        ("funding: 0", "funding: -5", "PC202"),
        ("  - id: edu\n", "  - id: education\n", "PC101"),
    ],
    ids=["years-changed", "funding-changed", "subject-renamed"],
)
def test_changing_a_value_involved_creates_a_new_finding(
    before: str, after: str, rule: str, baselined: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert before in ORIGINAL
    write(baselined.parent / "plan.yaml", ORIGINAL.replace(before, after))
    run = check(capsys, "plan.yaml", *SELECT, "--baseline", "baseline.json")
    assert run.code == 1
    assert len(run.lines(rule)) == 1
    assert "1 baselined" in run.out  # the other finding is still accepted


def test_a_new_finding_next_to_baselined_ones_fails(
    baselined: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = ORIGINAL + "  - {id: late, name: 后期工程, years: 2025-2026, funding: 10}\n"
    write(baselined.parent / "plan.yaml", added)
    run = check(capsys, "plan.yaml", *SELECT, "--baseline", "baseline.json")
    assert run.code == 1
    (new,) = run.lines("PC101")
    assert "2025-2026" in new


def test_the_baseline_is_a_multiset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = "  - {id: edu, name: 教育信息化工程, years: 2019-2022, funding: 100}\n"
    write(tmp_path / "plan.yaml", BASE + "projects:\n" + project)
    check(capsys, "plan.yaml", "--select", "PC101", "--write-baseline", "one.json")
    # The same project twice (a duplicated id): same fingerprint, two findings.
    write(tmp_path / "plan.yaml", BASE + "projects:\n" + project + project)
    run = check(capsys, "plan.yaml", "--select", "PC101", "--baseline", "one.json")
    assert run.code == 1
    assert len(run.lines("PC101")) == 1 and "1 baselined" in run.out

    check(capsys, "plan.yaml", "--select", "PC101", "--write-baseline", "two.json")
    entries = json.loads((tmp_path / "two.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == 2 and entries[0] == entries[1]
    assert check(capsys, "plan.yaml", "--select", "PC101", "--baseline", "two.json").code == 0


def test_show_waived_lists_waived_inline_and_baselined_with_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = "  - {id: late, name: 后期工程, years: 2025-2026, funding: 10}\n"
    write(tmp_path / "plan.yaml", ORIGINAL + late)
    check(capsys, "plan.yaml", "--select", "PC101", "--write-baseline", "b.json")
    inline = "  - id: edu  # plancheck: ignore[PC101] 续建项目 / continuing\n"
    write(tmp_path / "plan.yaml", ORIGINAL.replace("  - id: edu\n", inline) + late)
    write(tmp_path / "waivers.yaml", waivers_file(waiver(rule="PC202", subject="projects/net")))
    run = check(capsys, "plan.yaml", *SELECT, "--baseline", "b.json", "--show-waived")
    assert run.code == 0, run.out
    shown = run.out[run.out.index("Suppressed findings") :]
    assert shown.splitlines() == [
        "Suppressed findings (not failures):",
        "plan.yaml:9:5: PC101 [ignored inline] implementation years 2019-2022 fall outside "
        "the plan period 2021-2025",
        "  = inline ignore: 续建项目 / continuing (plan.yaml:9)",
        "plan.yaml:16:5: PC202 [waived] funding is 0万元",
        "  = waiver: 续建项目，经规划处同意 / continuing project (approved by 规划处 张三, "
        "expires 2099-12-31; waivers.yaml:2)",
        "plan.yaml:21:5: PC101 [baselined] implementation years 2025-2026 fall outside the "
        "plan period 2021-2025",
        "  = in baseline b.json",
        "",
        "Not counted: 2 waived, 1 baselined.",
    ]
    quiet = check(capsys, "plan.yaml", *SELECT, "--baseline", "b.json")
    assert "Suppressed findings" not in quiet.out
    assert "Not counted: 2 waived, 1 baselined (--show-waived lists them)." in quiet.out
    zh = check(
        capsys, "plan.yaml", *SELECT, "--baseline", "b.json", "--show-waived", "--lang", "zh"
    )
    assert "  = 行内忽略：续建项目 / continuing（plan.yaml:9）" in zh.out
    assert "plan.yaml:21:5: PC101 [已列入基线] 实施年度 2025-2026 超出规划期 2021-2025" in zh.out
    assert "未计入：2 个已豁免，1 个已列入基线。" in zh.out


def test_waived_and_review_findings_are_not_written_to_the_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", ORIGINAL)
    write(
        tmp_path / "waivers.yaml",
        waivers_file(waiver(), waiver(rule="PC202", subject="projects/net", expires="2000-01-01")),
    )
    run = check(capsys, "plan.yaml", *SELECT, "--write-baseline", "b.json")
    assert run.code == 1  # the expired waiver still fails: it cannot be baselined away
    assert len(run.lines("PC010")) == 1
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["rule"], e["key"]) for e in entries] == [("PC202", "projects/net")]


def test_writing_a_baseline_refreshes_it(
    baselined: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(baselined.parent / "plan.yaml", ORIGINAL.replace("years: 2019-2022", "years: 2021-2022"))
    run = check(
        capsys,
        "plan.yaml",
        *SELECT,
        "--baseline",
        "baseline.json",
        "--write-baseline",
        "baseline.json",
    )
    assert run.code == 0
    assert [entry.rule for entry in load_baseline(baselined).entries] == ["PC202"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "cannot read baseline file"),
        ('{"version": 1, "entries": [', "corrupt baseline file: line 1"),
        ("[]", "expected an object with `version` and `entries`"),
        ('{"version": 2, "entries": []}', "unsupported version 2"),
        ('{"version": 1, "entries": {}}', "`entries` must be a list"),
        ('{"version": 1, "entries": [{"fingerprint": "x"}]}', "entry 1 must have"),
        (
            '{"version": 1, "entries": [{"fingerprint": "XYZ", "rule": "PC101", "key": "k",'
            ' "plan": "p", "message": "m"}]}',
            "entry 1 has a malformed fingerprint",
        ),
        ('{"version": 1, "version": 1, "entries": []}', "duplicate key 'version'"),
        ("\xff", "corrupt baseline file"),
    ],
)
def test_a_missing_or_corrupt_baseline_is_exit_2_with_one_line(
    text: str | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "plan.yaml", ORIGINAL)
    if text is not None:
        write(tmp_path / "b.json", text)
    run = check(capsys, "plan.yaml", *SELECT, "--baseline", "b.json")
    assert run.code == 2
    assert run.out == ""
    (line,) = run.err.splitlines()
    assert line.startswith("plancheck: error: b.json: ")
    assert message in line


def test_fingerprints_ignore_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from plancheck import Checker, Config

    checker = Checker(Config(select=["PC101", "PC202"]))
    prints = []
    for text in (ORIGINAL, REORDERED, REFORMATTED):
        plan = write(tmp_path / "p.yaml", text)
        prints.append(sorted(fingerprint(f) for f in checker.check_path(plan).findings))
    assert prints[0] == prints[1] == prints[2]
    assert Baseline().counts() == {}
