"""Facts about the Baoji 2011–2015 corpus encoding that would catch an encoding slip.

The encoding is faithful to the published text, mistakes included, so these
tests pin what the document says (31 appendix rows, no 专栏4, no 三、（三） …)
rather than what it should have said.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import plancheck
from plancheck.model import Plan, SourceRef
from plancheck.quantities import parse_value

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "baoji-2011-2015"

CATEGORIES = [
    "信息网络基础设施重点工程",
    "两化融合重点工程",
    "农村信息化重点工程",
    "信息服务业重点工程",
    "电子政务重点工程",
    "社会信息化重点工程",
    "信息安全重点工程",
    "人才培养重点工程",
]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plancheck.load(CORPUS)


@pytest.fixture(scope="module")
def source_lines() -> list[str]:
    return (CORPUS / "source.txt").read_text(encoding="utf-8").split("\n")


def _source_refs(node: Any, path: str = "") -> Iterator[tuple[str, SourceRef]]:
    if isinstance(node, SourceRef):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _source_refs(getattr(node, name), f"{path}/{name}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _source_refs(item, f"{path}/{index}")


# --- metadata -----------------------------------------------------------------


def test_metadata(plan: Plan) -> None:
    assert plan.id == "baoji-2011-2015-informatization"
    assert plan.title == "宝鸡市“十二五”信息化建设规划"
    assert plan.jurisdiction.name == "宝鸡市"
    assert plan.jurisdiction.parent == "陕西省"
    assert (plan.period.start, plan.period.end) == (2011, 2015)
    assert plan.base_year is None  # the document states none
    assert plan.currency == "万元"


def test_source_document_hash(plan: Plan) -> None:
    import hashlib

    assert plan.source_document is not None
    digest = hashlib.sha256((CORPUS / plan.source_document.path).read_bytes()).hexdigest()
    assert digest == plan.source_document.sha256


# --- source references --------------------------------------------------------


def test_every_source_quote_is_on_its_line(plan: Plan, source_lines: list[str]) -> None:
    refs = list(_source_refs(plan))
    assert len(refs) > 200
    wrong = [
        (path, ref.line, ref.quote)
        for path, ref in refs
        if ref.quote is not None
        and (ref.line > len(source_lines) or ref.quote not in source_lines[ref.line - 1])
    ]
    assert wrong == []


def test_every_entity_has_a_source(plan: Plan) -> None:
    entities: list[Any] = [
        *plan.iter_sections(),
        *plan.boxes,
        *(item for box in plan.boxes for item in box.items),
        *plan.indicators,
        *plan.agencies,
        *plan.projects,
        *plan.totals,
        *plan.counts,
        *plan.identities,
        *plan.claims,
    ]
    assert [e for e in entities if e.source is None or e.source.quote is None] == []


def test_claim_quotes_are_on_the_claims_line(plan: Plan, source_lines: list[str]) -> None:
    for claim in plan.claims:
        assert claim.source is not None, claim.id
        assert claim.quote in source_lines[claim.source.line - 1], claim.id
        assert claim.source.quote == claim.quote, claim.id


# --- ids ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["indicators", "agencies", "projects", "totals", "counts", "identities", "claims"]
)
def test_ids_unique(plan: Plan, kind: str) -> None:
    ids = [entity.id for entity in getattr(plan, kind)]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


# --- sections -----------------------------------------------------------------


def test_top_level_sections(plan: Plan) -> None:
    assert [s.number for s in plan.sections] == ["一、", "二、", "三、", "四、"]
    assert len(list(plan.iter_sections())) == 54


def test_section_three_keeps_the_gap(plan: Plan) -> None:
    three = plan.sections[2]
    assert three.title == "主要任务及重点工程"
    assert [s.parsed_number.ordinal for s in three.sections] == [1, 2, 4, 5, 6, 7, 8]
    by_path = {s.path: s for s in plan.iter_sections()}
    assert "3.3" not in by_path
    assert [
        len(by_path[p].sections) for p in ("3.1", "3.2", "3.4", "3.5", "3.6", "3.7", "3.8")
    ] == [
        0,
        6,
        3,
        0,
        6,
        0,
        0,
    ]


def test_glued_headings(plan: Plan) -> None:
    by_path = {s.path: s for s in plan.iter_sections()}
    assert by_path["3.7"].title == "强化信息安全保障"
    assert by_path["3.7"].source is not None and by_path["3.7"].source.line == 78
    assert by_path["3.8"].title == "构建人才发展体系，加强信息化复合型人才培养"
    assert by_path["1.1"].title == "“十一五”时期取得的主要成绩"
    assert by_path["1.2"].title == "面临的问题"
    assert by_path["1.2"].sections == []  # 一是…六是 are not headings


def test_other_section_shapes(plan: Plan) -> None:
    by_path = {s.path: s for s in plan.iter_sections()}
    assert [len(by_path[p].sections) for p in ("1.1", "2.1", "2.2", "2.3")] == [6, 0, 4, 6]
    assert [s.number for s in by_path["2.3"].sections] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert {s.source.line for s in by_path["2.3"].sections if s.source} == {45}
    assert [s.number for s in plan.sections[3].sections] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
    ]
    assert all(not s.title.endswith("。") for s in plan.iter_sections())


# --- boxes --------------------------------------------------------------------


def test_boxes_as_numbered(plan: Plan) -> None:
    assert [b.number for b in plan.boxes] == [1, 2, 3, 5, 6, 7, 8, 9]
    assert {b.number: b.section for b in plan.boxes} == {
        1: "2.3",
        2: "3.1",
        3: "3.2",
        5: "3.4",
        6: "3.5",
        7: "3.6",
        8: "3.7",
        9: "3.8",
    }
    assert [str(b.kind) for b in plan.boxes] == ["indicators"] + ["projects"] * 7
    assert plan.boxes[-1].title == "人才培育重点工程"


def test_box_items(plan: Plan, source_lines: list[str]) -> None:
    counts = {b.number: len(b.items) for b in plan.boxes}
    assert counts == {1: 0, 2: 3, 3: 8, 5: 3, 6: 4, 7: 6, 8: 2, 9: 1}
    for box in plan.boxes:
        assert [item.number for item in box.items] == list(range(1, len(box.items) + 1))
        for item in box.items:
            assert item.source is not None
            line = source_lines[item.source.line - 1]
            assert line.startswith(f"{item.number}.{item.name}：{item.text}"), item.key
    titanium = plan.boxes[2].items[5]
    assert titanium.name == "“中国钛谷”产业集群技术、商品交易和物流中心信息平台"
    card = plan.boxes[5].items[5]
    assert card.text is not None and card.text.endswith("电话费等。")
    assert "（七）" not in card.text


# --- indicators ---------------------------------------------------------------


def test_indicator_rows(plan: Plan) -> None:
    table = [i for i in plan.indicators if i.group is None]
    assert len(table) == 9
    assert all(i.box == 1 and str(i.type) == "expected" for i in table)
    assert all(i.baseline is not None and i.baseline.year == 2009 for i in table)
    assert all([t.year for t in i.targets] == [2015] for i in table)
    units = {i.name: i.unit for i in table}
    assert units["企业互联网普及率"] is None
    assert units["城市用户互联网带宽"] == "M"
    assert units["电子信息工业产值"] == "亿元"


def test_indicator_values(plan: Plan) -> None:
    by_id = {i.id: i for i in plan.indicators}
    phones = by_id["telephone-users"]
    assert phones.baseline is not None and phones.baseline.value is not None
    assert phones.baseline.value.amount == Decimal("303.99")
    output = by_id["electronic-information-industry-output"].baseline
    assert output is not None and output.value is not None
    assert output.value.amount == Decimal("93.72")
    penetration = by_id["enterprise-internet-penetration"]
    assert penetration.baseline is not None and penetration.baseline.value is not None
    assert penetration.baseline.value.unit == "%"
    assert [t.value.amount for t in penetration.targets if t.value] == [Decimal(100)]


def test_informatization_index(plan: Plan) -> None:
    index = next(i for i in plan.indicators if i.id == "informatization-index")
    assert index.unit is None and index.group == "总体目标" and str(index.type) == "unspecified"
    assert index.baseline is not None and index.baseline.value is not None
    assert (index.baseline.year, index.baseline.value.amount, index.baseline.estimated) == (
        2010,
        Decimal("0.707"),
        True,
    )
    assert [(o.year, o.value.amount) for o in index.observations if o.value] == [
        (2009, Decimal("0.686"))
    ]
    assert [(t.year, t.value.amount) for t in index.targets if t.value] == [
        (2015, Decimal("0.812"))
    ]


# --- agencies and projects ----------------------------------------------------


def test_agencies(plan: Plan) -> None:
    by_id = {a.id: a for a in plan.agencies}
    assert len(by_id) == 25
    for agency in plan.agencies:
        assert agency.parent is None or agency.parent in by_id, agency.id
    miit = by_id["baoji-miit"]
    assert miit.name == "宝鸡市工业和信息化局"
    assert {"工信局", "我市工业和信息化局"} <= set(miit.aliases)
    assert str(by_id["related-enterprises"].kind) == "collective"
    names = Counter(n for a in plan.agencies for n in a.names)
    assert [n for n, k in names.items() if k > 1] == []


def test_projects(plan: Plan) -> None:
    assert len(plan.projects) == 31
    categories = list(dict.fromkeys(p.category for p in plan.projects))
    assert categories == CATEGORIES
    per_category = Counter(p.category for p in plan.projects)
    assert [per_category[c] for c in CATEGORIES] == [3, 8, 3, 3, 4, 7, 2, 1]
    assert all(p.box_item is None for p in plan.projects)


def test_funding_sums_to_the_declared_total(plan: Plan) -> None:
    amounts = []
    for project in plan.projects:
        assert project.funding is not None and project.funding.unit == "万元", project.id
        assert project.funding.amount is not None
        amounts.append(project.funding.amount)
    assert sum(amounts, Decimal(0)) == Decimal(272340)
    (total,) = plan.totals
    assert total.projects == "all"
    assert total.value.amount == Decimal(272340) and total.value.unit == "万元"


def test_project_cells_as_written(plan: Plan, source_lines: list[str]) -> None:
    for project in plan.projects:
        assert project.source is not None
        row = source_lines[project.source.line - 1 : project.source.line + 3]
        assert row[0] == project.name, project.id
        assert row[1] == project.implementers_text, project.id
        assert row[2] == str(project.years), project.id
        assert project.funding is not None and row[3] == project.funding.text, project.id


def test_implementers_resolve(plan: Plan) -> None:
    agencies = {a.id: a for a in plan.agencies}
    for project in plan.projects:
        assert project.implementers, project.id
        for implementer in project.implementers:
            assert implementer.agency in agencies, (project.id, implementer.text)
            assert implementer.text in agencies[implementer.agency].names
            assert implementer.text in (project.implementers_text or "")
    platform = next(p for p in plan.projects if p.id == "social-public-information-platform")
    assert platform.implementers_text == "工信局、公安局、计生局等"
    assert [i.text for i in platform.implementers] == ["工信局", "公安局", "计生局"]


# --- counts, identities, claims -----------------------------------------------


def test_counts(plan: Plan) -> None:
    by_id = {c.id: c for c in plan.counts}
    eight = by_id["eight-informatization-projects"]
    assert eight.count == 8 and eight.items == CATEGORIES
    subnets = by_id["ten-agricultural-subnets"]
    assert (subnets.count, len(subnets.items), subnets.open_ended) == (10, 7, True)
    assert len(by_id["nine-industrial-clusters"].items) == 9
    assert by_id["twelve-counties"].items == []
    for count in plan.counts:
        if not count.open_ended and count.items:
            assert len(count.items) == count.count, count.id


def test_identity_terms_name_claims(plan: Plan) -> None:
    claims = {c.id: c for c in plan.claims}
    (identity,) = plan.identities
    terms = [identity.total, *identity.components]
    assert all(t.claim in claims for t in terms)
    amounts = [claims[t.claim].value.amount for t in terms if t.claim is not None]
    assert None not in amounts
    total, *parts = (Decimal(a) for a in amounts if a is not None)
    assert total == sum(parts, Decimal(0))  # 303.99 = 83.98 + 220.01


def test_claims(plan: Plan) -> None:
    assert len(plan.claims) == 47
    indicators = {i.id for i in plan.indicators}
    sections = {s.path for s in plan.iter_sections()}
    for claim in plan.claims:
        assert claim.indicator is None or claim.indicator in indicators, claim.id
        assert claim.section in sections, claim.id
    kinds = Counter(str(c.kind) for c in plan.claims)
    assert kinds == {"status": 20, "growth": 1, "target": 26}


def test_claim_values_as_written(plan: Plan) -> None:
    by_id = {c.id: c for c in plan.claims}
    assert by_id["telephone-users-2015"].value.text == "突破350万"
    assert by_id["enterprise-internet-penetration-2015"].value.text == "90%以上"
    assert by_id["telecom-revenue-growth-2009"].value.text == "13.9％"
    for claim in plan.claims:
        text = claim.value.text
        if text is not None:
            parse_value(text)  # raises on a form plancheck cannot read
