"""A plan object is judged as its file: in-memory revisions, ``dump`` and fingerprints."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import plancheck
from plancheck import Plan, Report, check, dump, load, parse_value
from plancheck.cli import main
from plancheck.loading import plan_data
from plancheck.quantities import Value, ValueStatus
from tests.conftest import CORPUS


def _judged(report: Report) -> list[tuple[str, str, str, str]]:
    return sorted((f.rule, f.subject.key, f.fingerprint, f.message_en) for f in report.findings)


def _stats(report: Report) -> dict[str, tuple[int, int, int]]:
    return {
        code: (stats.passed, stats.failed, stats.not_applicable)
        for plan in report.plans
        for code, stats in plan.stats.items()
    }


@pytest.fixture(scope="module")
def baoji() -> Plan:
    return load(CORPUS)


def _beside_source(tmp_path: Path, plan: Plan) -> Path:
    shutil.copy(CORPUS / "source.txt", tmp_path / "source.txt")
    return dump(plan, tmp_path)


def test_a_model_copy_revision_is_judged_as_its_dump(baoji: Plan, tmp_path: Path) -> None:
    first = baoji.projects[0]
    # The natural revision: a new amount written as the file writes it, unit implied.
    raised = first.model_copy(update={"funding": parse_value("30,100")})
    revised = baoji.model_copy(update={"projects": [raised, *baoji.projects[1:]]})
    in_memory = check(revised)
    on_disk = check(_beside_source(tmp_path, revised))
    assert _judged(in_memory) == _judged(on_disk)
    assert _stats(in_memory) == _stats(on_disk)
    pc201 = [f for f in in_memory.findings if f.rule == "PC201"]
    assert [f.subject.key for f in pc201] == ["totals/grand-total"]
    assert dict(pc201[0].evidence)["difference"] == "-100万元"
    assert _stats(in_memory)["PC201"] == (0, 1, 0)


def test_a_loaded_plan_is_judged_as_its_file_positions_included(baoji: Plan) -> None:
    from_file, from_object = check(CORPUS), check(baoji)

    def where(report: Report) -> list[tuple[str, str, str, int, int]]:
        return [(f.rule, f.subject.key, f.file, f.line, f.column) for f in report.findings]

    assert where(from_file) == where(from_object)
    assert _stats(from_file) == _stats(from_object)


def test_a_copied_node_keeps_its_position_a_new_one_has_none(baoji: Plan) -> None:
    moved = [baoji.projects[1], baoji.projects[0], *baoji.projects[2:]]
    report = check(baoji.model_copy(update={"projects": moved}))
    key = "projects/education-informatization"
    education = [f for f in report.findings if f.subject.key == key]
    assert education and all(f.line > 1 for f in education)


def test_an_explicit_unit_survives_where_the_context_implies_another(tmp_path: Path) -> None:
    plan = Plan.model_validate(
        {
            "plancheck": 1,
            "id": "units",
            "title": "示例市规划",
            "jurisdiction": {"name": "示例市", "level": "city"},
            "period": "2021-2025",
            "projects": [{"id": "a", "name": "甲工程", "funding": 5000}],
            "totals": [{"id": "t", "label": "合计", "value": "5000万元"}],
        }
    )
    in_yi = Value(None, ValueStatus.GIVEN, amount=Decimal("0.5"), unit="亿元")
    project = plan.projects[0].model_copy(update={"funding": in_yi})
    revised = plan.model_copy(update={"projects": [project]})
    assert [f.rule for f in check(revised).findings if f.rule.startswith("PC2")] == []
    assert "funding: 0.5亿元" in plancheck.loading.dumps(revised)
    again = load(dump(revised, tmp_path / "p.yaml"))
    assert plan_data(again) == plan_data(revised)
    assert again.projects[0].funding is not None
    assert again.projects[0].funding.to("万元").magnitude == 5000


def test_invalid_data_assigned_in_memory_is_a_finding_not_a_traceback(baoji: Plan) -> None:
    broken = baoji.model_copy(update={"period": "二〇一一年"})
    report = check(broken)
    assert [f.rule for f in report.findings] == ["PC002"]
    assert "period" in report.findings[0].message_en


def test_dump_then_load_is_equal_for_the_corpus(baoji: Plan, tmp_path: Path) -> None:
    written = _beside_source(tmp_path, baoji)
    assert written == tmp_path / "plan.yaml"
    again = load(written)
    assert again == baoji.model_copy(update={"parts": []})
    assert again != baoji.model_copy(update={"title": "另一个规划", "parts": []})
    assert _judged(check(written)) == _judged(check(CORPUS))


def test_dump_replaces_a_file_atomically_and_keeps_no_temporary(
    baoji: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old\n", encoding="utf-8")

    def refuse(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        dump(baoji, target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_fingerprint_is_the_one_baselines_record(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(CORPUS), "--write-baseline", str(baseline), "--quiet"]) in (0, 1)
    recorded = sorted(entry["fingerprint"] for entry in json.loads(baseline.read_text())["entries"])
    findings = check(CORPUS).findings
    assert recorded == sorted(f.fingerprint for f in findings if f.rule not in ("PC009", "PC010"))
    assert len({f.fingerprint for f in findings}) > 1


@pytest.mark.parametrize("raw", ["30,100", 30100, Decimal("30100")])
def test_raw_data_assigned_to_an_amount_is_judged_as_its_dump(
    baoji: Plan, raw: object, tmp_path: Path
) -> None:
    # model_copy and assignment skip validation: the amount is the raw data a file holds.
    first = baoji.projects[0].model_copy(update={"funding": raw})
    revised = baoji.model_copy(update={"projects": [first, *baoji.projects[1:]]})
    assert _judged(check(revised)) == _judged(check(_beside_source(tmp_path, revised)))
    funding = load(tmp_path / "plan.yaml").projects[0].funding
    assert funding is not None and funding.to("万元").magnitude == 30100


def test_unreadable_raw_data_assigned_to_an_amount_is_a_finding(baoji: Plan) -> None:
    baoji = baoji.model_copy(deep=True)
    baoji.totals[0].value = "三万"  # type: ignore[assignment]
    (finding,) = [f for f in check(baoji).findings if f.rule == "PC004"]
    assert "三万" in finding.message_en and finding.location is not None
