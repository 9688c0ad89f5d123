"""Plan sets: set-level rules run after each plan's own rules, over every plan of a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancheck import Checker, Config, check, load
from plancheck.cli import main
from plancheck.engine.planset import PlanSet, run_set
from plancheck.model import Plan
from plancheck.records import PlanReport, fingerprint

UPPER = """\
plancheck: 1
id: {plan_id}
title: 示例市“十二五”规划纲要
jurisdiction: {{name: 示例市, level: city}}
period: 2011-2015
issued: 2011-03
document_number: 示政发〔2011〕8号
indicators:
  - {{id: forest, name: 森林覆盖率, unit: "%", type: binding, targets: [{{year: 2015, value: 42}}]}}
"""

LOWER = """\
plancheck: 1
id: county
title: 示例县“十二五”规划纲要
jurisdiction: {name: 示例县, level: county}
period: 2011-2015
issued: 2011-05
based_on: [《示例市“十二五”规划纲要》（示政发〔2011〕8号）]
indicators:
  - id: forest
    name: 森林覆盖率
    unit: "%"
    targets: [{year: 2015, value: 40}]
    aligns_with: [{plan: city, indicator: forest, relation: not-below}]
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name / "plan.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path.parent


@pytest.fixture
def plans(tmp_path: Path) -> tuple[Path, Path]:
    upper = _write(tmp_path, "city", UPPER.format(plan_id="city"))
    lower = _write(tmp_path, "county", LOWER)
    return upper, lower


def test_each_plan_alone_has_no_set_findings(plans: tuple[Path, Path]) -> None:
    checker = Checker(Config(select=["alignment"]))
    report = checker.check_path(plans[1])
    assert report.findings == []  # the first phase is each plan's own rules only
    assert check(plans[1], Config(select=["alignment"])).findings == []  # a set of one


def test_the_set_phase_reports_on_the_lower_plan_naming_the_upper(
    plans: tuple[Path, Path],
) -> None:
    checker = Checker(Config(select=["PC801"]))
    upper, lower = (checker.check_path(path) for path in plans)
    checker.check_set([upper, lower])
    assert upper.findings == []
    [finding] = lower.findings
    assert finding.subject.key == "indicators/forest/2015"
    assert finding.plan_id == "county"
    assert dict(finding.evidence)["upper"] == "city/forest"
    assert finding.severity.value == "error"  # the upper indicator is 约束性
    assert lower.stats["PC801"].failed == 1


def test_the_fingerprint_covers_the_upper_plan(tmp_path: Path) -> None:
    prints = []
    for name in ("city", "city2"):
        folder = tmp_path / name
        upper = _write(folder, "upper", UPPER.format(plan_id=name))
        lower = _write(folder, "lower", LOWER.replace("plan: city,", f"plan: {name},"))
        checker = Checker(Config(select=["PC801"]))
        reports = [checker.check_path(upper), checker.check_path(lower)]
        checker.check_set(reports)
        prints.append(fingerprint(reports[1].findings[0]))
    assert prints[0] != prints[1]


def test_based_on_resolves_by_document_number_id_or_title(plans: tuple[Path, Path]) -> None:
    upper, lower = load(plans[0]), load(plans[1])
    found = PlanSet([upper, lower])
    assert found.resolve(lower.based_on[0]) is found.get("city")
    assert found.resolve("city") is found.get("city")
    assert found.resolve("示例市“十二五”规划纲要") is found.get("city")
    assert found.resolve("国家“十二五”规划纲要") is None


def test_a_duplicated_plan_id_resolves_to_nothing(plans: tuple[Path, Path]) -> None:
    upper = load(plans[0])
    assert PlanSet([upper, upper.model_copy()]).get("city") is None


