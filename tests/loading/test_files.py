"""Files that are not plans, not UTF-8, too big or absent: diagnostics, never crashes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from plancheck.loading import PlanLoadError, load, load_plan
from tests.loading._plans import HEAD, load_ok, only_diagnostic, write, write_bytes

ONE_LINE = re.compile(r"^[^\n]+:\d+:\d+: PC\d{3} [^\n]+$")

# Each case makes a path under tmp_path and names the code, line and message words expected.
Case = tuple[Callable[[Path], Path], str, int, str]


def _empty(tmp: Path) -> Path:
    return write_bytes(tmp / "plan.yaml", b"")


def _comments_only(tmp: Path) -> Path:
    return write(tmp / "plan.yaml", "# 还没有内容\n")


def _no_plancheck_key(tmp: Path) -> Path:
    return write(tmp / "plan.yaml", HEAD.replace("plancheck: 1\n", ""))


def _top_level_list(tmp: Path) -> Path:
    return write(tmp / "plan.yaml", "- plancheck: 1\n")


def _utf16_le(tmp: Path) -> Path:
    return write_bytes(tmp / "plan.yaml", HEAD.encode("utf-16"))


def _utf16_be(tmp: Path) -> Path:
    return write_bytes(tmp / "plan.yaml", b"\xfe\xff" + HEAD.encode("utf-16-be"))


def _utf16_without_bom(tmp: Path) -> Path:
    return write_bytes(tmp / "plan.yaml", HEAD.encode("utf-16-le"))


def _invalid_utf8(tmp: Path) -> Path:
    return write_bytes(tmp / "plan.yaml", HEAD.encode() + b"revision: \xff\n")


def _nul_byte(tmp: Path) -> Path:
    return write_bytes(tmp / "plan.yaml", HEAD.encode() + b"revision: 1\nbase_year: 20\x0020\n")


def _directory_without_plan_yaml(tmp: Path) -> Path:
    write(tmp / "plans" / "other.yaml", HEAD)
    return tmp / "plans"


def _nonexistent(tmp: Path) -> Path:
    return tmp / "nope.yaml"


def _below_a_file(tmp: Path) -> Path:
    return write(tmp / "plan.yaml", HEAD) / "x.yaml"


CASES: dict[str, Case] = {
    "empty": (_empty, "PC002", 1, "not a plan file"),
    "comments-only": (_comments_only, "PC002", 1, "not a plan file"),
    "no-plancheck-key": (_no_plancheck_key, "PC002", 1, "not a plan file"),
    "top-level-list": (_top_level_list, "PC002", 1, "not a plan file"),
    "utf16-le": (_utf16_le, "PC001", 1, "UTF-16"),
    "utf16-be": (_utf16_be, "PC001", 1, "UTF-16"),
    "utf16-no-bom": (_utf16_without_bom, "PC001", 1, "NUL"),
    "invalid-utf8": (_invalid_utf8, "PC001", 6, "UTF-8"),
    "nul-byte": (_nul_byte, "PC001", 7, "NUL"),
    "dir-without-plan-yaml": (_directory_without_plan_yaml, "PC001", 1, "plan.yaml"),
    "nonexistent": (_nonexistent, "PC001", 1, "no such file"),
    "below-a-file": (_below_a_file, "PC001", 1, "no such file"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_load_plan_reports_a_diagnostic(tmp_path: Path, name: str) -> None:
    make, code, line, words = CASES[name]
    diagnostic = only_diagnostic(load_plan(make(tmp_path)))
    assert (diagnostic.code, diagnostic.line) == (code, line)
    assert words in diagnostic.message


@pytest.mark.parametrize("name", list(CASES))
def test_load_raises_plan_load_error_with_one_line(tmp_path: Path, name: str) -> None:
    path = CASES[name][0](tmp_path)
    with pytest.raises(PlanLoadError) as caught:
        load(path)
    message = str(caught.value)
    assert ONE_LINE.match(message), message
    assert message == str(load_plan(path).diagnostics[0])
    assert caught.value.diagnostics == load_plan(path).diagnostics


def test_empty_file_diagnostic_names_the_file(tmp_path: Path) -> None:
    path = _empty(tmp_path)
    diagnostic = only_diagnostic(load_plan(path))
    assert diagnostic.file == path.as_posix()
    assert str(diagnostic).startswith(f"{path.as_posix()}:1:1: PC002 ")


def test_directory_without_plan_yaml_names_the_missing_file(tmp_path: Path) -> None:
    root = _directory_without_plan_yaml(tmp_path)
    diagnostic = only_diagnostic(load_plan(root))
    assert diagnostic.file == (root / "plan.yaml").as_posix()


def test_invalid_utf8_column_counts_characters(tmp_path: Path) -> None:
    data = HEAD.encode() + "revision: 规划".encode() + b"\xff\n"
    path = write_bytes(tmp_path / "plan.yaml", data)
    diagnostic = only_diagnostic(load_plan(path))
    assert diagnostic.code == "PC001"
    # "revision: " is 10 characters and 规划 two more: the bad byte is the 13th character.
    assert (diagnostic.line, diagnostic.column) == (6, 13)


def test_utf8_bom_loads(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "plan.yaml", b"\xef\xbb\xbf" + HEAD.encode())
    plan = load_ok(path).plan
    assert plan is not None
    assert plan.id == "demo"
    assert plan.plancheck == 1


def test_utf8_bom_does_not_shift_positions(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - {id: p1, name: 甲, fundng: 1}\n"
    path = write_bytes(tmp_path / "plan.yaml", b"\xef\xbb\xbf" + text.encode())
    diagnostic = only_diagnostic(load_plan(path))
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("PC002", 7, 23)


def test_oversize_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.yaml", HEAD)
    diagnostic = only_diagnostic(load_plan(path, max_file_bytes=64))
    assert diagnostic.code == "PC001"
    assert "too large" in diagnostic.message
    with pytest.raises(PlanLoadError) as caught:
        load(path, max_file_bytes=64)
    assert "\n" not in str(caught.value)


def test_file_of_exactly_the_limit_loads(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.yaml", HEAD)
    size = path.stat().st_size
    assert load_plan(path, max_file_bytes=size).plan is not None


def test_size_limit_applies_to_part_files(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    write(root / "plan.yaml", HEAD + "parts: [big.yaml]\n")
    big = write(root / "big.yaml", "projects:\n" + "  - {id: p1, name: 甲}\n" * 200)
    result = load_plan(root, max_file_bytes=1000)
    diagnostic = only_diagnostic(result)
    assert diagnostic.code == "PC001"
    assert diagnostic.file == big.as_posix()
    assert "too large" in diagnostic.message


def test_utf16_part_file_is_refused_in_that_file(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    write(root / "plan.yaml", HEAD + "parts: [a.yaml]\n")
    part = write_bytes(root / "a.yaml", "projects: []\n".encode("utf-16"))
    diagnostic = only_diagnostic(load_plan(root))
    assert (diagnostic.code, diagnostic.file) == ("PC001", part.as_posix())


def test_error_message_with_a_line_break_in_a_key_stays_one_line(tmp_path: Path) -> None:
    text = HEAD + 'projects:\n  - id: p1\n    name: 甲\n    "备\\n注": 1\n'
    path = write(tmp_path / "plan.yaml", text)
    with pytest.raises(PlanLoadError) as caught:
        load(path)
    assert "\n" not in str(caught.value), str(caught.value)
    assert ONE_LINE.match(str(caught.value))


def test_several_problems_are_summarised_on_one_line(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
projects:
  - {id: p1, name: 甲, fundng: 1}
  - {id: p2, name: 乙, fundng: 2}
"""
    )
    path = write(tmp_path / "plan.yaml", text)
    with pytest.raises(PlanLoadError) as caught:
        load(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.as_posix()}:7:23: PC002 ")
    assert message.endswith(" (+1 more)")
    assert len(caught.value.diagnostics) == 2
