"""``plancheck trace``: the traceability matrix on the corpus, in each format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from plancheck.cli import main
from tests.conftest import CORPUS


def _trace(capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    assert main(["trace", str(CORPUS), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_json_matrix_traces_projects_to_box_items(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(_trace(capsys, "json"))
    rows = {row["project_id"]: row for row in document["projects"]}
    assert len(rows) == 31
    assert rows["broadband-access"]["item"] == "2.1"
    assert rows["talent-cultivation"]["item"] == "9.1"
    unplanned = sorted(pid for pid, row in rows.items() if row["item"] == "—")
    assert unplanned == [
        "agricultural-technology-service-platform",
        "education-informatization",
        "precision-agriculture",
        "rural-broadband-cable-coverage",
    ]
    boxes = {entry["box"]: entry for entry in document["boxes"]}
    assert boxes["2"]["funding"] == "105000"  # 30,000 + 30,000 + 45,000 万元
    assert boxes["—"]["projects"] == 4 and boxes["—"]["funding"] == "16000"
    total = sum(int(entry["funding"]) for entry in document["boxes"])
    assert total == 272340


def test_csv_has_one_row_per_project(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.reader(io.StringIO(_trace(capsys, "csv"))))
    assert rows[0][0] == "project_id" and rows[0][-1] == "amount (万元)"
    assert len(rows) == 32


def test_text_lists_totals_per_box(capsys: pytest.CaptureFixture[str]) -> None:
    text = _trace(capsys, "text")
    assert "Totals per 专栏:" in text and "专栏9" in text


def test_trace_of_a_broken_plan_is_exit_2(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "plan.yaml"
    bad.write_text("plancheck: 1\nid: [\n", encoding="utf-8")
    assert main(["trace", str(bad)]) == 2
    assert "PC001" in capsys.readouterr().err
