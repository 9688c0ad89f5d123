"""Markdown summary: tables, grouped findings with links, escaping, determinism."""

from __future__ import annotations

from pathlib import Path

from plancheck.outputs import render
from plancheck.outputs.markdown_format import md_escape, render_markdown
from plancheck.records import Report

from .conftest import BASELINED, WAIVED, engine_report, hand_report, write_plans


def section(text: str, heading: str) -> str:
    """The text from ``heading`` to the next heading of the same or higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    rest = text[start + len(heading) + 1 :]
    ends = [rest.find(f"\n{'#' * n} ") for n in range(1, len(level) + 1)]
    end = min([e for e in ends if e >= 0], default=len(rest))
    return rest[:end]


def test_heading_totals_and_rule_tables(relative_report: Report) -> None:
    text = render_markdown(relative_report)
    assert text.startswith("# plancheck report\n")
    assert "| severity | findings |" in text
    errors = sum(1 for f in relative_report.findings if f.severity.value == "error")
    assert f"| error | {errors} |" in text
    assert f"| total | {len(relative_report.findings)} |" in text
    assert "| code | title | failed | checked | n/a |" in text
    for code, stats in relative_report.stats.items():
        title = relative_report.rules[code].title.en
        assert (
            f"| {code} | {md_escape(title)} | {stats.failed} | {stats.checked} | "
            f"{stats.not_applicable} |"
        ) in text
    assert "**Failed**" in text


def test_findings_grouped_by_plan_then_rule_with_links(relative_report: Report) -> None:
    text = render_markdown(relative_report)
    findings = section(text, "## Findings")
    plans = [line for line in findings.splitlines() if line.startswith("### ")]
    assert plans == sorted(plans)
    # Its two bad cells are reported and the rest of it is checked, so it has an id.
    assert "### Plan `plans/broken.yaml` (`fixture`)" in plans
    broken = section(findings, "### Plan `plans/broken.yaml` (`fixture`)")
    rules = [line.split()[1] for line in broken.splitlines() if line.startswith("#### ")]
    assert rules == sorted(rules) and "PC004" in rules
    for finding in relative_report.findings:
        link = f"[{md_escape(f'{finding.file}:{finding.line}')}]({finding.file}#L{finding.line})"
        assert link in text
        assert md_escape(finding.message("en")) in text


def test_subject_name_hint_source_and_escaping() -> None:
    text = render_markdown(hand_report())
    assert "**甲工程, 一期** (`projects/a`)" in text
    assert "  - hint: check the years" in text
    assert "  - source: plans/source.txt:5:3" in text
    # Pipes cannot break the table-free lines either; HTML and links are inert.
    assert "**丙\\|工程**" in text
    assert "project \\<b\\>\\&amp; \ufffd not in any section \\| table" in text
    assert "100% of the period" in text  # newline folded into one line
    assert "<b>" not in text


def test_rules_without_statistics_still_get_a_row() -> None:
    text = render_markdown(hand_report())
    assert "| PC401 | Funded project planned in no 专栏 | 1 | – | – |" in text


def test_chinese_labels() -> None:
    text = render_markdown(hand_report(lang="zh"))
    assert text.startswith("# plancheck 检查报告\n")
    assert "| 级别 | 问题数 |" in text
    assert "| 编号 | 名称 | 未通过 | 已检查 | 不适用 |" in text
    assert "〔中文〕" in text and "  - 提示: 核对实施年度" in text


def test_suppressed_section() -> None:
    text = render_markdown(hand_report(waived=[WAIVED], baselined=[BASELINED]))
    assert "| suppressed | 2 |" in text
    hidden = section(text, "## Suppressed findings")
    assert "waived one" in hidden and "baselined one" in hidden
    assert "*waived in the plancheck configuration* · " in hidden
    assert "waived one" not in section(text, "## Findings")


def test_no_findings(tmp_path: Path) -> None:
    clean = next(path for path in write_plans(tmp_path) if path.stem == "clean")
    text = render_markdown(engine_report([clean]), root=tmp_path)
    assert "No findings." in text
    assert "**Passed**" in text


def test_renders_are_byte_identical(relative_report: Report) -> None:
    assert render_markdown(relative_report) == render_markdown(relative_report)
    assert render(relative_report, "markdown") == render_markdown(relative_report)
    report = hand_report(lang="zh", waived=[WAIVED])
    assert render_markdown(report) == render_markdown(report)
