"""The run's reports held compactly until written, read back equal and in path order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plancheck import Checker
from plancheck.cli import main
from plancheck.engine import report_store
from plancheck.engine._codec import encode_report
from plancheck.engine.report_store import ReportStore
from plancheck.records import PlanReport
from tests.sets.test_plan_sets import LOWER, UPPER

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _reports(folder: Path) -> list[PlanReport]:
    checker = Checker()
    return [checker.check_path(path) for path in sorted(folder.iterdir()) if path.is_dir()]


def test_packed_reports_read_back_equal_in_path_order(tmp_path: Path) -> None:
    reports = _reports(CORPUS)
    assert len(reports) == 2 and reports[0].findings
    store = ReportStore(keep=0)  # every report packed
    for report in reversed(reports):
        store.add(report)
    assert all(entry.report is None for entry in store._entries)
    assert list(store) == reports
    assert sorted(store.files()) == sorted(f for r in reports for f in r.files)


def test_the_set_phase_sees_linking_plans_whole_and_the_others_by_card(tmp_path: Path) -> None:
    for name, text in (("city", UPPER.format(plan_id="city")), ("county", LOWER)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "plan.yaml").write_text(text, encoding="utf-8")
    city, county = _reports(tmp_path)
    store = ReportStore(keep=0)
    store.add(city, 0)
    store.add(county, 1)
    (_, seen_city), (group, seen_county) = store.for_set_phase()
    assert seen_county == county and group == 1  # whole: the set phase adds to it
    assert seen_city.findings == [] and seen_city.card == city.card  # a stand-in
    seen_county.findings.clear()
    assert list(store)[1].findings == []  # what the set phase changed is what is written


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit", "markdown"])
def test_a_run_kept_packed_prints_the_same(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output_format: str,
) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    for name, text in (("city", UPPER.format(plan_id="city")), ("county", LOWER)):
        (tmp_path / "corpus" / name).mkdir()
        (tmp_path / "corpus" / name / "plan.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", "corpus", "--no-cache", "--format", output_format, "--statistics"]
    code = main(args)
    whole = capsys.readouterr().out
    monkeypatch.setattr(report_store, "KEEP", 0)
    packed: list[str] = []

    def encode(report: PlanReport) -> dict[str, object]:
        packed.append(report.path)
        return encode_report(report)

    monkeypatch.setattr(report_store, "encode_report", encode)
    assert main(args) == code == 1
    assert len(packed) == 4  # every plan was packed and read back
    assert capsys.readouterr().out == whole
    assert "PC801" in whole  # the county's link to the city was judged


def test_plans_sharing_an_id_are_seen_whole_even_when_packed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Neither links to anything, but each must be judged (PC806) and keep what the set
    # phase adds; a plan whose id is its own is still only a stand-in.
    for name, plan_id in (("draft", "city"), ("city", "city"), ("town", "town")):
        (tmp_path / name).mkdir()
        text = UPPER.format(plan_id=plan_id)
        (tmp_path / name / "plan.yaml").write_text(text, encoding="utf-8")
    draft, city, town = (Checker().check_path(tmp_path / n) for n in ("draft", "city", "town"))
    store = ReportStore(keep=0)
    for report in (draft, city, town):
        store.add(report)
    seen = [report for _, report in store.for_set_phase()]
    assert seen[:2] == [draft, city] and seen[2].findings == [] and seen[2].card == town.card
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(report_store, "KEEP", 0)
    assert main(["check", ".", "--no-cache", "--select", "PC806", "--format", "json"]) == 1
    assert capsys.readouterr().out.count('"rule": "PC806"') == 2
