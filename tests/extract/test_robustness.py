"""Unknown layouts give partial output and a clear report; no plan says so; never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from plancheck.cli import main
from plancheck.extraction import extract, extract_to
from tests.extract._documents import small_plan, write_text


def test_a_document_without_a_plan_says_so(tmp_path: Path) -> None:
    source = tmp_path / "letter.txt"
    source.write_text("尊敬的读者：\n感谢您的来信，我们会尽快答复。\n", encoding="utf-8")
    plan, report, written = extract_to(source, tmp_path / "out")
    assert plan is None and report.no_plan and written == []
    assert "no plan found" in report.render()
    assert not (tmp_path / "out").exists()


def test_unknown_table_layout_gives_partial_output_and_names_the_lines(tmp_path: Path) -> None:
    source = tmp_path / "odd.txt"
    source.write_text(
        "示例县“十四五”信息化规划\n"
        "一、发展目标\n"
        "到2025年，宽带用户数达到20万户。\n"
        "任务分工\n"
        "序次\n"
        "工作内容\n"
        "负责部门\n"
        "1\n"
        "宽带提速\n"
        "工信局\n"
        "二、保障措施\n",
        encoding="utf-8",
    )
    plan, report = extract(source)
    assert plan is not None
    assert [s.title for s in plan.sections] == ["发展目标", "保障措施"]
    assert len(plan.claims) == 1
    assert [(r.start, r.end) for r in report.unplaced] == [(4, 10)]
    assert "lines not placed" in report.render()


def test_missing_period_is_reported_not_raised(tmp_path: Path) -> None:
    source = tmp_path / "undated.txt"
    source.write_text("示例县信息化规划\n一、发展目标\n", encoding="utf-8")
    plan, report, _ = extract_to(source, tmp_path / "out")
    assert plan is None and not report.ok
    assert any("period" in problem for problem in report.problems)
    assert (tmp_path / "out" / "plan.yaml").exists()  # the partial draft is still written


def test_output_is_deterministic(tmp_path: Path) -> None:
    source = write_text(small_plan(), tmp_path / "plan.txt")
    extract_to(source, tmp_path / "a")
    extract_to(source, tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_cli_writes_the_directory_and_refuses_a_non_empty_one(
    tmp_path: Path, capsys: object
) -> None:
    source = write_text(small_plan(), tmp_path / "plan.txt")
    out = tmp_path / "draft"
    assert main(["extract", str(source), "-o", str(out)]) == 0
    assert (out / "plan.yaml").exists() and (out / "source.txt").read_bytes() == source.read_bytes()
    assert main(["check", str(out), "--select", "PC0", "--quiet"]) == 0
    assert main(["extract", str(source), "-o", str(out)]) == 2
    assert main(["extract", str(source), "-o", str(out), "--force"]) == 0
    assert main(["extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x")]) == 2
    published = tmp_path / "published"
    published.mkdir()
    (published / "source.txt").write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    before = (published / "source.txt").read_bytes()
    # Writing the draft beside its source would overwrite the source itself.
    assert main(["extract", str(published / "source.txt"), "-o", str(published), "--force"]) == 2
    assert (published / "source.txt").read_bytes() == before


def test_cli_exit_code_when_there_is_no_plan(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("今天天气很好。\n", encoding="utf-8")
    assert main(["extract", str(source), "-o", str(tmp_path / "out")]) == 1


_PIECES = st.sampled_from(
    [
        "示例市“十三五”规划",
        "一、总体要求",
        "（二）目标",
        "1.任务",
        "专栏1：指标",
        "【专栏2】工程",
        "指标",
        "单位",
        "2015年",
        "2020年",
        "属性",
        "预期性",
        "约束性",
        "——",
        "",
        "12",
        "3.5%",
        "项目名称",
        "实施单位",
        "实施年度",
        "计划投资（万元）",
        "合计",
        "小计",
        "2016-2020",
        "示例电信、移动等",
        "到2020年，用户达到20万户。",
        "其中：光纤",
        "附件：",
        "1.光纤工程：建设。",
        "专栏",
        "（",
        "、",
        "。",
        "１．",
        "2020年至",
        "达到",
        "突破",
        "%",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_never_crashes(lines: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fuzz.txt"
        source.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        plan, report = extract(source)
        assert isinstance(report.render(), str)
        if plan is not None:
            assert report.ok
