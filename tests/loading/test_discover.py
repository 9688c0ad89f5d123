"""Finding plan files below a folder, and what a command-line path stands for."""

from __future__ import annotations

from pathlib import Path

from plancheck.loading import discover, is_plan_file, load_plan, plan_targets
from tests.loading._plans import HEAD, write, write_bytes


def _relative(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_finds_yaml_files_with_a_top_level_plancheck_key(tmp_path: Path) -> None:
    write(tmp_path / "plans" / "a.yaml", HEAD)
    write(tmp_path / "plans" / "b.yml", HEAD)
    write(tmp_path / "plans" / "notes.yaml", "id: x\ntitle: 不是规划\n")
    write(tmp_path / "plans" / "nested.yaml", "meta:\n  plancheck: 1\n")
    write(tmp_path / "plans" / "comment.yaml", "# plancheck: 1\nid: x\n")
    found = list(discover(tmp_path))
    assert _relative(found, tmp_path) == ["plans/a.yaml", "plans/b.yml"]


def test_skips_files_that_are_not_yaml(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", HEAD)
    for name in ("plan.txt", "plan.json", "plan.yaml.bak", "README.md", "plan_yaml"):
        write(tmp_path / name, HEAD)
    assert _relative(list(discover(tmp_path)), tmp_path) == ["plan.yaml"]


def test_skips_hidden_folders_and_virtualenvs(tmp_path: Path) -> None:
    write(tmp_path / "keep" / "plan.yaml", HEAD)
    for folder in (".git", ".hidden", ".venv", "venv", "node_modules", "__pycache__", ".tox"):
        write(tmp_path / folder / "plan.yaml", HEAD)
        write(tmp_path / "keep" / folder / "deeper" / "plan.yaml", HEAD)
    assert _relative(list(discover(tmp_path)), tmp_path) == ["keep/plan.yaml"]


def test_returns_paths_in_sorted_order_within_a_folder(tmp_path: Path) -> None:
    for name in ("c.yaml", "a.yaml", "b.yml", "B.yaml"):
        write(tmp_path / name, HEAD)
    found = list(discover(tmp_path))
    assert found == sorted(found)
    assert _relative(found, tmp_path) == ["B.yaml", "a.yaml", "b.yml", "c.yaml"]


def test_returns_paths_in_sorted_order_across_folders(tmp_path: Path) -> None:
    write(tmp_path / "z.yaml", HEAD)
    write(tmp_path / "a" / "plan.yaml", HEAD)
    write(tmp_path / "m" / "x" / "plan.yaml", HEAD)
    found = list(discover(tmp_path))
    assert _relative(found, tmp_path) == ["a/plan.yaml", "m/x/plan.yaml", "z.yaml"]
    assert found == sorted(found)


def test_a_plan_directory_yields_plan_yaml_but_not_its_parts(tmp_path: Path) -> None:
    write(tmp_path / "city" / "plan.yaml", HEAD + "parts: [parts/a.yaml]\n")
    write(tmp_path / "city" / "parts" / "a.yaml", "projects: []\n")
    assert _relative(list(discover(tmp_path)), tmp_path) == ["city/plan.yaml"]


def test_finds_a_plan_file_that_starts_with_a_bom(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "bom.yaml", b"\xef\xbb\xbf" + HEAD.encode())
    assert load_plan(path).plan is not None  # the loader accepts it as a plan ...
    assert is_plan_file(path)  # ... so discovery must find it too
    assert list(discover(tmp_path)) == [path]


def test_finds_a_plan_file_whose_plancheck_key_is_quoted(tmp_path: Path) -> None:
    path = write(tmp_path / "quoted.yaml", HEAD.replace("plancheck: 1", '"plancheck": 1'))
    assert load_plan(path).plan is not None
    assert list(discover(tmp_path)) == [path]


def test_plancheck_key_need_not_come_first(tmp_path: Path) -> None:
    path = write(tmp_path / "later.yaml", "# 规划\nid: demo\nplancheck: 1\n")
    assert list(discover(tmp_path)) == [path]


def test_empty_folder_discovers_nothing(tmp_path: Path) -> None:
    assert list(discover(tmp_path)) == []


def test_plan_targets_of_a_plan_directory_is_the_directory(tmp_path: Path) -> None:
    root = tmp_path / "city"
    write(root / "plan.yaml", HEAD)
    write(root / "sub" / "other.yaml", HEAD)
    assert plan_targets(root) == [root]


def test_plan_targets_of_a_file_is_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.yaml", HEAD)
    assert plan_targets(path) == [path]


def test_plan_targets_of_another_folder_discovers_plans(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.yaml", HEAD)
    write(tmp_path / "b" / "plan.yaml", HEAD)
    write(tmp_path / "b" / "part.yaml", "projects: []\n")
    assert _relative(plan_targets(tmp_path), tmp_path) == ["a/one.yaml", "b/plan.yaml"]
