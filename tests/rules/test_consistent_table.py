"""A consistent national indicator table raises no error and no warning.

The fixture (made-up figures) has 2012/2013/2015/2020 columns, 其中 rows including an
FTTH row that overlaps the 城市/农村 split, speeds in Mbps with qualifiers and hedges,
a subset of cities qualified in brackets, changes and a cumulative target, and no 属性
column (declared). The same table with one slip must be caught, so the silence is not
blindness.
"""

from __future__ import annotations

from pathlib import Path

from plancheck import Severity, check

FIXTURE = Path(__file__).parents[1] / "fixtures" / "consistent-national-table.yaml"


def _serious(path: Path) -> list[str]:
    report = check(path)
    return [
        f"{f.rule} {f.subject.key}: {f.message_en}"
        for f in report.findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def test_consistent_table_gives_no_error_and_no_warning() -> None:
    assert _serious(FIXTURE) == []


def test_the_rules_judged_the_table() -> None:
    stats = check(FIXTURE).stats
    # The additive 其中 rows (城市, 农村, FTTH households) were compared with their whole.
    assert stats["PC306"].passed == 3
    assert stats["PC301"].passed >= 10


def test_a_part_above_its_whole_in_the_same_table_is_still_caught(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    slipped = text.replace(
        "      - {year: 2020, value: 3.0}\n", "      - {year: 2020, value: 5.0}\n"
    )
    assert slipped != text
    path = tmp_path / "plan.yaml"
    path.write_text(slipped, encoding="utf-8")
    assert [line.split(":")[0] for line in _serious(path)] == [
        "PC306 indicators/ftth-households/2020"
    ]


def test_without_the_declaration_the_missing_column_is_one_warning(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    undeclared = text.replace("    type_column: false\n", "")
    path = tmp_path / "plan.yaml"
    path.write_text(undeclared, encoding="utf-8")
    assert [line.split(":")[0] for line in _serious(path)] == ["PC307 boxes/1"]
