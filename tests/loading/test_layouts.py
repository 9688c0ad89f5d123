"""A plan as one file and as a directory of plan.yaml plus part files."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.loading import load, load_plan
from tests.loading._plans import HEAD, load_ok, only_diagnostic, write

SINGLE = (
    HEAD
    + """\
agencies:
  - {id: miit, name: 工信局, kind: government}
projects:
  - {id: p0, name: 零号工程, funding: 10}
  - {id: p1, name: 一号工程, funding: 20}
  - {id: p2, name: 二号工程, funding: 30}
totals:
  - {id: all, label: 合计, value: 60}
"""
)

PLAN_YAML = (
    HEAD
    + """\
parts:
  - parts/a.yaml
  - parts/b.yaml
agencies:
  - {id: miit, name: 工信局, kind: government}
projects:
  - {id: p0, name: 零号工程, funding: 10}
"""
)

PART_A = """\
projects:
  - {id: p1, name: 一号工程, funding: 20}
totals:
  - {id: all, label: 合计, value: 60}
"""

PART_B = """\
# 第二部分
projects:
  - id: p2
    name: 二号工程
    funding: 30
"""


def _directory_plan(root: Path, plan_yaml: str = PLAN_YAML) -> Path:
    write(root / "plan.yaml", plan_yaml)
    write(root / "parts" / "a.yaml", PART_A)
    write(root / "parts" / "b.yaml", PART_B)
    return root


def _plan_with_parts(root: Path, entries: str) -> Path:
    """A plan directory whose plan.yaml lists ``entries`` (YAML text after ``parts:``)."""
    write(root / "plan.yaml", HEAD + "parts:" + entries)
    return root


# --- equivalence and merging ------------------------------------------------------------


def test_single_file_and_directory_give_the_same_model(tmp_path: Path) -> None:
    single = load(write(tmp_path / "single.yaml", SINGLE))
    split = load(_directory_plan(tmp_path / "split"))
    assert split.parts == ["parts/a.yaml", "parts/b.yaml"]
    assert split.model_dump(exclude={"parts"}) == single.model_dump(exclude={"parts"})
    assert split.model_dump(mode="json", exclude={"parts"}) == single.model_dump(
        mode="json", exclude={"parts"}
    )


def test_directory_and_its_plan_yaml_load_the_same_plan(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    assert load(root).model_dump() == load(root / "plan.yaml").model_dump()


def test_part_lists_are_appended_in_parts_order_after_plan_yaml(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    write(
        root / "plan.yaml",
        HEAD + "parts: [b.yaml, a.yaml]\nprojects:\n  - {id: p0, name: 零}\n",
    )
    write(root / "a.yaml", "projects:\n  - {id: a1, name: 甲一}\n  - {id: a2, name: 甲二}\n")
    write(root / "b.yaml", "projects:\n  - {id: b1, name: 乙一}\n")
    plan = load(root)
    assert [p.id for p in plan.projects] == ["p0", "b1", "a1", "a2"]


def test_part_may_add_a_list_plan_yaml_does_not_have(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    write(root / "plan.yaml", HEAD + "parts: [claims.yaml]\n")
    write(root / "claims.yaml", "claims:\n  - {id: c1, quote: 突破20万户, value: 突破20万户}\n")
    plan = load(root)
    assert [c.id for c in plan.claims] == ["c1"]


def test_load_result_lists_every_file_read(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    result = load_ok(root)
    assert result.files == [
        (root / "plan.yaml").as_posix(),
        (root / "parts" / "a.yaml").as_posix(),
        (root / "parts" / "b.yaml").as_posix(),
    ]


# --- locations across files -------------------------------------------------------------


def test_entities_from_a_part_are_located_in_the_part_file(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    plan = load(root)
    p0, p1, p2 = plan.projects
    in_plan = plan.locate(p0)
    assert in_plan is not None
    assert (in_plan.file, in_plan.line, in_plan.column) == ((root / "plan.yaml").as_posix(), 12, 5)
    in_a = plan.locate(p1)
    assert in_a is not None
    assert (in_a.file, in_a.line, in_a.column) == ((root / "parts/a.yaml").as_posix(), 2, 5)
    in_b = plan.locate(p2)
    assert in_b is not None
    assert (in_b.file, in_b.line, in_b.column) == ((root / "parts/b.yaml").as_posix(), 3, 5)
    funding = plan.locate(p2, "funding")
    assert funding is not None
    assert (funding.file, funding.line, funding.column) == (in_b.file, 5, 5)
    total = plan.locate(plan.totals[0])
    assert total is not None
    assert (total.file, total.line) == (in_a.file, 4)


def test_schema_error_in_a_part_is_reported_in_the_part_file(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    write(root / "parts" / "b.yaml", PART_B.replace("funding: 30", "fundng: 30"))
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert diagnostic.file == (root / "parts" / "b.yaml").as_posix()
    assert (diagnostic.line, diagnostic.column) == (5, 5)
    # The pointer is into the merged plan: p0 comes from plan.yaml, p1 from a.yaml.
    assert diagnostic.pointer == "/projects/2/fundng"


def test_missing_key_in_a_part_is_reported_at_the_entity_in_the_part(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    write(root / "parts" / "b.yaml", PART_B.replace("    name: 二号工程\n", ""))
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert diagnostic.file == (root / "parts" / "b.yaml").as_posix()
    assert (diagnostic.line, diagnostic.column) == (3, 5)


def test_bad_quantity_in_a_part_is_pc004_in_the_part_file(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    write(root / "parts" / "b.yaml", PART_B.replace("funding: 30", "funding: 3斤"))
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC004"
    assert diagnostic.file == (root / "parts" / "b.yaml").as_posix()
    assert (diagnostic.line, diagnostic.column) == (5, 5)


def test_yaml_error_in_a_part_is_reported_in_the_part_file(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    write(root / "parts" / "b.yaml", PART_B + "    name: 重复\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC003"
    assert diagnostic.file == (root / "parts" / "b.yaml").as_posix()
    assert (diagnostic.line, diagnostic.column) == (6, 5)
    assert "first at line 4" in diagnostic.message


# --- refused parts ----------------------------------------------------------------------


def test_missing_part_is_pc005_at_its_parts_entry(tmp_path: Path) -> None:
    root = _directory_plan(tmp_path / "split")
    (root / "parts" / "b.yaml").unlink()
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC005"
    assert diagnostic.file == (root / "plan.yaml").as_posix()
    assert (diagnostic.line, diagnostic.column) == (8, 5)
    assert "parts/b.yaml" in diagnostic.message


def test_missing_part_in_a_flow_list_is_pc005_at_its_column(tmp_path: Path) -> None:
    root = _plan_with_parts(tmp_path / "plan", " [a.yaml, nope.yaml]\n")
    write(root / "a.yaml", "projects: []\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC005"
    assert (diagnostic.line, diagnostic.column) == (6, 17)


@pytest.mark.parametrize(
    "entry",
    ["../outside.yaml", "sub/../../outside.yaml"],
)
def test_part_path_leaving_the_directory_is_pc002(tmp_path: Path, entry: str) -> None:
    write(tmp_path / "outside.yaml", "projects: [{id: x, name: 外部}]\n")
    root = _plan_with_parts(tmp_path / "plan", f"\n  - {entry}\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == (
        (root / "plan.yaml").as_posix(),
        7,
        5,
    )


def test_absolute_part_path_is_pc002(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside.yaml", "projects: [{id: x, name: 外部}]\n")
    root = _plan_with_parts(tmp_path / "plan", f"\n  - {outside.as_posix()}\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (7, 5)


def test_absolute_part_path_inside_the_directory_is_still_pc002(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    inside = write(root / "a.yaml", "projects: [{id: x, name: 内部}]\n")
    _plan_with_parts(root, f"\n  - {inside.as_posix()}\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (7, 5)


def test_symlink_pointing_outside_is_pc002(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside.yaml", "projects: [{id: x, name: 外部}]\n")
    root = _plan_with_parts(tmp_path / "plan", "\n  - link.yaml\n")
    (root / "link.yaml").symlink_to(outside)
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (7, 5)


def test_part_under_a_symlinked_folder_pointing_outside_is_pc002(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "x.yaml", "projects: [{id: x, name: 外部}]\n")
    root = _plan_with_parts(tmp_path / "plan", "\n  - sub/x.yaml\n")
    (root / "sub").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (7, 5)


def test_symlink_to_a_file_inside_the_directory_is_allowed(tmp_path: Path) -> None:
    root = _plan_with_parts(tmp_path / "plan", "\n  - link.yaml\n")
    write(root / "real" / "a.yaml", "projects: [{id: x, name: 内部}]\n")
    (root / "link.yaml").symlink_to(root / "real" / "a.yaml")
    plan = load(root)
    assert [p.id for p in plan.projects] == ["x"]


def test_part_with_a_metadata_key_is_pc002_at_that_key(tmp_path: Path) -> None:
    root = _plan_with_parts(tmp_path / "plan", "\n  - a.yaml\n")
    part = write(root / "a.yaml", "projects:\n  - {id: a1, name: 甲一}\ntitle: 另一个标题\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == (part.as_posix(), 3, 1)
    assert "title" in diagnostic.message


def test_part_with_a_plancheck_key_is_pc002(tmp_path: Path) -> None:
    root = _plan_with_parts(tmp_path / "plan", "\n  - a.yaml\n")
    part = write(root / "a.yaml", "plancheck: 1\nprojects: []\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == (part.as_posix(), 1, 1)


def test_part_list_key_that_is_not_a_list_is_pc002(tmp_path: Path) -> None:
    root = _plan_with_parts(tmp_path / "plan", "\n  - a.yaml\n")
    part = write(root / "a.yaml", "# 一个工程\nprojects:\n  id: a1\n  name: 甲一\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == (part.as_posix(), 2, 1)


def test_part_that_is_not_a_mapping_is_pc002(tmp_path: Path) -> None:
    root = _plan_with_parts(tmp_path / "plan", "\n  - a.yaml\n")
    part = write(root / "a.yaml", "- {id: a1, name: 甲一}\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert diagnostic.file == part.as_posix()


@pytest.mark.parametrize("entry", ['""', "5", "{path: a.yaml}"])
def test_part_entry_that_is_not_a_path_is_pc002(tmp_path: Path, entry: str) -> None:
    root = _plan_with_parts(tmp_path / "plan", f"\n  - {entry}\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (7, 5)


@pytest.mark.parametrize("second", ["a.yaml", "./a.yaml", "sub/../a.yaml"])
def test_part_listed_twice_is_pc006_at_the_second_entry(tmp_path: Path, second: str) -> None:
    root = _plan_with_parts(tmp_path / "plan", f"\n  - a.yaml\n  - {second}\n")
    (root / "sub").mkdir()
    write(root / "a.yaml", "projects: [{id: a1, name: 甲一}]\n")
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.code == "PC006"
    assert (diagnostic.line, diagnostic.column) == (8, 5)


def test_every_bad_part_is_reported(tmp_path: Path) -> None:
    root = _plan_with_parts(
        tmp_path / "plan", "\n  - a.yaml\n  - missing.yaml\n  - ../x.yaml\n  - a.yaml\n"
    )
    write(root / "a.yaml", "projects: [{id: a1, name: 甲一}]\n")
    result = load_plan(root)
    assert result.plan is None
    assert [(d.code, d.line) for d in result.diagnostics] == [
        ("PC005", 8),
        ("PC002", 9),
        ("PC006", 10),
    ]
