"""GitHub workflow commands: one escaped annotation line per finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plancheck.outputs import render
from plancheck.outputs.github_format import escape_data, escape_property, render_github
from plancheck.records import Report

from .conftest import BASELINED, WAIVED, engine_report, hand_findings, hand_report, write_plans

LINE = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),title=(?P<title>[^,:]+)"
    r"::(?P<message>[^\r\n]*)$"
)


def parsed(text: str) -> list[re.Match[str]]:
    assert text.endswith("\n")
    lines = text.splitlines()
    matches = [LINE.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if m is None]
    return [m for m in matches if m is not None]


def test_one_line_per_finding_from_the_engine(relative_report: Report) -> None:
    lines = parsed(render_github(relative_report))
    assert len(lines) == len(relative_report.findings) > 0
    for match, finding in zip(lines, relative_report.findings, strict=True):
        assert match["command"] == "error"
        assert match["file"] == finding.file
        assert (int(match["line"]), int(match["col"])) == (finding.line, finding.column)
        assert match["title"] == f"{finding.rule} {finding.name}"


def test_commands_follow_severity_and_titles_name_the_rule() -> None:
    lines = parsed(render_github(hand_report()))
    commands = {m["title"]: m["command"] for m in lines}
    assert commands["PC101 project-outside-period"] == "error"
    assert commands["PC202 unfunded-project"] == "warning"
    assert commands["PC401 unplanned-project"] == "notice"


def test_newlines_percent_and_property_delimiters_are_escaped() -> None:
    text = render_github(hand_report())
    assert len(text.splitlines()) == len(hand_findings())
    (line,) = [m for m in parsed(text) if m["title"].startswith("PC101")]
    assert line["message"] == (
        "years 2019-2022, outside: 100%25 of%0Athe period%0Ahint: check the years"
    )
    assert escape_property("a,b:c%d\ne\rf") == "a%2Cb%3Ac%25d%0Ae%0Df"
    assert escape_data("a,b:c%d\ne\rf") == "a,b:c%25d%0Ae%0Df"


def test_file_paths_with_commas_and_colons_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    report = engine_report([write_plans(folder)[0]])
    (first, *_) = parsed(render_github(report, root=tmp_path))
    assert first["file"] == "a%2Cb%3Ac/plans/broken.yaml"


def test_chinese_messages_and_suppressed_findings() -> None:
    report = hand_report(lang="zh", waived=[WAIVED], baselined=[BASELINED])
    lines = parsed(render_github(report))
    assert len(lines) == len(hand_findings())
    assert all(m["message"].startswith("〔中文〕") for m in lines)
    assert "waived one" not in render_github(report)
    pc101 = next(m for m in lines if m["title"].startswith("PC101"))
    assert pc101["message"].endswith("%0A提示: 核对实施年度")


def test_no_findings_no_output(tmp_path: Path) -> None:
    clean = next(path for path in write_plans(tmp_path) if path.stem == "clean")
    report = engine_report([clean])
    assert report.findings == []
    assert render_github(report, root=tmp_path) == ""


def test_renders_are_byte_identical(relative_report: Report) -> None:
    assert render_github(relative_report) == render_github(relative_report)
    assert render(relative_report, "github") == render_github(relative_report)


def _many(count: int, severity_index: int) -> Report:
    """A report with ``count`` copies of one hand finding (distinct lines)."""
    from dataclasses import replace

    from plancheck.records import YamlLocation

    base = hand_findings()[severity_index]
    report = hand_report()
    plan = report.plans[0]
    plan.findings = [
        replace(base, location=YamlLocation("plans/x.yaml", 100 + n, 1, "")) for n in range(count)
    ]
    return report


def test_ten_per_type_are_annotated_as_they_are() -> None:
    lines = parsed(render_github(_many(10, 0)))
    assert len(lines) == 10 and all(m["command"] == "error" for m in lines)


def test_beyond_ten_the_last_slot_says_how_many_more() -> None:
    text = render_github(_many(25, 0))
    lines = text.splitlines()
    assert len(lines) == 10
    assert sum(line.startswith("::error file=") for line in lines) == 9
    assert lines[-1].startswith("::error title=plancheck%3A 16 more errors::")
    assert "16 more errors not annotated" in lines[-1]
    # The other types are untouched.
    assert render_github(_many(11, 1)).splitlines()[-1].startswith("::warning title=")


def test_job_summary_is_appended_when_github_asks_for_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib
    import io

    from plancheck.cli import main

    write_plans(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step output\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "plans", "--format", "github"])
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step output\n# ")
    assert "plans/broken.yaml" in text and "PC101" in text
    assert "::error" not in text and "::error" in out.getvalue()
    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", "plans", "--format", "json"])
    assert summary.read_text(encoding="utf-8") == text


def test_no_summary_without_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib
    import io

    from plancheck.cli import main

    write_plans(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", "plans", "--format", "github"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans"]


def test_oversized_summaries_are_cut_with_a_note() -> None:
    from plancheck.cli._summary import MAX_SUMMARY_BYTES, fit

    big = "行\n" * (MAX_SUMMARY_BYTES // 2)
    cut = fit(big, "en")
    assert len(cut.encode("utf-8")) <= MAX_SUMMARY_BYTES
    assert cut.endswith("--format markdown --output.\n")
    assert fit("small\n", "en") == "small\n"
