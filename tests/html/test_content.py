"""The demo plan: indicators, suppressed findings, languages, many plans, hostile text."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from plancheck import IndicatorPoint, PlanMaterial, check, load, plan_material, render
from plancheck.outputs.html._charts import Bar, bar_chart, path_chart
from tests.conftest import CORPUS

from ._dom import by_class, by_id, classes, local, parse, text
from .conftest import DATA, DEMO, HOSTILE, copy_plan, rename_project, report_html


def demo(*args: str) -> str:
    return report_html("demo", *args, cwd=DATA)


def test_binding_indicators_come_first_and_failing_ones_are_marked() -> None:
    rows = by_id(parse(demo()), "p1-indicators").findall(".//tbody/tr")
    assert [r.get("data-indicator") for r in rows] == ["e-government", "broadband-users"]
    binding, expected = rows
    assert {"failing", "worst-error"} <= classes(binding)
    assert [text(a) for a in binding.iter("a")] == ["PC301"]
    assert "ok" in classes(expected)
    assert text(by_class(binding, "span", "type")[0]) == "binding"


def test_evaluation_points_extend_an_indicators_path() -> None:
    report = check(DEMO)
    material = plan_material(load(DEMO))
    points = (
        IndicatorPoint(2023, Decimal(50), "schedule", "mid-term review"),
        IndicatorPoint(2023, Decimal(47), "actual"),
    )
    extended = PlanMaterial(
        plan=material.plan,
        traced=material.traced,
        source_file=material.source_file,
        source_lines=material.source_lines,
        progress={"broadband-users": points},
    )
    html = render(report, "html", material={report.plans[0].path: extended})
    row = next(
        r
        for r in by_id(parse(html), "p1-indicators").findall(".//tbody/tr")
        if r.get("data-indicator") == "broadband-users"
    )
    chart = by_class(row, "svg", "chart")[0]
    kinds = [sorted(classes(e) - {"pt"})[0] for e in chart.iter() if "pt" in classes(e)]
    assert kinds == ["pt-baseline", "pt-actual", "pt-schedule", "pt-target"]
    assert [text(t) for t in by_class(chart, "text", "year")] == ["2020", "2023", "2025"]
    svg_title = "{http://www.w3.org/2000/svg}title"
    tips = [text(e.find(svg_title)) for e in by_class(chart, "rect", "pt")]  # type: ignore[arg-type]
    assert tips == ["actual 2023: 47"]


def test_waived_findings_show_reason_approver_and_expiry() -> None:
    root = parse(demo("--waivers", "waivers.yaml"))
    table = by_class(by_id(root, "p1-suppressed"), "table", "suppressed")[0]
    (row,) = table.findall(".//tbody/tr")
    cells = [text(td) for td in row.findall("td")]
    assert cells[0] == "PC502"
    assert "projects/smart-agriculture" in cells[1]
    assert cells[3:] == [
        "waiver",
        "农业企业由农业农村局年度遴选后公布",
        "规划处 李四",
        "2099-12-31",
        "waivers.yaml:2",
    ]
    stats = {text(c.find("span")): text(c.find("b")) for c in by_class(root, "div", "stat")}  # type: ignore[arg-type]
    assert stats["waived"] == "1"
    # A waived finding is listed there, not among the findings.
    assert not [a for a in root.iter("article") if a.get("data-rule") == "PC502"]


def test_the_total_that_does_not_add_up_is_marked() -> None:
    funding = by_id(parse(demo()), "p1-funding")
    (row,) = by_class(funding, "table", "totals")[0].findall(".//tbody/tr")
    assert "failing" in classes(row)
    assert [text(td) for td in row.findall("td")] == ["合计", "25,000万元", "23,500 万元", "-1,500"]


def test_unfunded_items_and_untraced_projects_are_listed() -> None:
    trace = by_id(parse(demo()), "p1-traceability")
    unfunded = [th.get("data-item") for th in by_class(trace, "th", "unfunded")]
    assert unfunded == ["2.2"]
    assert [text(li) for li in by_class(trace, "ul", "unfunded")[0]] == ["专栏2.2 数据中心工程"]
    untraced = by_class(trace, "ul", "untraced")[0]
    assert "projects/smart-agriculture" in text(untraced)


def test_chinese_report_uses_chinese_words_and_plan_text_unchanged() -> None:
    root = parse(demo("--lang", "zh"))
    assert root.get("lang") == "zh-CN"
    headings = [text(e.find("h3")) for e in root.iter("section") if "part" in classes(e)]  # type: ignore[arg-type]
    assert headings == [
        "概况",
        "问题",
        "资金",
        "先规划后立项（可追溯性）",
        "指标",
        "规则覆盖",
        "已豁免和列入基线的问题",
    ]
    messages = [text(p) for p in by_class(root, "p", "message")]
    wanted = "项目“智慧农业工程”未列入任何专栏，也没有与其类别“农业信息化重点工程”对应的专栏"
    assert wanted in messages


def test_many_plans_give_one_report_with_an_index(tmp_path: Path) -> None:
    copy_plan(DEMO, tmp_path / "plans" / "a-demo")
    copy_plan(CORPUS, tmp_path / "plans" / "b-baoji")
    root = parse(report_html("plans", cwd=tmp_path))
    index = by_id(root, "index")
    links = [(a.get("href"), text(a)) for a in index.iter("a")]
    assert links == [("#p1", "示例市“十四五”信息化规划"), ("#p2", "宝鸡市“十二五”信息化建设规划")]
    plans = by_class(root, "section", "plan")
    paths = [p.get("data-plan") for p in plans]
    assert paths == ["plans/a-demo/plan.yaml", "plans/b-baoji/plan.yaml"]
    # Each plan has its own sections, charts and findings.
    assert len(by_class(plans[0], "article", "finding")) == 8
    assert len(by_class(plans[1], "article", "finding")) == 43
    assert len(by_class(by_id(root, "p2-chart-box"), "rect", "bar")) == 8


def test_hostile_plan_text_is_shown_as_text(tmp_path: Path) -> None:
    folder = copy_plan(DEMO, tmp_path / "demo")
    rename_project(folder, "plan.yaml", "智慧农业工程", HOSTILE)
    html = report_html("demo", cwd=tmp_path)
    root = parse(html)
    tags = {local(e) for e in root.iter()}
    assert tags.isdisjoint({"script", "img"})
    assert "<script>" not in html and "<img" not in html
    assert not [e for e in root.iter() if any(k.startswith("on") for k in e.attrib)]
    assert all(e.get("href", "#").startswith("#") for e in root.iter())
    row = next(r for r in root.iter("tr") if r.get("data-project") == "smart-agriculture")
    assert text(by_class(row, "span", "pname")[0]) == HOSTILE
    # The untraced-project list and the finding's heading show it the same way.
    names = [text(e) for e in by_class(root, "span", "subject")]
    assert HOSTILE in names


def test_invisible_characters_are_made_visible() -> None:
    html = bar_chart([Bar("甲\u202e乙", Decimal(1), "1")], title="t\u200b", chart_id="c")
    assert "\u202e" not in html and "\\u202e" in html and "\\u200b" in html


def test_charts_of_nothing_and_of_one_year() -> None:
    empty = bar_chart([], title="none", chart_id="c")
    assert "<rect" not in empty and 'viewBox="0 0 440 8"' in empty
    zero = bar_chart([Bar("零", Decimal(0), "0")], title="zero", chart_id="z")
    assert 'width="0"' in zero
    assert path_chart([], title="x") == ""


def test_without_the_plans_the_report_still_renders_findings() -> None:
    report = check(DEMO)
    root = parse(render(report, "html"))
    assert len(by_class(root, "article", "finding")) == 8
    assert not [e for e in root.iter() if local(e) == "svg"]
    assert "could not be read" in text(by_id(root, "p1-funding"))
    # No source excerpt without the document.
    assert not by_class(root, "table", "excerpt")


def test_the_html_format_of_check_is_the_report(tmp_path: Path) -> None:
    from plancheck.cli import main

    target = tmp_path / "out.html"
    code = main(["check", str(DEMO), "--format", "html", "--output", str(target)])
    assert code == 1
    assert re.sub(r"\s+", " ", target.read_text(encoding="utf-8")).count('class="finding ') == 8


def test_report_writes_its_default_file(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from plancheck.cli import main

    copy_plan(DEMO, tmp_path / "demo")
    monkeypatch.chdir(tmp_path)
    assert main(["report", "demo"]) == 1
    assert capsys.readouterr().err == "plancheck: wrote plancheck-report.html\n"
    assert (tmp_path / "plancheck-report.html").read_text(encoding="utf-8") == report_html(
        "demo", cwd=tmp_path
    )


def test_a_run_that_found_no_plan_says_so(tmp_path: Path) -> None:
    root = parse(report_html(cwd=tmp_path))
    assert text(by_id(root, "index")) == "No plan was found to check."
    assert [a.get("href") for a in root.iter("a")] == ["#index"]
    assert not by_class(root, "section", "plan")


def test_baselined_findings_and_findings_about_other_inputs(tmp_path: Path) -> None:
    from plancheck.cli import main

    copy_plan(DEMO, tmp_path / "demo")
    (tmp_path / "waivers.yaml").write_text(
        "waivers:\n  - rule: PC401\n    subject: projects/nothing-like-it\n"
        "    reason: 测试\n    approved_by: 张三\n    expires: 2099-01-01\n",
        encoding="utf-8",
    )
    with contextlib.chdir(tmp_path):
        assert main(["check", "demo", "--write-baseline", "base.json", "--quiet"]) == 0
    root = parse(report_html("demo", "--baseline", "base.json", cwd=tmp_path))
    rows = by_id(root, "p1-suppressed").findall(".//tbody/tr")
    assert len(rows) == 8
    assert {text(r.findall("td")[3]) for r in rows} == {"baseline"}
    assert {text(r.findall("td")[7]) for r in rows} == {"base.json"}
    # The waiver that matches nothing is a finding about the waivers file, not the plan.
    other = by_id(root, "other")
    assert [a.get("data-rule") for a in other.iter("article")] == ["PC009"]
    assert "waivers.yaml" in text(other)


class _CountedProjects(list[object]):
    """A plan's projects that count how often they are read through."""

    reads = 0

    def __iter__(self) -> Iterator[object]:
        _CountedProjects.reads += 1
        return super().__iter__()


