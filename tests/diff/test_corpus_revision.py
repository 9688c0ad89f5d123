"""The done-when case: the Baoji corpus against a revised copy, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from plancheck import check, load
from plancheck.cli import main
from plancheck.plan_diff import Change, Trend, diff
from plancheck.plan_diff._schema import diff_schema
from tests.conftest import CORPUS, ROOT

from ._revised import revise

# (kind, change, key, [(field, old, new, trend)]) — exactly what was revised.
EXPECTED_CHANGES = [
    (
        "target",
        "changed",
        "indicators/telephone-users/2015",
        [("value", "350万户", "320万户", "weakened")],
    ),
    (
        "project",
        "changed",
        "projects/digital-tv",
        [("funding", "30,000万元", "25,000万元", "lowered")],
    ),
    (
        "project",
        "changed",
        "projects/e-commerce-platform",
        [("funding", "5,000万元", "10,000万元", "raised")],
    ),
    ("project", "removed", "projects/provincial-pilot-zone", []),
    (
        "total",
        "changed",
        "totals/grand-total",
        [("value", "272,340万元", "269,340万元", "lowered")],
    ),
    ("revision", "added", "revisions/2013-mid-term", []),
]
EXPECTED_FUNDING = [
    ("两化融合重点工程", "97500", "94500", "-3000"),
    ("信息服务业重点工程", "14000", "19000", "5000"),
    ("信息网络基础设施重点工程", "105000", "100000", "-5000"),
]
# The lowered 预期性 target has no recorded reason; the dropped project is covered by the
# recorded revision, so PC703 is silent; the total moved by the dropped project's 3,000.
EXPECTED_FINDINGS = [
    ("PC702", "warning", "indicators/telephone-users/2015"),
    ("PC704", "info", "totals/grand-total"),
]


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return revise(tmp_path_factory.mktemp("revision") / "baoji-revised")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_the_library_diff_lists_exactly_the_revision(revised: Path) -> None:
    changes = diff(load(CORPUS), load(revised))
    got = [
        (
            c.kind,
            c.change.value,
            c.key,
            [(f.field, f.old, f.new, f.trend.value if f.trend else None) for f in c.fields],
        )
        for c in changes.changes
    ]
    assert got == EXPECTED_CHANGES
    dropped = changes.get("projects/provincial-pilot-zone")
    assert dropped is not None and dropped.change is Change.REMOVED
    assert dropped.new_note is not None and dropped.new_note.revision == "2013-mid-term"
    funding = changes.funding
    assert funding.currency == "万元"
    assert [(c.category, str(c.old), str(c.new), str(c.delta)) for c in funding.categories] == [
        tuple(row) for row in EXPECTED_FUNDING
    ]
    assert funding.total is not None and str(funding.total.delta) == "-3000"
    assert changes.changes[0].fields[0].trend is Trend.WEAKENED


def test_text_lists_the_changes_and_the_revision_findings(
    revised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(capsys, "diff", str(CORPUS), str(revised))
    assert code == 0  # a warning and an info: below the default fail_on (error)
    assert "~ target indicators/telephone-users/2015  电话用户数 2015" in out
    assert "    value: 350万户 → 320万户 (weakened)" in out
    assert "- project projects/provincial-pilot-zone  省级两化融合试验区建设工程" in out
    assert "    revision: 2013-mid-term；中期评估：省级两化融合试验区改由省级统筹建设" in out
    assert "    合计 / total: 272,340 → 269,340 (-3,000)" in out
    assert "6 changes / 处变化" in out
    # Paths are shown relative to the repository root: match on the plan folder's name.
    assert f"{revised.name}/indicators.yaml:17:22: PC702 [warning]" in out
    assert f"{revised.name}/declarations.yaml:11:5: PC704 [info]" in out
    assert "PC703" not in out and "PC701" not in out
    fail_code, _ = _run(capsys, "diff", str(CORPUS), str(revised), "--fail-on", "warning")
    assert fail_code == 1


def test_json_matches_its_schema_and_says_exactly_the_same(
    revised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out = _run(capsys, "diff", str(CORPUS), str(revised), "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, diff_schema())
    got = [
        (c["kind"], c["change"], c["key"], [tuple(f.values()) for f in c["fields"]])
        for c in document["changes"]
    ]
    assert got == [
        (k, c, key, [tuple(f) for f in fields]) for k, c, key, fields in EXPECTED_CHANGES
    ]
    lines = document["funding"]["categories"]
    assert [tuple(line.values()) for line in lines] == [tuple(row) for row in EXPECTED_FUNDING]
    assert document["funding"]["total"]["delta"] == "-3000"
    found = [(f["rule"], f["severity"], f["subject"]["key"]) for f in document["findings"]]
    assert sorted(found) == EXPECTED_FINDINGS
    dropped = next(c for c in document["changes"] if c["change"] == "removed")
    assert dropped["new_revision"]["revision"] == "2013-mid-term"


def test_markdown_is_a_review_table(revised: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, "diff", str(CORPUS), str(revised), "--format", "markdown")
    assert (
        "| changed | target | `indicators/telephone-users/2015` | 电话用户数 2015 "
        "| value: 350万户 → 320万户 (weakened) |  |"
    ) in out
    assert "| removed | project | `projects/provincial-pilot-zone` |" in out
    assert "| 信息服务业重点工程 | 14,000 | 19,000 | +5,000 |" in out
    assert "| 合计 / total | 272,340 | 269,340 | -3,000 |" in out
    assert "| PC702 | warning | `indicators/telephone-users/2015` |" in out
    assert "| PC704 | info | `totals/grand-total` |" in out
    assert out.count("| PC7") == len(EXPECTED_FINDINGS)


def test_the_same_findings_from_check_with_a_base(revised: Path) -> None:
    report = check(revised, base=load(CORPUS))
    revision = [
        (f.rule, f.severity.value, f.subject.key) for f in report.findings if f.rule >= "PC7"
    ]
    assert sorted(revision) == EXPECTED_FINDINGS


def test_without_an_earlier_version_revision_rules_are_not_applicable() -> None:
    report = check(CORPUS)
    stats = report.plans[0].stats
    assert stats["PC701"].not_applicable == 1 and stats["PC701"].failed == 0
    assert not [f for f in report.findings if f.rule.startswith("PC7")]


def test_diff_output_to_a_file_and_never_over_an_input(
    revised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "diff.md"
    code, printed = _run(
        capsys, "diff", str(CORPUS), str(revised), "--format", "markdown", "-o", str(out)
    )
    assert printed == "" and code == 0
    assert out.read_text(encoding="utf-8").startswith("## 规划修订对比")
    before = (revised / "projects.yaml").read_bytes()
    refused = main(["diff", str(CORPUS), str(revised), "-o", str(revised / "projects.yaml")])
    assert refused == 2
    assert (revised / "projects.yaml").read_bytes() == before
    assert "refusing to overwrite" in capsys.readouterr().err


def test_checked_in_diff_schema_is_current() -> None:
    from plancheck.plan_diff._schema import diff_schema_text

    checked_in = (ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8")
    assert checked_in == diff_schema_text(), "schema is stale: run `nox -s schemas`"
    jsonschema.Draft202012Validator.check_schema(json.loads(checked_in))
