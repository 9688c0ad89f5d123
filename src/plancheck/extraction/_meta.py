"""The plan's metadata: title, jurisdiction and level, period, base year."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from plancheck.extraction._document import Document
from plancheck.extraction._draft import Item
from plancheck.extraction._text import fold

_PLAN_WORDS: Final = re.compile(r"规划|纲要|计划|方案")
_FIVE_YEAR: Final = re.compile(r"[“\"]?(十[一二三四五六七八九]?)五[”\"]?")
_RANGE: Final = re.compile(r"(\d{4})\s*年?\s*(?:-|–|—|~|～|至|到)+\s*(\d{4})\s*年?")
_PLACE: Final = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|县|区|州|盟|旗)")
_NATIONAL: Final = re.compile(r"^(国家|全国|中华人民共和国)")
_BASE: Final = re.compile(r"以(\d{4})年为基[期准]|基[期准]年(?:为|是)?(\d{4})")
_PROVINCES: Final = [
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
]
_PROVINCE: Final = re.compile(
    "("
    + "|".join(f"{name}省" for name in _PROVINCES)
    + "|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)"
)
_ORDINALS: Final = {
    "十": 10,
    "十一": 11,
    "十二": 12,
    "十三": 13,
    "十四": 14,
    "十五": 15,
    "十六": 16,
}


def five_year_period(word: str) -> tuple[int, int] | None:
    """十二五 -> (2011, 2015); from the sixth (1981–1985) on, plans follow each other."""
    n = _ORDINALS.get(word)
    if n is None:
        return None
    start = 2006 + 5 * (n - 11)
    return start, start + 4


def title_line(doc: Document) -> int | None:
    """The title: a short early line naming a plan, preferably one that names its period.

    Scraped pages open with menus (首页 | 发展规划 | …); a line that also states the period
    is the title even when a menu entry comes first.
    """
    candidates = [
        index
        for index, line in enumerate(doc.lines[:30])
        if 0 < len(line.strip()) <= 80 and _PLAN_WORDS.search(line)
    ]
    for index in candidates:
        folded = fold(doc.lines[index])
        if _RANGE.search(folded) or _FIVE_YEAR.search(folded):
            return index
    return candidates[0] if candidates else None


def read_meta(doc: Document) -> tuple[Item, tuple[int, int] | None, str | None, int | None]:
    """Metadata, the period, the jurisdiction's name and the title's 0-based line."""
    meta = Item()
    meta["plancheck"] = 1
    index = title_line(doc)
    title = doc.lines[index].strip() if index is not None else None
    period: tuple[int, int] | None = None
    folded_title = fold(title or "")
    explicit = _RANGE.search(folded_title)
    if explicit:
        period = (int(explicit.group(1)), int(explicit.group(2)))
    else:
        word = _FIVE_YEAR.search(folded_title)
        period = five_year_period(word.group(1)) if word else None
    if period is None:
        period = _guess_period(doc)
        if period is not None:
            meta.doubt(
                "period",
                "标题未写规划期，取正文中最常见的年份区间 / the title states no period; "
                "the year range the text names most often",
            )
    meta["id"] = f"plan-{period[0]}-{period[1]}" if period else "plan"
    meta.doubt("id", "请改为有意义的标识 / choose a meaningful id")
    if title is not None:
        meta["title"] = title
    name = None
    jurisdiction = Item()
    if title is not None:
        places = _places(title)
        written_parent = places[-2] if len(places) > 1 else None
        if _NATIONAL.match(title):
            name, level = "全国", "national"
        elif places:
            name = places[-1]
            level = _level(name)
        else:
            level = "city"
        if name is None:
            jurisdiction["name"] = "（未识别）"
            jurisdiction.doubt("name", "标题中未找到地名 / no place name in the title")
        else:
            jurisdiction["name"] = name
        jurisdiction["level"] = level
        jurisdiction.doubt("level", "由地名后缀推断 / guessed from the place name")
        parent = written_parent or _parent(doc, name, level)
        if parent:
            jurisdiction["parent"] = parent
            if written_parent is None:
                jurisdiction.doubt(
                    "parent", "正文中最常提及的省 / the province the text names most"
                )
        meta["jurisdiction"] = jurisdiction
    if period is not None:
        meta["period"] = f"{period[0]}-{period[1]}"
    base = next((m for line in doc.folded for m in _BASE.finditer(line)), None)
    if base is not None:
        meta["base_year"] = int(base.group(1) or base.group(2))
    return meta, period, name, index


def _places(title: str) -> list[str]:
    """宝鸡市陈仓区“十三五”… -> [宝鸡市, 陈仓区]: the place names the title opens with."""
    places: list[str] = []
    at = 0
    while len(places) < 3:
        match = _PLACE.match(title, at)
        if match is None:
            break
        places.append(match.group())
        at = match.end()
    return places


def _level(name: str) -> str:
    if name.endswith(("省", "自治区")):
        return "province"
    if name.endswith(("县", "区", "旗")):
        return "county"
    return "city"


def _parent(doc: Document, name: str | None, level: str) -> str | None:
    if level in {"national", "province"} or name is None:
        return None
    counts = Counter(m.group(1) for line in doc.lines for m in _PROVINCE.finditer(line))
    for province, _ in counts.most_common():
        if province not in {"全省", "本省", "我省", "各省"} and not province.startswith(
            ("全", "各")
        ):
            return province
    return None


def _guess_period(doc: Document) -> tuple[int, int] | None:
    counts: Counter[tuple[int, int]] = Counter()
    for line in doc.folded:
        for match in _RANGE.finditer(line):
            start, end = int(match.group(1)), int(match.group(2))
            if 0 < end - start <= 10:
                counts[(start, end)] += 1
        for word in _FIVE_YEAR.finditer(line):
            span = five_year_period(word.group(1))
            if span is not None:
                counts[span] += 1
    return counts.most_common(1)[0][0] if counts else None