def test_totals_choose_their_projects_without_scanning_the_plan_each(tmp_path: Path) -> None:
    # One subtotal per category: a scan of the projects per total was quadratic.
    count = 300
    projects = "".join(
        f"  - {{id: p{i}, name: 工程{i}, category: 类{i}, funding: 1}}\n" for i in range(count)
    )
    totals = "".join(
        f"  - {{id: t{i}, label: 小计, category: 类{i}, value: {1 + i % 2}}}\n"
        for i in range(count)
    )
    path = tmp_path / "plan.yaml"
    path.write_text(
        "plancheck: 1\nid: many\ntitle: 示例\njurisdiction: {name: 示例县, level: county}\n"
        f"period: 2021-2025\nprojects:\n{projects}totals:\n{totals}",
        encoding="utf-8",
    )
    plan = load(path)
    report = check(plan)
    material = plan_material(plan)
    object.__setattr__(material.plan, "projects", _CountedProjects(material.plan.projects))
    _CountedProjects.reads = 0
    html = render(report, "html", material={report.plans[0].path: material})
    assert _CountedProjects.reads < 20, _CountedProjects.reads
    rows = by_class(parse(html), "table", "totals")[0].findall(".//tbody/tr")
    assert len(rows) == count
    assert [classes(row) & {"ok", "failing"} for row in rows[:2]] == [{"ok"}, {"failing"}]
