"""Pathological plans: small inputs (each under 1 MB) built to make a pass quadratic.

Each case once ran for minutes or exhausted memory. They run here in a child process
with a memory limit and a timeout (a timeout is a hang, hence a failure; nothing is
timed), and each asserts what the findings say, so a fix that merely drops work is
caught too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hardening._support import (
    Run,
    assert_one_error_line,
    plan_text,
    run_plancheck,
    write_plan,
)

ONE_MB = 1024 * 1024


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < ONE_MB, (name, path.stat().st_size)
    return path


def _han(seed: int, length: int) -> str:
    """``length`` CJK characters, varied so that their bigrams are mostly distinct."""
    return "".join(chr(0x4E00 + (seed * 7919 + i * 104729) % 20000) for i in range(length))


def _check(folder: Path, *args: str) -> Run:
    return run_plancheck("check", "plan.yaml", "--format", "json", *args, cwd=folder)


def test_one_project_and_one_item_with_60000_character_names(tmp_path: Path) -> None:
    body = (
        "boxes:\n  - number: 1\n    title: 重点工程\n    kind: projects\n    items:\n"
        f"      - {{number: 1, name: {_han(1, 60_000)}}}\n"
        f"projects:\n  - {{id: p, name: {_han(2, 60_000)}, category: 重点工程, funding: 1}}\n"
    )
    _write(tmp_path, "plan.yaml", plan_text(body))
    run = _check(tmp_path, "--select", "PC401,PC402")
    assert {(f["rule"], f["subject"]["key"]) for f in run.findings()} == {
        ("PC401", "projects/p"),
        ("PC402", "boxes/1/items/1"),
    }
    for finding in run.findings():
        # The 60,000-character name is quoted shortened, not in full.
        assert len(finding["message_en"]) <= 4000, len(finding["message_en"])
        assert len(finding["message_zh"]) <= 4000


def test_3000_unplanned_projects_against_3000_items_of_their_box(tmp_path: Path) -> None:
    count = 3000
    items = "".join(
        f"      - {{number: {i}, name: 第{i}号智慧城市建设项目}}\n" for i in range(1, count + 1)
    )
    projects = "".join(
        f"  - {{id: p{i}, name: 第{i}号智慧城市建设工程, category: 重点工程, funding: 1}}\n"
        for i in range(1, count + 1)
    )
    body = (
        "boxes:\n  - number: 1\n    title: 重点工程\n    kind: projects\n    items:\n"
        + items
        + "projects:\n"
        + projects
    )
    _write(tmp_path, "plan.yaml", plan_text(body))
    run = _check(tmp_path, "--select", "PC401")
    findings = {f["subject"]["key"]: f for f in run.findings()}
    assert set(findings) == {f"projects/p{i}" for i in range(1, count + 1)}
    # Each project's near-miss hint names its own counterpart item, the closest one.
    for i in (1, 17, 450, 1999, 3000):
        hint = findings[f"projects/p{i}"]["hint"]
        assert f"item {i} “第{i}号智慧城市建设项目”" in hint, hint


def test_10000_agencies_in_one_parent_cycle_are_one_finding(tmp_path: Path) -> None:
    count = 10_000
    agencies = "".join(
        f"  - {{id: a{i}, name: 机构{i}, kind: government, parent: a{(i + 1) % count}}}\n"
        for i in range(count)
    )
    _write(tmp_path, "plan.yaml", plan_text("agencies:\n" + agencies))
    run = _check(tmp_path, "--select", "PC012")
    (finding,) = run.findings()
    assert finding["subject"]["key"] == "agencies/a0"
    assert "10,000" in finding["message_en"] or "10000" in finding["message_en"]
    assert finding["message_en"].count("→") < 20
    assert len(finding["message_en"]) <= 4000


def test_5000_waivers_against_30000_findings(tmp_path: Path) -> None:
    count = 15_000
    projects = "".join(f"  - {{id: p{i}, name: 工程{i}, funding: 1}}\n" for i in range(count))
    _write(tmp_path, "plan.yaml", plan_text("projects:\n" + projects))
    waived = range(0, count, 3)  # every third project's PC401 finding
    waivers = "".join(
        f"  - {{rule: PC401, subject: projects/p{i}, reason: r, approved_by: a, "
        "expires: 2999-01-01}\n"
        for i in range(0, count, 3)
    )
    _write(tmp_path, "waivers.yaml", "waivers:\n" + waivers)
    run = _check(tmp_path)
    remaining = {f["subject"]["key"] for f in run.findings() if f["rule"] == "PC401"}
    assert remaining == {f"projects/p{i}" for i in range(count) if i % 3}
    # The other rules' findings are all still there.
    assert len([f for f in run.findings() if f["rule"] == "PC503"]) == count
    assert not [f for f in run.findings() if f["rule"] == "PC009"]  # every waiver was used
    assert len(run.document()["suppressed"]) == len(waived)


def test_baseline_of_30000_findings_is_matched_whole(tmp_path: Path) -> None:
    count = 15_000
    projects = "".join(f"  - {{id: p{i}, name: 工程{i}, funding: 1}}\n" for i in range(count))
    _write(tmp_path, "plan.yaml", plan_text("projects:\n" + projects))
    first = _check(tmp_path, "--write-baseline", "baseline.json")
    assert first.code == 0, first.err
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["entries"]
    # PC401 and PC503 for every project, and PC107: none of them states its years.
    assert len(entries) == 3 * count
    again = _check(tmp_path, "--baseline", "baseline.json")
    assert again.code == 0 and again.findings() == []


_PLACEHOLDER_RULE = (
    (Path(__file__).resolve().parents[2] / "rules" / "PC012.yaml")
    .read_text(encoding="utf-8")
    .replace("code: PC012", "code: PC991")
    .replace("name: circular-parent", "name: placeholder-bomb")
)


def test_extra_rule_message_with_a_million_placeholders_is_refused(tmp_path: Path) -> None:
    bomb = "{name}" * 100_000  # 600 KB: the template alone, before any substitution
    rule = _PLACEHOLDER_RULE.replace(
        '  en: "the parents of {kind_en}', f'  en: "{bomb}the parents of {{kind_en}}', 1
    )
    assert bomb in rule
    _write(tmp_path, "bomb.yaml", rule)
    _write(tmp_path, ".plancheck.yaml", "rules: [bomb.yaml]\n")
    write_plan(tmp_path)
    run = _check(tmp_path)
    assert_one_error_line(run, "bomb.yaml", "message")


def test_long_values_in_messages_are_shortened(tmp_path: Path) -> None:
    name = _han(3, 200_000)
    body = f"projects:\n  - {{id: p, name: {name}, category: 重点工程, funding: 1}}\n"
    _write(tmp_path, "plan.yaml", plan_text(body))
    run = _check(tmp_path, "--select", "PC401")
    (finding,) = run.findings()
    assert name[:100] in finding["message_en"]
    assert len(finding["message_en"]) <= 4000
    assert "…" in finding["message_en"]


@pytest.mark.parametrize("words", [60_000])
def test_huge_vague_words_list_is_a_configuration_error(tmp_path: Path, words: int) -> None:
    listing = "".join(f"      - 词{i}\n" for i in range(words))
    _write(tmp_path, ".plancheck.yaml", "params:\n  PC502:\n    vague_words:\n" + listing)
    projects = "".join(
        f"  - {{id: p{i}, name: 工程{i}, implementers_text: 某某单位{i}}}\n" for i in range(3000)
    )
    _write(tmp_path, "plan.yaml", plan_text("projects:\n" + projects))
    run = _check(tmp_path)
    assert_one_error_line(run, ".plancheck.yaml", "vague_words")


def test_26000_projects_added_since_the_earlier_version(tmp_path: Path) -> None:
    # Each change once looked its project up by scanning the plan.
    count = 26_000
    projects = "".join(f"- {{id: p{i},name: p{i},funding: 1}}\n" for i in range(count))
    _write(tmp_path, "old.yaml", plan_text())
    _write(tmp_path, "new.yaml", plan_text("projects:\n" + projects))
    run = run_plancheck("diff", "old.yaml", "new.yaml", "--format", "json", cwd=tmp_path)
    found = [f for f in json.loads(run.out)["findings"] if f["rule"] == "PC703"]
    assert len(found) == count
    assert {f["subject"]["key"] for f in found} == {f"projects/p{i}" for i in range(count)}


def test_html_report_of_24000_untraced_projects(tmp_path: Path) -> None:
    # Each project's row once gathered its findings by scanning all of them.
    count = 24_000
    box = "boxes:\n- {number: 1, title: 重点工程, kind: projects, items: [{number: 1, name: x}]}\n"
    projects = "".join(f"- {{id: p{i},name: p{i},funding: 1}}\n" for i in range(count))
    _write(tmp_path, "plan.yaml", plan_text(box + "projects:\n" + projects))
    run = run_plancheck("check", "plan.yaml", "--select", "PC401", "--format", "html", cwd=tmp_path)
    # Every project is listed as untraced, with a link to its PC401 finding.
    assert run.out.count('<tr class="untraced"') == count
    assert run.out.count('class="badge sev-error" href="#') >= 2 * count
