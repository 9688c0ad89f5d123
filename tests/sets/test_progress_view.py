"""``plancheck progress``: the table an evaluation team starts from."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from plancheck import load, progress_table, render_progress
from plancheck.cli import main
from plancheck.outputs.progress_format import progress_schema_text
from tests.conftest import ROOT

COUNTY = ROOT / "corpus" / "example-county-2012-2015"


def _progress(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["progress", str(COUNTY), *args]) == 0
    return capsys.readouterr().out


def test_json_validates_against_the_checked_in_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = json.loads((ROOT / "schemas" / "progress.schema.json").read_text("utf-8"))
    assert json.loads(progress_schema_text()) == schema
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(_progress(capsys, "--format", "json"))
    jsonschema.validate(document, schema)
    rows = document["indicators"]
    assert [row["type"] for row in rows] == ["binding", "binding", "expected", "expected"]
    village = rows[0]["evaluations"][0]
    assert (village["path"], village["actual"], village["gap"]) == ("90", "88%", "-2")
    assert (village["status"], village["assessed"]) == ("behind", "on-track")
    assert rows[1]["evaluations"][0]["status"] == "no-actual"


def test_text_markdown_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    text = _progress(capsys)
    assert "行政村通宽带比例 (village-broadband)" in text and "behind [on-track]" in text
    assert text.index("village-broadband") < text.index("broadband-users")  # 约束性 first
    markdown = _progress(capsys, "--format", "markdown")
    assert markdown.startswith("# Progress of example-county-2012-2015-informatization")
    rows = list(csv.reader(io.StringIO(_progress(capsys, "--format", "csv"))))
    assert rows[0][:2] == ["indicator", "name"] and len(rows) == 5


def test_output_is_deterministic_and_tolerance_applies() -> None:
    plan = load(COUNTY)
    assert render_progress(progress_table(plan), "json") == render_progress(
        progress_table(plan), "json"
    )
    # 2 points behind a planned change of 20 is 10%: a tolerance of 0.1 accepts it.
    row = progress_table(plan, Decimal("0.1")).rows[0]
    assert row.cells[0].status == "on-track"


def test_compound_path_and_no_path(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        """\
plancheck: 1
id: p
title: 示例
jurisdiction: {name: 示例市, level: city}
period: 2021-2025
indicators:
  - {id: a, name: 产值, unit: 亿元, path: compound, baseline: {year: 2020, value: 100},
     targets: [{year: 2025, value: 200}]}
  - {id: b, name: 指数, targets: [{year: 2025, value: 1}]}
evaluations:
  - id: m
    kind: midterm
    year: 2023
    results: [{indicator: a, actual: 152}, {indicator: b, actual: 0.5}]
""",
        encoding="utf-8",
    )
    table = progress_table(load(path))
    compound, none = table.rows
    assert compound.cells[0].path == Decimal("152")  # 100 × 2^(3/5) = 151.57, at 152's precision
    assert compound.cells[0].status == "on-track"
    assert none.note == "the indicator has no baseline with a year"
    assert none.cells[0].status == "not-judged"


def test_a_missing_or_broken_plan_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["progress", str(tmp_path / "absent")]) == 2
    bad = tmp_path / "plan.yaml"
    bad.write_text("plancheck: 1\nid: [\n", encoding="utf-8")
    assert main(["progress", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "path not found" in err and "PC001" in err


def test_output_never_overwrites_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "progress.json"
    assert main(["progress", str(COUNTY), "--format", "json", "--output", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["plan"]["id"].startswith("example-county")
    assert main(["progress", str(COUNTY), "--output", str(COUNTY / "plan.yaml")]) == 2


class _CountedResults(list[object]):
    """An evaluation's results that count how often they are read through."""

    reads = 0

    def __iter__(self) -> Iterator[object]:
        _CountedResults.reads += 1
        return super().__iter__()


def test_each_evaluation_s_results_are_read_once_not_once_per_indicator(tmp_path: Path) -> None:
    # A scan of the results per indicator made the table quadratic in a large plan.
    count = 300
    indicators = "".join(
        f"  - {{id: i{i}, name: 指标{i}, unit: 万户, baseline: {{year: 2020, value: 5}}, "
        f"targets: [{{year: 2025, value: 9}}]}}\n"
        for i in range(count)
    )
    results = "".join(f"      - {{indicator: i{i}, actual: 7万户}}\n" for i in range(count))
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plancheck: 1\nid: many\ntitle: 示例\njurisdiction: {name: 示例县, level: county}\n"
        f"period: 2021-2025\nindicators:\n{indicators}"
        f"evaluations:\n  - id: mid\n    kind: midterm\n    year: 2023\n    source: x\n"
        f"    results:\n{results}",
        encoding="utf-8",
    )
    plan = load(path)
    (evaluation,) = plan.evaluations
    object.__setattr__(evaluation, "results", _CountedResults(evaluation.results))
    _CountedResults.reads = 0
    table = progress_table(plan)
    assert len(table.rows) == count
    assert {cell.status for row in table.rows for cell in row.cells} == {"on-track"}
    assert _CountedResults.reads <= 2, _CountedResults.reads
