"""The Baoji report: valid HTML5, self-contained, every section in the reviewer's order."""

from __future__ import annotations

import re
from collections import Counter

from plancheck import check
from tests.conftest import CORPUS

from ._dom import by_class, by_id, classes, local, parse, text

SECTIONS = [
    "summary",
    "findings",
    "funding",
    "traceability",
    "indicators",
    "coverage",
    "suppressed",
]
PC401_PROJECTS = {
    "rural-broadband-cable-coverage",
    "precision-agriculture",
    "agricultural-technology-service-platform",
    "education-informatization",
}


def test_the_report_is_strict_html5_with_unique_ids(baoji_en: str) -> None:
    root = parse(baoji_en)
    assert baoji_en.startswith("<!DOCTYPE html>\n")
    ids = Counter(e.get("id") for e in root.iter() if e.get("id"))
    assert [i for i, n in ids.items() if n > 1] == []
    # Every in-page link lands on an element of the page.
    targets = {e.get("href", "")[1:] for e in root.iter("a")}
    assert targets - set(ids) == set()


def test_nothing_in_the_report_can_fetch_or_run(baoji_en: str) -> None:
    root = parse(baoji_en)
    tags = {local(e) for e in root.iter()}
    assert tags.isdisjoint({"script", "link", "iframe", "img", "object", "embed", "base", "form"})
    assert all(e.get("href", "#").startswith("#") for e in root.iter())
    assert not [e for e in root.iter() if e.get("src") is not None]
    style = "".join(text(e) for e in root.iter("style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert not re.search(r"https?://", baoji_en)
    policy = [e.get("content") for e in root.iter("meta") if e.get("http-equiv")]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]


def test_sections_come_in_the_order_a_reviewer_works(baoji_en: str) -> None:
    root = parse(baoji_en)
    order = [e.get("id") for e in root.iter("section") if "part" in classes(e)]
    assert order == [f"p1-{name}" for name in SECTIONS]
    # A single plan needs no plan index.
    assert not [e for e in root.iter() if e.get("id") == "index"]


def test_summary_counts_match_the_report(baoji_en: str) -> None:
    report = check(CORPUS)
    counts = report.counts()
    summary = by_id(parse(baoji_en), "p1-summary")
    stats = {
        text(card.find("span")): int(text(card.find("b")))  # type: ignore[arg-type]
        for card in by_class(summary, "div", "stat")
    }
    assert stats["errors"] == counts[report.fail_on] == 7
    assert (stats["warnings"], stats["notes"]) == (11, 25)
    assert stats["rules checked"] == len(report.stats)
    failed = sum(1 for s in report.stats.values() if s.failed)
    assert stats["failed"] == failed
    assert stats["passed"] + stats["failed"] + stats["not applicable"] == len(report.stats)
    assert (stats["waived"], stats["baselined"]) == (0, 0)
    assert "陕西省 宝鸡市" in text(summary) and "2011–2015" in text(summary)


def test_findings_are_grouped_by_rule_most_severe_first(baoji_en: str) -> None:
    findings = by_id(parse(baoji_en), "p1-findings")
    groups = by_class(findings, "section", "rule-group")
    codes = [g.get("id", "").removeprefix("p1-rule-") for g in groups]
    report = check(CORPUS)
    assert sorted(codes) == sorted({f.rule for f in report.findings})
    ranks = [max(f.severity.rank for f in report.findings if f.rule == c) for c in codes]
    assert ranks == sorted(ranks, reverse=True)
    cards = by_class(findings, "article", "finding")
    assert len(cards) == len(report.findings)


def test_a_finding_shows_message_hint_locations_and_the_marked_source(baoji_en: str) -> None:
    group = by_id(parse(baoji_en), "p1-rule-PC304")
    (card,) = by_class(group, "article", "finding")
    assert "企业互联网普及率" in text(by_class(card, "p", "message")[0])
    assert by_class(card, "p", "hint")
    where = text(card.find("dl"))  # type: ignore[arg-type]
    assert "corpus/baoji-2011-2015/claims.yaml:" in where
    assert "corpus/baoji-2011-2015/source.txt:50" in where
    rows = card.find("table").findall(".//tr")  # type: ignore[union-attr]
    assert [r.find("th").text for r in rows] == ["49", "50", "51"]  # type: ignore[union-attr]
    hit = [r for r in rows if "hit" in classes(r)]
    assert len(hit) == 1
    marks = [text(m) for m in hit[0].iter("mark")]
    assert marks == ["实现企业互联网普及率达90%以上"]


def test_funding_charts_have_one_bar_per_category_and_per_box(baoji_en: str) -> None:
    funding = by_id(parse(baoji_en), "p1-funding")
    category = by_id(funding, "p1-chart-category")
    box = by_id(funding, "p1-chart-box")
    # 8 category headings; 7 project 专栏 plus the money no 专栏 plans.
    assert len(by_class(category, "rect", "bar")) == 8
    bars = by_class(box, "rect", "bar")
    assert len(bars) == 8
    marked = by_class(box, "rect", "bar-marked")
    assert len(marked) == 1
    notes = [text(t) for t in by_class(box, "text", "note")]
    assert notes[-1] == "16,000 万元 · 5.9%"  # the four PC401 projects: 13,000 + 3,000
    assert notes[0] == "105,000 万元 · 38.6%"
    totals = text(by_class(funding, "table", "totals")[0])
    assert "272,340万元" in totals and "272,340 万元" in totals


def test_the_matrix_marks_the_four_pc401_projects(baoji_en: str) -> None:
    matrix = by_class(parse(baoji_en), "table", "matrix")[0]
    rows = matrix.findall("./tbody/tr")
    assert len(rows) == 31
    untraced = {r.get("data-project") for r in rows if "untraced" in classes(r)}
    pc401 = {f.subject.id for f in check(CORPUS).findings if f.rule == "PC401"}
    assert untraced == pc401 == PC401_PROJECTS
    for row in rows:
        hits = by_class(row, "td", "hit")
        assert len(hits) == (0 if row.get("data-project") in PC401_PROJECTS else 1)
    items = by_class(matrix, "th", "item")
    # 27 items in the 7 project 专栏, each carried out by exactly one funded project.
    assert len(items) == 27
    assert not [th for th in items if "unfunded" in classes(th)]


def test_indicators_and_rule_coverage(baoji_en: str) -> None:
    root = parse(baoji_en)
    rows = by_id(root, "p1-indicators").findall(".//tbody/tr")
    assert len(rows) == 10
    # Nothing is 约束性 in Baoji: 预期性 first, then the unspecified index (PC307).
    assert rows[-1].get("data-indicator") == "informatization-index"
    assert "worst-warning" in classes(rows[-1])
    assert all(len(by_class(r, "svg", "chart")) == 1 for r in rows)
    coverage = by_id(root, "p1-coverage").findall(".//tbody/tr")
    assert len(coverage) == len(check(CORPUS).stats)
