"""Hypothesis strategies producing plan data for property-based tests.

Every strategy here produces *data*: plain dicts, lists, strings and ints, ready for
``yaml.safe_dump(data, allow_unicode=True)`` or ``Plan.model_validate(data)``.

* :func:`amounts` — quantities written the way plans write them (``"3亿元"``,
  ``"30,000"``, ``"80%以上"``, ``"突破350万"``);
* :func:`sections`, :func:`agencies`, :func:`indicators`, :func:`boxes`,
  :func:`projects` — one part of a plan each;
* :func:`plans` — a whole plan; with ``consistent=True`` (the default) checking it
  gives no error-level finding;
* :func:`mutations` — a consistent plan with exactly one invariant broken, as a
  :class:`Mutation` naming the rule code that must fire.

Generation is bounded (lists of a few elements), uses no randomness of its own (so
``derandomize=True`` makes it deterministic) and needs no file system.

This module needs ``hypothesis`` (an optional dependency of plancheck).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "AMOUNT_UNITS",
    "MUTATION_RULES",
    "Mutation",
    "agencies",
    "amounts",
    "boxes",
    "indicators",
    "mutations",
    "plans",
    "projects",
    "sections",
]

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


def _money(draw: st.DrawFn, wan: int) -> str | int:
    """``wan`` 万元 written as a plan might: bare, with separators, in 万元, 亿元 or 元."""
    form = draw(st.sampled_from(("bare", "comma", "wan", "yi", "yuan")))
    if form == "bare":
        return wan
    if form == "comma":
        return f"{wan:,}"
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
        if direction == "increase":
            ceiling = 100 if unit == "%" else high * 2
            target = draw(st.integers(min_value=baseline + 1, max_value=ceiling))
            suffix = draw(st.sampled_from(("", "", "以上")))
        else:
            target = draw(st.integers(min_value=1, max_value=baseline - 1))
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
                    "funding": _money(draw, draw(st.integers(min_value=1, max_value=50_000))),
                }
            )
    return result


def _wan(funding: str | int) -> int:
    """The 万元 amount of funding written by :func:`_money`."""
    if isinstance(funding, int):
        return funding
    if funding.endswith("亿元"):
        return int(Decimal(funding[:-2]).scaleb(4))
    if funding.endswith("万元"):
        return int(funding[:-2])
    if funding.endswith("元"):
        return int(funding[:-1]) // 10000
    return int(funding.replace(",", ""))


# -- whole plans --------------------------------------------------------------------


@st.composite
def _consistent_plan(draw: st.DrawFn) -> PlanData:
    place, level, parent = draw(st.sampled_from(_JURISDICTIONS))
    start = draw(st.sampled_from(_PERIOD_STARTS))
    end = start + 4
    tree = draw(sections())
    paths = _section_paths(tree)
    agency_list = draw(agencies(place))
    indicator_list = draw(indicators((start, end), box=1))
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
    box_list += draw(boxes(paths, first=len(box_list) + 1))
    project_boxes = box_list[1:] if indicator_list else box_list
    project_list = draw(projects((start, end), project_boxes, agency_list))
    total = sum(_wan(project["funding"]) for project in project_list)
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
    if draw(st.booleans()):
        data["currency"] = "万元"
    data["sections"] = tree
    data["boxes"] = box_list
    if indicator_list:
        data["indicators"] = indicator_list
    data["agencies"] = agency_list
    data["projects"] = project_list
    data["totals"] = [{"id": "grand-total", "label": "合计", "value": _money(draw, total)}]
    return data


@dataclass(frozen=True)
class Mutation:
    """A plan with exactly one invariant broken.

    ``data`` is the plan data, ``rule`` the code of the rule that must report it (at
    error severity) and ``description`` says what was changed.
    """

    data: PlanData
    rule: str
    description: str


def _project_boxes(data: PlanData) -> list[dict[str, Any]]:
    return [box for box in data["boxes"] if box["kind"] == "projects"]


def _apply(draw: st.DrawFn, data: PlanData, rule: str) -> str:
    """Break ``data`` (in place) so that ``rule`` fires; return what was done."""
    start, end = (int(year) for year in data["period"].split("-"))
    project_list = data["projects"]
    if rule == "PC401":
        box = draw(st.sampled_from(_project_boxes(data)))
        item = box["items"].pop()  # the last, so the remaining items keep their numbers
        return f"dropped item {item['number']} “{item['name']}” from 专栏{box['number']}"
    if rule == "PC201":
        project = draw(st.sampled_from(project_list))
        wan = _wan(project["funding"]) + draw(st.integers(min_value=1, max_value=999))
        project["funding"] = f"{wan}万元"
        return f"changed the funding of {project['id']} to {wan}万元 (the total stays)"
    if rule == "PC202":
        project = draw(st.sampled_from(project_list))
        del project["funding"]
        return f"removed the funding of {project['id']}"
    if rule == "PC403":
        box = data["boxes"][-1]
        box["number"] += 1
        return f"renumbered the last 专栏 to 专栏{box['number']}, leaving a gap"
    if rule == "PC404":
        ordinal = len(data["sections"]) + 2
        data["sections"].append({"number": f"{_cjk(ordinal)}、", "title": "附则"})
        return f"appended section {_cjk(ordinal)}、, skipping {_cjk(ordinal - 1)}、"
    if rule == "PC101":
        project = draw(st.sampled_from(project_list))
        project["years"] = f"{start}-{end + 1}"
        return f"made {project['id']} run to {end + 1}, after the period"
    if rule == "PC102":
        project = draw(st.sampled_from(project_list))
        project["years"] = f"{end}-{start}"
        return f"reversed the years of {project['id']}"
    if rule == "PC103":
        indicator = draw(st.sampled_from(data["indicators"]))
        # Added, not moved: a 约束性 indicator must keep its final-year target (PC308).
        indicator["targets"].append({**indicator["targets"][0], "year": end + 1})
        return f"gave {indicator['id']} a target for {end + 1}, after the period"
    if rule == "PC301":
        indicator = draw(st.sampled_from(data["indicators"]))
        written = indicator["baseline"]["value"]
        unit = indicator["unit"]
        base = written if isinstance(written, int) else int(written.removesuffix(unit))
        worse = base - 1 if indicator["direction"] == "increase" else base + 1
        indicator["targets"][0]["value"] = f"{worse}{unit}"
        return f"set the target of {indicator['id']} to {worse}{unit}, worse than its baseline"
    if rule == "PC501":
        project = draw(st.sampled_from(project_list))
        project["implementers"][0] = {"text": "未列明单位"}
        project["implementers_text"] = "、".join(u["text"] for u in project["implementers"])
        return f"made {project['id']} name an implementer that is no agency"
    raise ValueError(f"no mutation for rule {rule}")  # pragma: no cover


#: The rule codes :func:`mutations` can break.
MUTATION_RULES: tuple[str, ...] = (
    "PC101",
    "PC102",
    "PC103",
    "PC201",
    "PC202",
    "PC301",
    "PC401",
    "PC403",
    "PC404",
    "PC501",
)


def mutations(rules: Sequence[str] | None = None) -> st.SearchStrategy[Mutation]:
    """Consistent plans with exactly one invariant broken, as :class:`Mutation` values.

    ``rules`` limits the rule codes broken (default: every one in ``MUTATION_RULES``).
    """
    wanted = tuple(rules) if rules is not None else MUTATION_RULES
    unknown = [code for code in wanted if code not in MUTATION_RULES]
    if unknown or not wanted:
        raise ValueError(f"mutations() can break {', '.join(MUTATION_RULES)}; got {wanted}")
    return _mutations(wanted)


@st.composite
def _mutations(draw: st.DrawFn, wanted: tuple[str, ...]) -> Mutation:
    data = copy.deepcopy(draw(_consistent_plan()))
    possible = [code for code in wanted if "indicators" in data or code not in ("PC103", "PC301")]
    if not possible:
        # Only indicator rules were asked for: give the plan an indicator.
        data["boxes"].insert(0, {"number": 0, "title": "主要指标", "kind": "indicators"})
        for number, box in enumerate(data["boxes"], start=1):
            box["number"] = number
        start, end = (int(year) for year in data["period"].split("-"))
        data["indicators"] = draw(indicators((start, end), box=1, min_size=1))
        possible = list(wanted)
    rule = draw(st.sampled_from(possible))
    description = _apply(draw, data, rule)
    return Mutation(data, rule, description)


def plans(*, consistent: bool = True) -> st.SearchStrategy[PlanData]:
    """Whole plans as data.

    With ``consistent=True`` every project is traced by name to a 专栏 item, its
    years fall in the period, the 合计 total equals the sum of the funding, sections
    and 专栏 are numbered without gaps, indicators are typed with targets improving
    on their baselines and every implementer resolves to an agency: checking the plan
    gives no error-level finding.  With ``consistent=False`` exactly one invariant is
    broken (see :func:`mutations`, which also says which rule must fire).
    """
    if consistent:
        return _consistent_plan()
    return mutations().map(lambda mutation: mutation.data)
