"""Plan *data* (the dicts a plan file holds) drawn by Hypothesis: the raw material of
the public strategies, which validate it into models.

Generation is bounded (lists of a few elements), draws nothing outside Hypothesis (so
``derandomize=True`` makes it deterministic), shrinks towards fewer and earlier
elements, and needs no file system.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

PlanData = dict[str, Any]

# -- vocabulary -----------------------------------------------------------------------

_CJK = "零一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

#: Units :func:`amounts` draws from by default (``None``: a bare number).
AMOUNT_UNITS: tuple[str | None, ...] = (
    None,
    "元",
    "万元",
    "亿元",
    "%",
    "万户",
    "个",
    "项",
    "万人",
    "公里",
    "Mbps",
    "台/百户",
    "万",
    "亿",
)

_PREFIXES = ("> ", ">= ", "大于", "不低于", "突破", "超过", "约")
_SUFFIXES = ("以上", "左右", "以下")

_JURISDICTIONS = (
    ("示例市", "city", "示例省"),
    ("宝鸡市", "city", "陕西省"),
    ("示例县", "county", "示例市"),
    ("示例省", "province", None),
)
_PERIOD_STARTS = (2006, 2011, 2016, 2021, 2026)
_PLAN_TITLES = ("信息化发展规划", "数字经济发展规划", "智慧城市建设规划")

_SECTION_TITLES = ("总体要求", "发展基础", "发展目标", "重点任务", "重点工程", "保障措施")
_SUBSECTION_TITLES = ("基础设施", "应用推广", "产业发展", "安全保障")

# (name, alias) of government departments; each name and alias is distinct.
_DEPARTMENTS = (
    ("工业和信息化局", "工信局"),
    ("发展和改革委员会", "发改委"),
    ("教育局", "教育部门"),
    ("公安局", "公安部门"),
    ("卫生健康委员会", "卫健委"),
    ("交通运输局", "交通局"),
    ("农业农村局", "农业局"),
    ("自然资源局", "资源局"),
)

_PROJECT_BOX_TITLES = (
    "信息基础设施重点工程",
    "电子政务重点工程",
    "社会信息化重点工程",
    "产业信息化重点工程",
)
_TOPICS = (
    "光纤入户",
    "智慧城市",
    "电子政务外网",
    "数据中心",
    "物联网示范",
    "智慧交通",
    "智慧医疗",
    "智慧教育",
    "农村信息服务",
    "信息安全保障",
    "应急指挥",
    "社会保障卡",
    "地理信息共享",
    "数字档案馆",
    "平安城市",
    "移动通信基站",
)

# (name, unit, direction, low, high): the baseline is drawn in [low, high).
_INDICATOR_KINDS: tuple[tuple[str, str, str, int, int], ...] = (
    ("宽带用户数", "万户", "increase", 1, 500),
    ("互联网普及率", "%", "increase", 10, 80),
    ("行政审批网上办理率", "%", "increase", 10, 80),
    ("城市宽带接入速率", "Mbps", "increase", 2, 100),
    ("信息产业增加值", "亿元", "increase", 1, 900),
    ("公共信息服务站点数", "个", "increase", 5, 300),
    ("单位增加值能耗", "吨", "decrease", 50, 900),
)


def _cjk(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二 (enough for the few sections generated)."""
    if n < 10:
        return _CJK[n]
    tens = "十" if n < 20 else _CJK[n // 10] + "十"
    return tens + (_CJK[n % 10] if n % 10 else "")


def _decimal_text(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


# -- amounts ------------------------------------------------------------------------


def amounts(
    units: Sequence[str | None] = AMOUNT_UNITS,
    *,
    comparators: bool = True,
    max_value: int = 1_000_000,
) -> st.SearchStrategy[str]:
    """Quantities as plans write them, which ``parse_value`` reads.

    ``units`` are the units to write (``None`` for a bare number); ``comparators``
    allows forms such as ``"突破350万"``, ``"80%以上"`` and ``"> 98"``.  Amounts are
    non-negative, at most ``max_value``, with up to two decimals; large ones may be
    written with thousands separators and digits may be full width.
    """
    if not units:
        raise ValueError("amounts() needs at least one unit (None for a bare number)")
    if max_value < 0:
        raise ValueError("amounts() needs max_value >= 0")
    return _amounts(tuple(units), comparators, max_value)


@st.composite
def _amounts(
    draw: st.DrawFn, units: tuple[str | None, ...], comparators: bool, max_value: int
) -> str:
    unit = draw(st.sampled_from(units))
    whole = draw(st.integers(min_value=0, max_value=max_value))
    decimals = draw(st.sampled_from((0, 0, 1, 2)))
    fraction = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    number = f"{whole:,}" if whole >= 1000 and draw(st.booleans()) else str(whole)
    if decimals:
        number += "." + str(fraction).zfill(decimals)
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        number = number.translate(_FULL_WIDTH)
    text = number + (unit or "")
    if comparators:
        where = draw(st.sampled_from(("none", "none", "prefix", "suffix")))
        if where == "prefix":
            text = draw(st.sampled_from(_PREFIXES)) + text
        elif where == "suffix":
            text += draw(st.sampled_from(_SUFFIXES))
    return text


# 万元 in each currency a plan may state: exact powers of ten.
_PER_WAN = {"元": Decimal(10000), "万元": Decimal(1), "亿元": Decimal("0.0001")}
CURRENCIES = tuple(_PER_WAN)


def _money(draw: st.DrawFn, wan: int, currency: str = "万元") -> str | int:
    """``wan`` 万元 written as a plan might: a bare number (in ``currency``), with
    thousands separators, or with its unit in 万元, 亿元 or 元."""
    form = draw(st.sampled_from(("bare", "comma", "wan", "yi", "yuan")))
    if form in ("bare", "comma"):
        amount = Decimal(wan) * _PER_WAN[currency]
        if amount != amount.to_integral_value():
            return _decimal_text(amount)
        return int(amount) if form == "bare" else f"{int(amount):,}"
    if form == "wan":
        return f"{wan}万元"
    if form == "yi":
        return _decimal_text(Decimal(wan).scaleb(-4)) + "亿元"
    return f"{wan * 10000}元"


# -- plan parts ---------------------------------------------------------------------


@st.composite
def sections(draw: st.DrawFn, *, max_size: int = 4) -> list[dict[str, Any]]:
    """A section tree numbered 一、二、… with children （一）（二）…, without gaps."""
    count = draw(st.integers(min_value=1, max_value=max_size))
    titles = draw(st.permutations(_SECTION_TITLES))[:count]
    tree: list[dict[str, Any]] = []
    for ordinal, title in enumerate(titles, start=1):
        section: dict[str, Any] = {"number": f"{_cjk(ordinal)}、", "title": title}
        children = draw(st.integers(min_value=0, max_value=3))
        if children:
            names = draw(st.permutations(_SUBSECTION_TITLES))[:children]
            section["sections"] = [
                {"number": f"（{_cjk(n)}）", "title": name} for n, name in enumerate(names, 1)
            ]
        tree.append(section)
    return tree


def _section_paths(tree: list[dict[str, Any]]) -> list[str]:
    paths = []
    for top, section in enumerate(tree, start=1):
        paths.append(str(top))
        paths.extend(f"{top}.{child}" for child in range(1, len(section.get("sections", [])) + 1))
    return paths


@st.composite
def agencies(
    draw: st.DrawFn, jurisdiction: str = "示例市", *, max_size: int = 4
) -> list[dict[str, Any]]:
    """Government agencies of ``jurisdiction`` with distinct names and aliases."""
    count = draw(st.integers(min_value=1, max_value=max_size))
    chosen = draw(st.permutations(_DEPARTMENTS))[:count]
    return [
        {
            "id": f"agency-{n}",
            "name": f"{jurisdiction}{name}",
            "aliases": [alias],
            "kind": "government",
        }
        for n, (name, alias) in enumerate(chosen, start=1)
    ]


@st.composite
def indicators(
    draw: st.DrawFn,
    period: tuple[int, int] = (2021, 2025),
    *,
    box: int | None = 1,
    min_size: int = 0,
    max_size: int = 3,
) -> list[dict[str, Any]]:
    """Typed indicators whose target (in the period's last year) improves on the
    baseline (the year before the period) in the indicator's direction."""
    start, end = period
    count = draw(st.integers(min_value=min_size, max_value=max_size))
    kinds = draw(st.permutations(_INDICATOR_KINDS))[:count]
    rows: list[dict[str, Any]] = []
    for n, (name, unit, direction, low, high) in enumerate(kinds, start=1):
        baseline = draw(st.integers(min_value=low, max_value=high - 1))
        # At most three times (or a third of) the baseline: within PC604's plausible
        # annual change (3.5 times either way) even over a period of one year.
        if direction == "increase":
            ceiling = 100 if unit == "%" else min(high * 2, baseline * 3)
            target = draw(st.integers(min_value=baseline + 1, max_value=ceiling))
            suffix = draw(st.sampled_from(("", "", "以上")))
        else:
            target = draw(st.integers(min_value=baseline // 3 + 1, max_value=baseline - 1))
            suffix = draw(st.sampled_from(("", "", "以下")))
        with_unit = draw(st.booleans())
        row: dict[str, Any] = {
            "id": f"indicator-{n}",
            "name": name,
            "unit": unit,
            "type": draw(st.sampled_from(("expected", "binding"))),
            "direction": direction,
            "baseline": {
                "year": start - 1,
                "value": f"{baseline}{unit}" if with_unit else baseline,
            },
            "targets": [{"year": end, "value": f"{target}{unit if with_unit else ''}{suffix}"}],
        }
        if box is not None:
            row["box"] = box
        rows.append(row)
    return rows


@st.composite
def boxes(
    draw: st.DrawFn, section_paths: Sequence[str] = ("1",), *, first: int = 1, max_size: int = 3
) -> list[dict[str, Any]]:
    """专栏 of projects numbered from ``first`` without gaps, items numbered 1, 2, …

    Item names are distinct across all the boxes drawn.
    """
    count = draw(st.integers(min_value=1, max_value=max_size))
    titles = draw(st.permutations(_PROJECT_BOX_TITLES))[:count]
    topics = list(draw(st.permutations(_TOPICS)))
    result: list[dict[str, Any]] = []
    for offset, title in enumerate(titles):
        size = draw(st.integers(min_value=1, max_value=3))
        names, topics = topics[:size], topics[size:]
        suffix = draw(st.sampled_from(("工程", "项目", "建设工程")))
        result.append(
            {
                "number": first + offset,
                "title": title,
                "section": draw(st.sampled_from(list(section_paths))),
                "kind": "projects",
                "items": [
                    {"number": n, "name": f"{name}{suffix}"} for n, name in enumerate(names, 1)
                ],
            }
        )
    return result


@st.composite
def projects(
    draw: st.DrawFn,
    period: tuple[int, int] = (2021, 2025),
    box_list: Sequence[dict[str, Any]] | None = None,
    agency_list: Sequence[dict[str, Any]] | None = None,
    currency: str = "万元",
) -> list[dict[str, Any]]:
    """One funded project per item of ``box_list`` (drawn when not given), named as the
    item, under its box's title, implemented within ``period`` by ``agency_list``."""
    if box_list is None:
        box_list = draw(boxes())
    if agency_list is None:
        agency_list = draw(agencies())
    start, end = period
    result: list[dict[str, Any]] = []
    for box in box_list:
        for item in box["items"]:
            first = draw(st.integers(min_value=start, max_value=end))
            last = draw(st.integers(min_value=first, max_value=end))
            chosen = draw(
                st.lists(
                    st.sampled_from(list(agency_list)),
                    min_size=1,
                    max_size=2,
                    unique_by=lambda a: str(a["id"]),
                )
            )
            implementers = []
            for agency in chosen:
                text = draw(st.sampled_from([agency["name"], *agency["aliases"]]))
                unit: dict[str, Any] = {"text": text}
                if draw(st.booleans()):
                    unit["agency"] = agency["id"]
                implementers.append(unit)
            result.append(
                {
                    "id": f"project-{len(result) + 1}",
                    "name": item["name"],
                    "category": box["title"],
                    "implementers_text": "、".join(unit["text"] for unit in implementers),
                    "implementers": implementers,
                    "years": first if first == last else f"{first}-{last}",
                    "funding": _money(
                        draw, draw(st.integers(min_value=1, max_value=50_000)), currency
                    ),
                }
            )

    return result


def _wan(funding: str | int, currency: str) -> Decimal:
    """The 万元 amount of funding written by :func:`_money`."""
    if isinstance(funding, int):
        return Decimal(funding) / _PER_WAN[currency]
    for unit in ("亿元", "万元", "元"):
        if funding.endswith(unit):
            return Decimal(funding[: -len(unit)]) / _PER_WAN[unit]
    return Decimal(funding.replace(",", "")) / _PER_WAN[currency]


# -- whole plans --------------------------------------------------------------------


@dataclass(frozen=True)
class PlanShape:
    """What :func:`consistent_plan` draws: the period (``start``, ``end``; ``None`` to
    draw a five-year period), the plan's ``currency`` (``None`` to draw 元, 万元 or 亿元)
    and the largest numbers of sections, project 专栏, indicators and agencies."""

    start: int | None = None
    end: int | None = None
    currency: str | None = None
    max_sections: int = 4
    max_boxes: int = 3
    max_indicators: int = 3
    max_agencies: int = 4


@st.composite
def consistent_plan(draw: st.DrawFn, shape: PlanShape = PlanShape()) -> PlanData:
    """A plan's data that every rule passes (see ``plancheck.strategies.plans``)."""
    place, level, parent = draw(st.sampled_from(_JURISDICTIONS))
    start = shape.start if shape.start is not None else draw(st.sampled_from(_PERIOD_STARTS))
    end = shape.end if shape.end is not None else start + 4
    currency = shape.currency or draw(st.sampled_from(CURRENCIES))
    tree = draw(sections(max_size=shape.max_sections))
    paths = _section_paths(tree)
    agency_list = draw(agencies(place, max_size=shape.max_agencies))
    indicator_list = draw(indicators((start, end), box=1, max_size=shape.max_indicators))
    box_list: list[dict[str, Any]] = []
    if indicator_list:
        box_list.append(
            {
                "number": 1,
                "title": "主要指标",
                "section": draw(st.sampled_from(paths)),
                "kind": "indicators",
            }
        )
    box_list += draw(boxes(paths, first=len(box_list) + 1, max_size=shape.max_boxes))
    project_boxes = box_list[1:] if indicator_list else box_list
    project_list = draw(projects((start, end), project_boxes, agency_list, currency))
    total = sum((_wan(project["funding"], currency) for project in project_list), Decimal(0))
    five_year = (start - 2011) // 5 + 12  # 2011-2015 is the 12th (十二五)
    data: PlanData = {
        "plancheck": 1,
        "id": f"generated-{start}-{end}",
        "title": f"{place}“{_cjk(five_year)}五”{draw(st.sampled_from(_PLAN_TITLES))}",
        "jurisdiction": {"name": place, "level": level},
        "period": f"{start}-{end}",
    }
    if parent is not None:
        data["jurisdiction"]["parent"] = parent
    if currency != "万元" or draw(st.booleans()):
        data["currency"] = currency
    data["sections"] = tree
    data["boxes"] = box_list
    if indicator_list:
        data["indicators"] = indicator_list
    data["agencies"] = agency_list
    data["projects"] = project_list
    data["totals"] = [
        {"id": "grand-total", "label": "合计", "value": _money(draw, int(total), currency)}
    ]
    return data
