"""HTML and .docx versions of a plan extract to the same plan as its text version."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck import load
from plancheck.extraction import ExtractError, extract, extract_to
from tests.extract._documents import small_plan, write_docx, write_html, write_text


def test_html_extracts_to_the_same_plan_as_text(tmp_path: Path) -> None:
    text_plan, _ = extract(write_text(small_plan(), tmp_path / "plan.txt"))
    html_plan, report = extract(write_html(small_plan(), tmp_path / "plan.html"))
    assert report.kind == "html"
    assert text_plan is not None and html_plan is not None
    assert html_plan.model_dump() == text_plan.model_dump()


def test_html_rendering_becomes_source_txt_and_quotes_point_into_it(tmp_path: Path) -> None:
    write_text(small_plan(), tmp_path / "plan.txt")
    html_path = write_html(small_plan(), tmp_path / "plan.html")
    _, report, _ = extract_to(html_path, tmp_path / "out")
    assert report.ok
    rendered = (tmp_path / "out" / "source.txt").read_bytes()
    assert rendered == (tmp_path / "plan.txt").read_bytes()
    plan = load(tmp_path / "out")
    lines = rendered.decode("utf-8").splitlines()
    for entity in plan.iter_entities():
        if entity.source is not None and entity.source.quote:
            assert entity.source.line is not None
            assert entity.source.quote in lines[entity.source.line - 1]


def test_html_markup_is_not_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>标题</title><script>var a = '一、不是标题';</script></head>"
        "<body><h1>示例市“十四五”规划</h1><p>一、总体&nbsp;要求</p>"
        "<p>到2025年，用户数达到<b>20万户</b>。</p></body></html>",
        encoding="utf-8",
    )
    plan, _ = extract(page)
    assert plan is not None
    assert [(s.number, s.title) for s in plan.sections] == [
        ("一、", "总体\xa0要求")
    ]  # &nbsp; kept as written
    assert [(c.year, str(c.value.amount)) for c in plan.claims] == [(2025, "20")]


def test_docx_extracts_to_the_same_plan_as_text(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    text_plan, _ = extract(write_text(small_plan(), tmp_path / "plan.txt"))
    docx_plan, report = extract(write_docx(small_plan(), tmp_path / "plan.docx"))
    assert report.kind == "docx"
    assert text_plan is not None and docx_plan is not None
    assert docx_plan.model_dump() == text_plan.model_dump()


def test_a_damaged_docx_is_one_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExtractError, match=r"not a readable \.docx"):
        extract(broken)


def test_gb18030_text_is_read_and_stored_as_utf8(tmp_path: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes("示例县“十三五”规划\n一、发展目标\n".encode("gb18030"))
    plan, report, _ = extract_to(source, tmp_path / "out")
    assert plan is not None and plan.sections[0].title == "发展目标"
    assert any("UTF-8" in note for note in report.notes)
    assert (tmp_path / "out" / "source.txt").read_text(encoding="utf-8").startswith("示例县")


def test_docx_automatic_numbering_is_reported(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("示例县“十四五”规划")
    document.add_paragraph("发展目标", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    _, report = extract(path)
    assert any("automatic numbering" in note for note in report.notes)


def test_a_docx_that_unpacks_too_far_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("docx")
    from plancheck.extraction import _docx

    path = write_docx(small_plan(), tmp_path / "plan.docx")
    monkeypatch.setattr(_docx, "MAX_UNPACKED", 1000)
    with pytest.raises(ExtractError, match="unpacks to too much"):
        extract(path)


def test_a_directory_or_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="not a regular file"):
        extract(tmp_path)
    with pytest.raises(ExtractError, match="no such file"):
        extract(tmp_path / "missing.html")