def test_cli_checks_the_set_and_parallel_runs_agree(
    plans: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(plans[0].parent)
    assert main(["check", folder, "--select", "alignment", "--format", "json"]) == 1
    serial = capsys.readouterr().out
    assert main(["check", folder, "--select", "alignment", "--format", "json", "-j", "2"]) == 1
    assert capsys.readouterr().out == serial
    rules = sorted(f["rule"] for f in json.loads(serial)["findings"])
    assert rules == ["PC801"]


def test_require_links_turns_a_missing_upper_plan_into_an_error(
    plans: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lower = str(plans[1])
    assert main(["check", lower, "--select", "PC802"]) == 0
    capsys.readouterr()
    assert main(["check", lower, "--select", "PC802", "--require-links"]) == 1
    out = capsys.readouterr().out
    assert "PC802" in out and "city" in out


def test_statistics_count_unjudged_links(plans: tuple[Path, Path]) -> None:
    report = check(plans[1], Config(select=["PC802"]))
    stats = report.stats["PC802"]
    assert (stats.checked, stats.not_applicable) == (1, 1)
    assert "not in the checked set" in next(iter(stats.reasons))


def test_a_quotation_of_an_upper_plan_is_no_unlisted_target(tmp_path: Path) -> None:
    text = LOWER + (
        "claims:\n  - {id: q, quote: 全市森林覆盖率达到42%, year: 2015, value: 42%,"
        " cite: {plan: city, indicator: forest}}\n"
    )
    lower = _write(tmp_path, "county", text)
    report = check(lower, Config(select=["PC305"]))
    assert report.findings == []
    assert report.stats["PC305"].not_applicable == 1


def test_plans_built_in_memory_form_a_set(plans: tuple[Path, Path]) -> None:
    upper, lower = load(plans[0]), load(plans[1])
    upper._path = lower._path = ""  # as if built in memory: no path to read them again
    checker = Checker(Config(select=["PC801"]))
    reports = [checker.check_plan(upper), checker.check_plan(lower)]
    checker.check_set(reports)
    assert [f.subject.key for f in reports[1].findings] == ["indicators/forest/2015"]
    assert reports[0].findings == []


def test_the_set_phase_reads_only_linking_plans_and_the_plans_they_name(
    plans: tuple[Path, Path], tmp_path: Path
) -> None:
    alone = _write(tmp_path, "alone", UPPER.format(plan_id="alone"))
    first = Checker(Config(select=["alignment"]))
    reports = [first.check_path(path) for path in (*plans, alone)]
    assert [r.card.links if r.card else None for r in reports] == [False, True, False]
    read: list[str] = []

    def reading(report: PlanReport) -> Plan | None:
        read.append(Path(report.path).name)
        return load(report.path)

    # As after a cached or parallel run: the reports carry cards, the plans are gone.
    run_set(reports, first.rules, read=reading)
    assert sorted(read) == ["city", "county"]  # never the plan nobody names
    assert [f.rule for f in reports[1].findings] == ["PC801"]
    fresh = [Checker(Config(select=["alignment"])).check_path(p) for p in (*plans, alone)]
    Checker(Config(select=["alignment"])).check_set(fresh)  # reads them from disk
    assert [r.findings for r in fresh] == [r.findings for r in reports]


def test_a_report_without_a_card_is_read_to_learn_whether_it_links(
    plans: tuple[Path, Path],
) -> None:
    checker = Checker(Config(select=["PC801"]))
    reports = [checker.check_path(path) for path in plans]
    for report in reports:
        report.card = None  # as a report built by other code
    Checker(Config(select=["PC801"])).check_set(reports)
    assert [f.rule for f in reports[1].findings] == ["PC801"]


def test_many_linking_plans_are_read_once_each_and_not_held_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancheck.engine import planset

    upper = _write(tmp_path, "city", UPPER.format(plan_id="city"))
    lowers = [
        _write(tmp_path, f"county{n}", LOWER.replace("id: county", f"id: county{n}"))
        for n in range(12)
    ]
    checker = Checker(Config(select=["alignment"]))
    reports = [checker.check_path(path) for path in (upper, *lowers)]
    read: list[str] = []
    held: list[int] = []

    def reading(report: PlanReport) -> Plan | None:
        read.append(Path(report.path).name)
        return load(report.path)

    original = planset.PlanSet.plan

    def watched(self: PlanSet, member: object) -> Plan | None:
        found = original(self, member)  # type: ignore[arg-type]
        held.append(len(self._kept))
        return found

    monkeypatch.setattr(planset, "_KEPT_PLANS", 4)
    monkeypatch.setattr(planset.PlanSet, "plan", watched)
    run_set(reports, checker.rules, read=reading)
    assert sorted(read) == sorted(["city", *(f"county{n}" for n in range(12))])  # once each
    assert max(held) <= 4
    assert all([f.rule for f in report.findings] == ["PC801"] for report in reports[1:])


def test_based_on_resolves_among_many_plans_by_what_the_entry_writes(tmp_path: Path) -> None:
    plans = []
    for n in range(1, 30):
        text = UPPER.format(plan_id=f"city{n}").replace("〔2011〕8号", f"〔2011〕{n}号")
        plans.append(load(_write(tmp_path, f"city{n}", text)))
    found = PlanSet(plans)
    named = found.resolve("《某规划》（示政发〔2011〕17号）")
    assert named is not None and named.plan.id == "city17"
    assert found.resolve("示例市“十二五”规划纲要") is None  # every plan has that title
    assert found.resolve("国家“十二五”规划纲要") is None


def test_a_copy_beside_its_original_is_reported_in_both_and_the_links_say_why(
    plans: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # A draft of the city plan checked in the same run: the county's link to "city" can
    # no longer be resolved, and the run says so instead of going quiet (PC801 and PC805
    # are not applicable, PC806 names each plan's twin).
    _write(plans[0].parent, "city-draft", UPPER.format(plan_id="city"))
    folder = str(plans[0].parent)
    for jobs in ("1", "2"):
        assert main(["check", folder, "--select", "alignment", "--format", "json", "-j", jobs]) == 1
        findings = json.loads(capsys.readouterr().out)["findings"]
        named = {Path(f["file"]).parent.name: f["message"] for f in findings}
        assert sorted(f["rule"] for f in findings) == ["PC806", "PC806"]
        assert "the id of ../city/plan.yaml;" in named["city-draft"]
        assert "the id of ../city-draft/plan.yaml;" in named["city"]


def test_a_plan_whose_id_is_its_own_is_read_again_only_if_it_links(
    plans: tuple[Path, Path], tmp_path: Path
) -> None:
    checker = Checker(Config(select=["alignment"]))
    twin = _write(tmp_path, "twin", UPPER.format(plan_id="county"))
    reports = [checker.check_path(path) for path in (*plans, twin)]
    read: list[str] = []

    def reading(report: PlanReport) -> Plan | None:
        read.append(Path(report.path).name)
        return load(report.path)

    run_set(reports, checker.rules, read=reading)
    # city links to nothing and its id is its own: it is read only as the county names it.
    assert sorted(read) == ["city", "county", "twin"]
    assert [f.rule for f in reports[2].findings] == ["PC806"]
    assert "PC806" in [f.rule for f in reports[1].findings]


def test_many_plans_with_one_id_name_a_few_of_the_others_and_count_the_rest(
    tmp_path: Path,
) -> None:
    checker = Checker(Config(select=["PC806"]))
    folders = [_write(tmp_path, f"copy-{n}", UPPER.format(plan_id="city")) for n in range(6)]
    reports = [checker.check_path(folder) for folder in folders]
    checker.check_set(reports)
    first = reports[0].findings
    assert [f.rule for f in first] == ["PC806"]
    assert first[0].message_en.startswith(
        "plan id “city” is also the id of ../copy-1/plan.yaml, ../copy-2/plan.yaml, "
        "../copy-3/plan.yaml and 2 more;"
    )
    assert "../copy-3/plan.yaml 等 5 个规划 的 id" in first[0].message_zh
    assert all([f.rule for f in report.findings] == ["PC806"] for report in reports)
