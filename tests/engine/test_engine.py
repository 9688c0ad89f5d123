"""The engine: internal errors isolated, determinism, configuration errors."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from plancheck import Checker, Config, ConfigError, check
from plancheck.engine.outcome import Fail, Result
from plancheck.engine.registry import CheckSpec
from plancheck.engine.ruleset import ActiveRule
from plancheck.engine.run import run_plan
from plancheck.loading import load_plan
from plancheck.outputs import render_json
from tests.conftest import CORPUS

BODY = """\
projects:
  - {id: a, name: 甲工程, years: 2021-2022, funding: 100}
  - {id: b, name: 乙工程, years: 2019-2022, funding: 0}
"""


def _explode(node: Any, index: Any, params: Mapping[str, Any]) -> Iterator[Result]:
    if node.id == "a":
        raise RuntimeError("boom")
    yield Fail(args={})


def test_a_raising_check_becomes_pc000_and_other_rules_still_run(write_plan: Any) -> None:
    path = write_plan(BODY)
    checker = Checker()
    rule = checker.catalogue.rules["PC202"]
    broken = ActiveRule(rule, rule.severity, {}, CheckSpec("explode", "projects", _explode))
    others = [r for r in checker.rules if r.rule.code in {"PC000", "PC101"}]
    report = run_plan(load_plan(path), [broken, *others])
    codes = sorted((f.rule, f.subject.key) for f in report.findings)
    assert ("PC000", "projects/a") in codes
    assert ("PC202", "projects/b") in codes  # the same rule goes on to the next subject
    assert ("PC101", "projects/b") in codes  # and other rules run
    internal = next(f for f in report.findings if f.rule == "PC000")
    assert "PC202" in internal.message_en and "boom" in internal.message_en


def test_same_input_gives_byte_identical_json(write_plan: Any) -> None:
    path = write_plan(BODY)
    first = render_json(check(path))
    second = render_json(check(path))
    assert first == second
    assert '"PC202"' in first


def test_findings_are_sorted_by_position(write_plan: Any) -> None:
    path = write_plan(BODY)
    findings = check(path).findings
    positions = [(f.file, f.line, f.column, f.rule) for f in findings]
    assert positions == sorted(positions)
    assert len(findings) >= 2


@pytest.mark.parametrize(
    "config",
    [
        Config(select=["PC999"]),
        Config(ignore=["nonsense-family"]),
        Config(severity={"PC998": "warning"}),  # type: ignore[dict-item]
        Config(params={"PC001": {"x": 1}}),
        Config(plugins=["not-installed-plugin"]),
    ],
)
def test_bad_configuration_is_a_clear_error(config: Config) -> None:
    with pytest.raises(Exception) as info:
        Checker(config)
    assert type(info.value).__name__ in {"ConfigError", "PluginError"}
    assert "\n" not in str(info.value)


def test_select_by_family_and_prefix(write_plan: Any) -> None:
    path = write_plan(BODY)
    only_period = {f.rule for f in check(path, Config(select=["period"])).findings}
    assert only_period == {"PC101"}
    by_prefix = {f.rule for f in check(path, Config(select=["PC2"])).findings}
    assert by_prefix == {"PC202"}
    ignored = {f.rule for f in check(path, Config(ignore=["PC202"])).findings}
    assert "PC202" not in ignored and "PC101" in ignored


def test_severity_override_applies(write_plan: Any) -> None:
    path = write_plan(BODY)
    report = check(path, Config(select=["PC202"], severity={"PC202": "info"}))  # type: ignore[dict-item]
    assert [f.severity.value for f in report.findings] == ["info"]
    assert report.exit_code == 0


def test_config_file_errors_are_one_line(tmp_path: Path) -> None:
    from plancheck.engine.config import load_config_file

    bad = tmp_path / ".plancheck.yaml"
    bad.write_text("select: PC401\nunknown_key: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config_file(bad)
    assert ".plancheck.yaml" in str(info.value) and "\n" not in str(info.value)


def test_section_only_source_reference_points_at_the_section_heading(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text("标题\n一、发展目标\n正文\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(
        "plancheck: 1\nid: s\ntitle: t\njurisdiction: {name: 示例市, level: city}\n"
        "period: 2021-2025\nsource_document: {path: source.txt}\n"
        "sections:\n  - {number: 一、, title: 发展目标, source: {line: 2, quote: 一、发展目标}}\n"
        "projects:\n  - {id: p, name: 甲工程, years: 2019-2022, funding: 1, "
        'source: {section: "1"}}\n',
        encoding="utf-8",
    )
    (finding,) = check(tmp_path / "plan.yaml", Config(select=["PC101"])).findings
    assert finding.source is not None
    assert (finding.source.line, finding.source.column) == (2, 1)


@pytest.mark.parametrize("config", [Config(select=["PC401"]), Config(ignore=["input"])])
def test_unreadable_plan_is_reported_whatever_is_selected(config: Config, tmp_path: Path) -> None:
    broken = tmp_path / "plan.yaml"
    broken.write_text("plancheck: 1\nid: [\n", encoding="utf-8")
    report = check(broken, config)
    assert [f.rule for f in report.findings] == ["PC001"]
    assert report.exit_code == 1


@pytest.mark.parametrize(
    "config",
    [Config(ignore=["PC001"]), Config(severity={"PC002": "info"})],  # type: ignore[dict-item]
)
def test_load_rules_cannot_be_ignored_or_downgraded(config: Config) -> None:
    with pytest.raises(ConfigError, match="cannot be ignored"):
        Checker(config)


def test_load_findings_are_never_waived_or_baselined(tmp_path: Path) -> None:
    from datetime import date

    from plancheck.review import apply_review, baseline_of, parse_waivers

    broken = tmp_path / "plan.yaml"
    broken.write_text("plancheck: 1\nid: [\n", encoding="utf-8")
    report = check(broken)
    waivers = parse_waivers(
        "waivers:\n  - {rule: PC001, subject: files/plan.yaml, reason: r, approved_by: a, "
        "expires: 2099-01-01}\n",
        "waivers.yaml",
    )
    reviewed = apply_review(report, waivers, baseline_of(report.findings), today=date(2026, 1, 1))
    assert "PC001" in {f.rule for f in reviewed.findings}
    assert reviewed.exit_code == 1
    assert baseline_of(report.findings).entries == ()


MIXED = """\
agencies:
  - {id: miit, name: 工业和信息化局, parent: nowhere}
