"""Every entity, field and load problem is placed at the line and column it is written at.

Line and column numbers below are counted by hand from the text each test writes
(HEAD is five lines, so a body starts on line 6). Columns count characters, not bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.loading import load_plan
from tests.loading._plans import HEAD, load_ok, only_diagnostic, write

ENTITIES = (
    HEAD
    + """\
boxes:
  - number: 2
    title: 重点工程
    kind: projects
    items:
      - number: 1
        name: 光纤入户
      - {number: 2, name: 基站建设}
indicators:
  - id: broadband
    name: 宽带用户数
    unit: 万户
    baseline: {year: 2020, value: 12}
    targets:
      - year: 2023
        value: 16
      - {year: 2025, value: 20}
projects:
  - id: p1
    name: 项目一
  - id: p2
    name: 项目二
    category: 信息基础设施
    funding: 1200
"""
)


def _at(location: object) -> tuple[int, int]:
    assert location is not None
    return (location.line, location.column)  # type: ignore[attr-defined]


def test_projects_are_located_at_their_first_key(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.yaml", ENTITIES)
    plan = load_ok(path).plan
    assert plan is not None
    first, second = plan.projects
    assert _at(plan.locate(first)) == (24, 5)
    assert _at(plan.locate(second)) == (26, 5)
    location = plan.locate(second)
    assert location is not None
    assert location.file == path.as_posix()
    assert location.pointer == "/projects/1"


def test_project_fields_are_located_at_their_keys(tmp_path: Path) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", ENTITIES)).plan
    assert plan is not None
    second = plan.projects[1]
    assert _at(plan.locate(second, "category")) == (28, 5)
    assert _at(plan.locate(second, "funding")) == (29, 5)


def test_absent_field_falls_back_to_the_entity(tmp_path: Path) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", ENTITIES)).plan
    assert plan is not None
    assert _at(plan.locate(plan.projects[0], "funding")) == (24, 5)


def test_boxes_and_nested_box_items_are_located(tmp_path: Path) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", ENTITIES)).plan
    assert plan is not None
    box = plan.boxes[0]
    assert _at(plan.locate(box)) == (7, 5)
    assert _at(plan.locate(box, "items")) == (10, 5)
    block_item, flow_item = box.items
    assert _at(plan.locate(block_item)) == (11, 9)
    assert _at(plan.locate(block_item, "name")) == (12, 9)
    # A flow mapping starts at its brace; its keys at their own columns.
    assert _at(plan.locate(flow_item)) == (13, 9)
    assert _at(plan.locate(flow_item, "name")) == (13, 21)


def test_indicator_baseline_and_targets_are_located(tmp_path: Path) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", ENTITIES)).plan
    assert plan is not None
    indicator = plan.indicators[0]
    assert _at(plan.locate(indicator)) == (15, 5)
    assert _at(plan.locate(indicator, "unit")) == (17, 5)
    assert indicator.baseline is not None
    assert _at(plan.locate(indicator.baseline)) == (18, 5)
    block_target, flow_target = indicator.targets
    assert _at(plan.locate(block_target)) == (20, 9)
    assert _at(plan.locate(block_target, "value")) == (21, 9)
    assert _at(plan.locate(flow_target)) == (22, 9)
    assert _at(plan.locate(flow_target, "value")) == (22, 22)


def test_nested_sections_are_located(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
sections:
  - number: 一、
    title: 总体要求
    sections:
      - number: （一）
        title: 指导思想
      - number: （二）
        title: 发展目标
"""
    )
    plan = load_ok(write(tmp_path / "plan.yaml", text)).plan
    assert plan is not None
    top = plan.sections[0]
    assert _at(plan.locate(top)) == (7, 5)
    assert _at(plan.locate(top.sections[1])) == (12, 9)
    assert _at(plan.locate(top.sections[1], "title")) == (13, 9)


def test_plan_metadata_is_located(tmp_path: Path) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", ENTITIES)).plan
    assert plan is not None
    assert _at(plan.locate()) == (1, 1)
    assert _at(plan.locate(None, "period")) == (5, 1)
    assert _at(plan.locate(plan.jurisdiction, "level")) == (4, 27)


# --- schema errors (PC002) ---------------------------------------------------------


