"""Positions are stored compactly and located on demand; they must equal eager ones.

The reference here is independent of plancheck's reader: ruamel's pure-Python composer
builds nodes with marks, and walking them gives every JSON pointer the reader records
(the root, each list item, each mapping key) with its 1-based line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from plancheck._reader import parse
from plancheck._reader.parse import parse_yaml
from plancheck._reader.pointer import join
from plancheck.loading import load_plan
from tests.loading._plans import HEAD, load_ok, write

BAOJI = Path(__file__).parents[2] / "corpus" / "baoji-2011-2015"


def _eager(node: Node, pointer: str, found: dict[str, tuple[int, int]]) -> None:
    if isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            child = join(pointer, index)
            found[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
            _eager(item, child, found)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            child = join(pointer, key.value)
            found[child] = (key.start_mark.line + 1, key.start_mark.column + 1)
            _eager(value, child, found)


def _reference(text: str) -> dict[str, tuple[int, int]]:
    root = YAML(typ="safe", pure=True).compose(text)
    found = {"": (root.start_mark.line + 1, root.start_mark.column + 1)}
    _eager(root, "", found)
    return found


@pytest.mark.parametrize("path", sorted(BAOJI.glob("*.yaml")), ids=lambda path: path.name)
def test_every_position_of_baoji_equals_the_eager_one(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    marks = parse_yaml(text, path.name).marks
    expected = _reference(text)
    # Iteration yields every pointer in document order, as the eager dict did.
    assert list(marks) == list(expected)
    for pointer, (line, column) in expected.items():
        location = marks[pointer]
        assert (location.line, location.column) == (line, column), pointer
        assert (location.file, location.pointer) == (path.name, pointer)
    assert len(marks) == len(expected)


def test_the_pure_python_parser_gives_the_same_data_and_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Where ruamel's C extension is missing, the reader falls back to the pure parser.
    texts = [path.read_text(encoding="utf-8") for path in sorted(BAOJI.glob("*.yaml"))]
    fast = [parse_yaml(text) for text in texts]
    monkeypatch.setattr(parse, "_CParser", None)
    for text, expected in zip(texts, fast, strict=True):
        slow = parse_yaml(text)
        assert slow.data == expected.data
        assert dict(slow.marks) == dict(expected.marks)


@pytest.mark.parametrize(
    "pointer",
    ["/a~1b", "/~0c", "/~0c/~1"],
)
def test_escaped_keys_are_found(pointer: str) -> None:
    marks = parse_yaml("a/b: 1\n'~c':\n  /: 2\n").marks
    assert pointer in marks
    assert marks[pointer].pointer == pointer


@pytest.mark.parametrize(
    "pointer",
    ["/missing", "a", "/list/2", "/list/01", "/list/-1", "/list/0/deeper", "/~2c", "/~c", "//"],
)
def test_pointers_that_name_no_value_are_not_found(pointer: str) -> None:
    marks = parse_yaml("list: [x, y]\n'~c': 1\n").marks
    assert marks.get(pointer) is None
    assert pointer not in marks
    with pytest.raises(KeyError):
        marks[pointer]


def test_many_keys_of_one_mapping_are_each_found() -> None:
    text = "".join(f"k{i}: {i}\n" for i in range(200))
    marks = parse_yaml(text).marks
    assert [marks[f"/k{i}"].line for i in range(200)] == list(range(1, 201))


def test_part_files_items_are_located_in_their_own_file(tmp_path: Path) -> None:
    projects = "projects:\n  - id: p2\n    name: 二\n  - id: p3\n    name: 三\n"
    write(tmp_path / "more.yaml", projects)
    text = HEAD + "parts: [more.yaml]\nprojects:\n  - id: p1\n    name: 一\n"
    plan = load_ok(write(tmp_path / "plan.yaml", text)).plan
    assert plan is not None
    where = [plan.locate(project, "name") for project in plan.projects]
    assert [(w.file.rsplit("/", 1)[-1], w.line) for w in where if w] == [
        ("plan.yaml", 9),
        ("more.yaml", 3),
        ("more.yaml", 5),
    ]
    # A merged item keeps the part's own pointer, as the merged dict always did.
    located = plan.locate(plan.projects[2])
    assert located is not None
    assert located.pointer == "/projects/1"
    pointers: dict[str, Any] = dict(plan._locations)
    assert "/projects/2/name" in pointers
    assert "/projects/3" not in pointers


@pytest.mark.parametrize(
    ("last", "code", "column", "word"),
    [
        ("  - id: last\n    name: &n 工程\n", "PC001", 11, "anchor"),
        ("  - id: last\n    name: *n\n", "PC001", 11, "alias"),
        ("  - id: last\n    name: !!python/object:os.system 工程\n", "PC001", 11, "tag"),
        ("  - id: last\n    id: again\n", "PC003", 5, "duplicate"),
        ("  - id: last\n    name: !!int 工程\n", "PC001", 11, "tag"),
    ],
    ids=["anchor", "alias", "object tag", "duplicate key", "tag mismatch"],
)
def test_hostile_yaml_deep_in_a_large_plan_is_refused_at_its_line(
    tmp_path: Path, last: str, code: str, column: int, word: str
) -> None:
    rows = "".join(f"  - id: p{i}\n    name: 工程{i}\n" for i in range(2000))
    text = HEAD + "projects:\n" + rows + last
    result = load_plan(write(tmp_path / "plan.yaml", text))
    assert result.plan is None
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [(code, 4008, column)]
    assert word in result.diagnostics[0].message


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    # Loading pauses the collector while it builds the plan; it must not leave it off
    # (or turn it on for a program that had turned it off), even when loading fails.
    import gc

    good = write(tmp_path / "good" / "plan.yaml", HEAD)
    bad = write(tmp_path / "bad" / "plan.yaml", HEAD + "a: [\n")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        for path in (good, bad):
            load_plan(path)
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def _every_pointer(plan: Any) -> list[tuple[str, str]]:
    return [(type(entity).__name__, entity.pointer) for entity in plan.iter_entities()]


def test_entities_built_one_by_one_equal_the_whole_plan_built_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Loading builds each entity of the plan's lists on its own, to free its mapping
    # early; the plan must be the one validating all of it at once would build.
    from plancheck.loading import _validate

    one_by_one = load_ok(BAOJI).plan
    monkeypatch.setattr(_validate, "_build_entities", lambda data: None)
    at_once = load_ok(BAOJI).plan
    assert one_by_one is not None and at_once is not None
    assert one_by_one == at_once
    assert one_by_one.model_dump(mode="json") == at_once.model_dump(mode="json")
    assert _every_pointer(one_by_one) == _every_pointer(at_once)
    assert [item._box for box in one_by_one.boxes for item in box.items] == [
        item._box for box in at_once.boxes for item in box.items
    ]
    assert dict(one_by_one._locations) == dict(at_once._locations)


def test_entities_built_one_by_one_keep_every_diagnostic_of_bad_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bad entities stay mappings for the plan's validation and the salvage rounds,
    # while the good ones (already models) are shared with the salvage copy.
    from plancheck.loading import _validate

    rows = "".join(
        f"  - id: p{i}\n    name: 工程{i}\n    funding: {funding}\n    years: {years}\n"
        for i, (funding, years) in enumerate(
            [("100", "2021-2023"), ("abc万元", "2021-2023"), ("200", "2011-13"), ("1斤", "x")]
        )
    )
    path = write(tmp_path / "plan.yaml", HEAD + "currency: 万元\nprojects:\n" + rows)
    one_by_one = load_plan(path)
    monkeypatch.setattr(_validate, "_build_entities", lambda data: None)
    at_once = load_plan(path)
    assert one_by_one.plan is not None and at_once.plan is not None
    assert [str(d) for d in one_by_one.diagnostics] == [str(d) for d in at_once.diagnostics]
    assert len(one_by_one.diagnostics) == 4
    assert one_by_one.plan == at_once.plan
    assert one_by_one.plan.unreadable_cells == at_once.plan.unreadable_cells
    assert _every_pointer(one_by_one.plan) == _every_pointer(at_once.plan)


def _reference_pointers(node: Any, pointer: str, found: dict[int, str]) -> None:
    from pydantic import BaseModel

    found[id(node)] = pointer
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            _reference_pointers(value, f"{pointer}/{name}", found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _reference_pointers(item, f"{pointer}/{name}/{index}", found)


def test_every_node_of_baoji_has_the_pointer_a_full_walk_gives() -> None:
    # attach only looks into fields whose type may hold a node; walking every field
    # of every node must find the same pointers.
    from pydantic import BaseModel

    from plancheck.model import Node

    plan = load_ok(BAOJI).plan
    expected: dict[int, str] = {}
    _reference_pointers(plan, "", expected)
    nodes: list[BaseModel] = []
    pending: list[Any] = [plan]
    while pending:
        node = pending.pop()
        nodes.append(node)
        for name in type(node).model_fields:
            value = getattr(node, name)
            values = value if isinstance(value, list) else [value]
            pending.extend(item for item in values if isinstance(item, BaseModel))
    located = [node for node in nodes if isinstance(node, Node)]
    assert len(located) > 300
    assert all(node.pointer == expected[id(node)] for node in located)