projects:
  - {id: a, name: 甲工程, years: 2021-2022, funding: 100, implementers: [{text: 工信局, agency: x}]}
  - {id: a, name: 乙工程, years: 2019-2022, funding: 0}
  - {id: c, name: 丙工程}
totals:
  - {id: t, label: 合计, projects: [a, zz], value: 5}
"""


def _counted(results: list[Any]) -> dict[str, tuple[int, int, int, int, dict[str, int]]]:
    counts: dict[str, list[Any]] = {}
    for result in results:
        entry = counts.setdefault(result.rule, [0, 0, 0, 0, {}])
        entry[0] += 1
        entry[["passed", "failed", "not-applicable"].index(result.outcome) + 1] += 1
        if result.reason:
            entry[4][result.reason] = entry[4].get(result.reason, 0) + 1
    return {code: tuple(entry) for code, entry in counts.items()}  # type: ignore[misc]


def test_verdicts_counted_without_results_add_up_as_the_kept_results(write_plan: Any) -> None:
    # The engine counts verdicts without naming each subject; the counts must be what
    # the per-subject results add up to, failures, reasons and internal errors included.
    path = write_plan(MIXED)
    checker = Checker()
    rule = checker.catalogue.rules["PC202"]
    broken = ActiveRule(rule, rule.severity, {}, CheckSpec("explode", "projects", _explode))
    rules = [broken, *(r for r in checker.rules if r.rule.code != "PC202")]
    full = run_plan(load_plan(path), rules)
    counted = run_plan(load_plan(path), rules, keep_results=False)
    assert not counted.results and counted.findings == full.findings
    assert list(counted.stats) == list(full.stats)
    assert counted.stats == full.stats
    stats = {
        code: (s.checked, s.passed, s.failed, s.not_applicable, s.reasons)
        for code, s in full.stats.items()
    }
    assert stats == _counted(full.results)
    assert {"PC000", "PC005", "PC006", "PC202"} <= {f.rule for f in full.findings}
    assert any(s.not_applicable for s in full.stats.values())


@pytest.mark.parametrize("enabled", [True, False])
def test_checking_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    # The rules run with the collector paused (plancheck._gc); a program that had it on
    # gets it back on, one that had turned it off keeps it off.
    import gc

    from plancheck import Checker

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        report = Checker().check_path(CORPUS)
        assert gc.isenabled() is enabled
        assert report.findings
    finally:
        (gc.enable if was else gc.disable)()