def test_unknown_key_is_reported_at_the_key(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - id: p1\n    name: 项目一\n    fundng: 100\n"
    path = write(tmp_path / "plan.yaml", text)
    diagnostic = only_diagnostic(load_plan(path))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (9, 5)
    assert diagnostic.file == path.as_posix()
    assert diagnostic.pointer == "/projects/0/fundng"
    assert "fundng" in diagnostic.message


def test_unknown_key_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - {id: p1, name: 光纤入户工程, fundng: 5}\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (7, 28)


@pytest.mark.parametrize("key", ["note[1]", "str"])
def test_unknown_key_with_a_type_like_name_is_reported_at_the_key(tmp_path: Path, key: str) -> None:
    text = HEAD + f"projects:\n  - id: p1\n    name: 项目一\n    {key}: 备注\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (9, 5)
    assert key in diagnostic.message


def test_missing_required_key_is_reported_at_the_entity(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - id: p1\n    name: 项目一\n  - id: p2\n    category: 无名\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (9, 5)
    assert diagnostic.pointer == "/projects/1/name"
    assert "name" in diagnostic.message


def test_missing_required_key_in_a_flow_entity_is_reported_at_its_brace(
    tmp_path: Path,
) -> None:
    text = (
        HEAD
        + """\
claims:
  - id: c1
    quote: 突破20万户
    value: 突破20万户
  - {id: c2}
"""
    )
    result = load_plan(write(tmp_path / "plan.yaml", text))
    assert result.plan is None
    positions = {(d.code, d.line, d.column, d.pointer) for d in result.diagnostics}
    assert positions == {
        ("PC002", 10, 5, "/claims/1/quote"),
        ("PC002", 10, 5, "/claims/1/value"),
    }


def test_missing_plan_metadata_is_reported_at_the_top(tmp_path: Path) -> None:
    text = HEAD.replace("title: 示例县信息化规划\n", "")
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (1, 1)
    assert "title" in diagnostic.message


def test_wrong_type_is_reported_at_the_field(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
indicators:
  - id: broadband
    name: 宽带用户数
    targets:
      - year: 二〇二五
        value: 20
"""
    )
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (10, 9)
    assert diagnostic.pointer == "/indicators/0/targets/0/year"


def test_wrong_enum_value_in_a_flow_mapping_is_reported_at_its_key(tmp_path: Path) -> None:
    text = HEAD.replace("level: county", "level: town")
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (4, 27)


def test_wrong_list_item_type_is_reported_at_the_item(tmp_path: Path) -> None:
    text = HEAD + "totals:\n  - id: t\n    label: 合计\n    value: 100\n    projects: [p1, [p2]]\n"
    result = load_plan(write(tmp_path / "plan.yaml", text))
    assert result.plan is None
    assert any(
        (d.code, d.line, d.column, d.pointer) == ("PC002", 10, 20, "/totals/0/projects/1")
        for d in result.diagnostics
    ), [str(d) for d in result.diagnostics]


# --- bad quantities (PC004) -----------------------------------------------------------


def test_bad_funding_quantity_is_pc004_at_its_line(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - id: p1\n    name: 项目一\n    funding: 3斤\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC004"
    assert (diagnostic.line, diagnostic.column) == (9, 5)
    assert diagnostic.pointer == "/projects/0/funding"
    assert "3斤" in diagnostic.message


def test_bad_indicator_value_is_pc004_at_its_key(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
indicators:
  - id: i
    name: 指标
    targets:
      - {year: 2025, value: 3斤}
"""
    )
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC004"
    assert (diagnostic.line, diagnostic.column) == (10, 22)


# --- YAML problems (PC001, PC003) -----------------------------------------------------


def test_syntax_error_is_pc001_at_its_line_and_column(tmp_path: Path) -> None:
    text = HEAD + "base_year: 2020\nrevision: a: b\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (7, 12)


def test_tab_indentation_is_pc001_at_its_line(tmp_path: Path) -> None:
    text = HEAD + "projects:\n\t- id: p1\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (7, 1)


def test_control_character_is_pc001_at_its_line(tmp_path: Path) -> None:
    text = HEAD + "revision: a\x01b\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (6, 12)


def test_duplicate_key_is_pc003_at_the_second_occurrence(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - id: p1\n    name: 项目一\n    funding: 100\n    name: 项目二\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC003"
    assert (diagnostic.line, diagnostic.column) == (10, 5)
    assert "first at line 8" in diagnostic.message


def test_duplicate_top_level_key_names_the_first_line(tmp_path: Path) -> None:
    text = HEAD + "id: other\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC003"
    assert (diagnostic.line, diagnostic.column) == (6, 1)
    assert "first at line 2" in diagnostic.message


def test_duplicate_key_in_a_flow_mapping_is_pc003(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - {id: p1, name: 甲, id: p2}\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC003"
    assert (diagnostic.line, diagnostic.column) == (7, 23)
    assert "first at line 7" in diagnostic.message


def test_crlf_line_endings_keep_positions(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - id: p1\n    name: 项目一\n    fundng: 100\n"
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    diagnostic = only_diagnostic(load_plan(path))
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PC002", 9, 5)


def test_unknown_indicator_unit_is_pc004_at_its_field(tmp_path: Path) -> None:
    text = HEAD + "indicators:\n  - id: i\n    name: 指标\n    unit: 斤\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC004"
    assert (diagnostic.line, diagnostic.column) == (9, 5)
