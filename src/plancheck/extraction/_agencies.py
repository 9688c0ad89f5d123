"""Implementers: the 实施单位 cell split into bodies, shared prefixes distributed."""

from __future__ import annotations

import re
from typing import Final

from plancheck.extraction._draft import Item, source

_SEPARATORS: Final = re.compile(r"[、，,；;/]|以及|(?<=[\u4e00-\u9fff]{2})及(?=[\u4e00-\u9fff]{2})")
_COLLECTIVE: Final = re.compile(r"^(相关|各|其他|其它|有关)|企业$|园区$|单位$|龙头企业")
_GOVERNMENT: Final = re.compile(r"(局|委|办|厅|政府|部|署|中心|委员会|处)$")
_ENTERPRISE: Final = re.compile(r"(集团|公司|电信|移动|联通|广电|银行|有限)")


def short_name(jurisdiction: str) -> str:
    """宝鸡市 -> 宝鸡: the form a shared prefix takes in a cell."""
    for suffix in ("自治区", "自治州", "省", "市", "县", "区", "州", "盟", "旗"):
        if jurisdiction.endswith(suffix) and len(jurisdiction) > len(suffix) + 1:
            return jurisdiction[: -len(suffix)]
    return jurisdiction


def split_implementers(text: str, jurisdiction: str | None) -> tuple[list[tuple[str, str]], bool]:
    """(as written, resolved name) pairs and whether the list ends in 等."""
    cell = text.strip()
    open_ended = cell.endswith("等")
    if open_ended:
        cell = cell[:-1]
    parts = [part.strip() for part in _SEPARATORS.split(cell) if part.strip()]
    prefixes = [p for p in (jurisdiction, short_name(jurisdiction or "")) if p]
    carried: str | None = None
    resolved: list[tuple[str, str]] = []
    for part in parts:
        name = part
        own = next((p for p in prefixes if part.startswith(p) and part != p), None)
        if own is not None:
            carried = own
        # 宝鸡电信、移动、联通: the place name written once is shared by the short names after it.
        elif (
            carried is not None
            and len(part) <= 4
            and not _GOVERNMENT.search(part)
            and not _COLLECTIVE.search(part)
        ):
            name = carried + part
        else:
            carried = None
        resolved.append((part, name))
    return resolved, open_ended


def _full_name(jurisdiction: str, name: str) -> str:
    """工信局 -> 宝鸡市工信局; 市应急办 already says 市, so -> 宝鸡市应急办."""
    for suffix in ("自治区", "自治州", "省", "市", "县", "区", "州", "盟", "旗"):
        if jurisdiction.endswith(suffix) and name.startswith(suffix):
            return jurisdiction[: -len(suffix)] + name
    return jurisdiction + name


def _kind(name: str) -> str:
    if _COLLECTIVE.search(name):
        return "collective"
    if _ENTERPRISE.search(name):
        return "enterprise"
    if _GOVERNMENT.search(name):
        return "government"
    return "other"


def resolve(projects: list[Item], jurisdiction: str | None) -> list[Item]:
    """Fill each project's ``implementers``; return the agencies they name."""
    agencies: dict[str, Item] = {}
    for project in projects:
        text = project.get("implementers_text")
        if not text:
            continue
        pairs, open_ended = split_implementers(text, jurisdiction)
        implementers = []
        for written, name in pairs:
            kind = _kind(name)
            full = name
            if (
                kind == "government"
                and jurisdiction
                and not name.startswith(short_name(jurisdiction))
            ):
                full = _full_name(jurisdiction, name)
            agency = agencies.get(full)
            if agency is None:
                agency = Item()
                agency["id"] = f"agency-{len(agencies) + 1}"
                agency["name"] = full
                agency["aliases"] = []
                agency["kind"] = kind
                agency.doubt("kind", "由名称推断 / guessed from the name")
                if full != name:
                    agency.doubt(
                        "name", "全称由辖区名推断 / full name guessed from the jurisdiction"
                    )
                agency["source"] = source(project.lines["implementers"], written)
                agencies[full] = agency
            if written != full and written not in agency["aliases"]:
                agency["aliases"].append(written)
            entry = Item()
            entry["text"] = written
            entry["agency"] = agency["id"]
            if written != name:
                entry.doubt("agency", f"共享前缀，解作“{name}” / shared prefix, read as {name!r}")
            implementers.append(entry)
        project["implementers"] = implementers
        if open_ended:
            project.doubt("implementers", "原文以“等”结尾 / the cell ends in 等")
    result = []
    for agency in agencies.values():
        if not agency["aliases"]:
            del agency.fields["aliases"]
        result.append(agency)
    return result
