"""Mutation battery on the Baoji corpus: realistic data-entry slips are each caught by the
rule meant to catch them, and meaning-preserving edits change no finding at all.

Every edit is applied to a private copy with ruamel's round-trip mode (comments, quoting
and layout of the rest are kept), as a person editing the YAML would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from plancheck import check
from plancheck.records import fingerprint
from tests.corpus._copy import copy_corpus, edit, entity
from tests.corpus.test_corpus_findings import EXPECTED


@dataclass(frozen=True)
class Slip:
    """One data-entry slip: where it is made, how, and the finding it must produce."""

    name: str
    part: str
    change: Callable[[Any], None]
    rule: str
    key: str | None  # None: a load finding (its subject is the file), matched by rule only


def _set(key: str, entity_id: str, field: str, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        entity(data, key, entity_id)[field] = value

    return change


def _set_in(key: str, entity_id: str, path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        node = entity(data, key, entity_id)
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


def _drop(key: str, entity_id: str, path: tuple[Any, ...]) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        node = entity(data, key, entity_id)
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]

    return change


def _box_item_number(box: int, position: int, number: int) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        target = next(b for b in data["boxes"] if b["number"] == box)
        target["items"][position]["number"] = number

    return change


def _box_number(old: int, new: int) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        next(b for b in data["boxes"] if b["number"] == old)["number"] = new

    return change


def _plan_field(field: str, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data[field] = value

    return change


def _duplicate_project_id(data: Any) -> None:
    data["projects"][1]["id"] = data["projects"][0]["id"]


def _drop_expert_system(data: Any) -> None:
    entity(data, "counts", "three-expert-systems")["items"].pop()


def _implementer_text(data: Any) -> None:
    entity(data, "projects", "precision-agriculture")["implementers"][1]["text"] = "工信局"


SLIPS = [
    # value against its own words (PC013, PC014)
    Slip("baseline retyped", "indicators.yaml",
         _set_in("indicators", "telephone-users", ("baseline", "value"), 309.39),
         "PC013", "indicators/telephone-users/2009"),
    Slip("index digits swapped", "indicators.yaml",
         _set_in("indicators", "informatization-index", ("targets", 0, "value"), 0.821),
         "PC013", "indicators/informatization-index/2015"),
    Slip("claim digits swapped", "claims.yaml",
         _set("claims", "e-commerce-volume-2015", "value", "205亿元以上"),
         "PC013", "claims/e-commerce-volume-2015"),
    Slip("claim bound dropped", "claims.yaml",
         _set("claims", "sme-it-application-2015", "value", "50%"),
         "PC013", "claims/sme-it-application-2015"),
    Slip("count retyped", "declarations.yaml",
         _set("counts", "twelve-counties", "count", 11), "PC013", "counts/twelve-counties"),
    Slip("claim quote retyped", "claims.yaml",
         _set("claims", "broadband-users-2015", "quote", "宽带用户数超过80万户"),
         "PC014", "claims/broadband-users-2015"),
    # units and unreadable cells (PC302, PC004, PC203)
    Slip("bit rate given in GB", "indicators.yaml",
         _set("indicators", "urban-bandwidth", "unit", "GB"),
         "PC302", "claims/urban-bandwidth-2015"),
    Slip("unknown comparator word", "claims.yaml",
         _set("claims", "rural-bandwidth-2015", "value", "基本到达4M"), "PC004", None),
    Slip("funding in a counter unit", "projects.yaml",
         _set("projects", "digital-archives", "funding", "2,000万户"),
         "PC203", "projects/digital-archives"),
    # empty cells (PC309, PC107, PC204)
    Slip("baseline cell skipped", "indicators.yaml",
         _drop("indicators", "rural-bandwidth", ("baseline", "value")),
         "PC309", "indicators/rural-bandwidth/2009"),
    Slip("years cell skipped", "projects.yaml", _drop("projects", "city-card", ("years",)),
         "PC107", "projects/city-card"),
    Slip("total category mistyped", "declarations.yaml",
         _set("totals", "grand-total", "category", "农村信息化工程"),
         "PC204", "totals/grand-total"),
    # two encodings of one fact (PC504, PC310, PC311, PC406, PC605, PC106)
    Slip("implementer list retyped", "projects.yaml", _implementer_text,
         "PC504", "projects/precision-agriculture"),
    Slip("claim subject from the next row", "claims.yaml",
         _set("claims", "rural-bandwidth-2015", "subject", "城市家庭用户互联网带宽"),
         "PC310", "claims/rural-bandwidth-2015"),
    Slip("indicator under another name", "claims.yaml",
         _set("claims", "urban-bandwidth-2015", "subject", "城市用户接入带宽"),
         "PC311", "indicators/urban-bandwidth"),
    Slip("box item renumbered", "boxes.yaml", _box_item_number(3, 2, 4),
         "PC406", "boxes/3/items/4"),
    Slip("category heading retyped", "projects.yaml",
         _set("projects", "energy-saving-demonstration", "category", "两化融和重点工程"),
         "PC605", "counts/eight-informatization-projects"),
    Slip("period off by one", "plan.yaml", _plan_field("period", "2010-2015"), "PC106", "plan"),
    # magnitude, totals and identities (PC604, PC201, PC602)
    Slip("万元 for 亿元 in a cell", "indicators.yaml",
         _set_in("indicators", "electronic-information-industry-output", ("baseline", "value"),
                 "93.72万元"),
         "PC604", "indicators/electronic-information-industry-output/2015"),
    Slip("total retyped", "declarations.yaml",
         _set("totals", "grand-total", "value", "272,430万元"), "PC201", "totals/grand-total"),
    Slip("stray decimal in a row", "projects.yaml",
         _set("projects", "city-card", "funding", "1,000.5"), "PC201", "totals/grand-total"),
    Slip("identity term retyped", "claims.yaml",
         _set("claims", "fixed-phone-users-2009", "value", "83.89万户"),
         "PC602", "identities/telephone-users-2009"),
    Slip("item dropped from a closed list", "declarations.yaml", _drop_expert_system,
         "PC601", "counts/three-expert-systems"),
    # targets against the table and the period (PC301, PC303, PC304, PC103, PC104)
    Slip("target below baseline", "indicators.yaml",
         _set_in("indicators", "rural-bandwidth", ("targets", 0, "value"), 1),
         "PC301", "indicators/rural-bandwidth/2015"),
    Slip("percentage keyed with an extra 0", "indicators.yaml",
         _set_in("indicators", "sme-it-application", ("targets", 0, "value"), 500),
         "PC303", "indicators/sme-it-application/2015"),
    Slip("table target retyped", "indicators.yaml",
         _set_in("indicators", "equipment-manufacturing-deep-application",
                 ("targets", 0, "value"), 85),
         "PC304", "claims/deep-application-enterprises-2015"),
    Slip("target year mistyped", "indicators.yaml",
         _set_in("indicators", "digital-tv-users", ("targets", 0, "year"), 2051),
         "PC103", "indicators/digital-tv-users/2051"),
    Slip("baseline year mistyped", "indicators.yaml",
         _set_in("indicators", "sme-it-application", ("baseline", "year"), 2019),
         "PC104", "indicators/sme-it-application/2019"),
    # projects, numbering and references (PC101, PC102, PC403, PC006, PC005, PC007, PC502)
    Slip("project years beyond the period", "projects.yaml",
         _set("projects", "digital-baoji", "years", "2011-2051"),
         "PC101", "projects/digital-baoji"),
    Slip("project years reversed", "projects.yaml",
         _set("projects", "broadband-access", "years", "2013-2011"), "PC102",
         "projects/broadband-access"),
    Slip("box renumbered", "boxes.yaml", _box_number(6, 7), "PC403", "boxes/7"),
    Slip("project id copied", "projects.yaml", _duplicate_project_id, "PC006", None),
    Slip("indicator id mistyped", "claims.yaml",
         _set("claims", "telephone-users-2015", "indicator", "telephone-user"), "PC005", None),
    Slip("source line off by one", "indicators.yaml",
         _set_in("indicators", "digital-tv-users", ("baseline", "source", "line"), 15),
         "PC007", "indicators/digital-tv-users/2009"),
]  # fmt: skip


def _report(plan_dir: Path) -> set[tuple[str, str, str]]:
    return {(f.rule, f.subject.key, f.severity.value) for f in check(plan_dir).findings}


def test_the_battery_is_large_enough() -> None:
    assert len(SLIPS) >= 30
    assert len({slip.name for slip in SLIPS}) == len(SLIPS)


@pytest.mark.parametrize("slip", SLIPS, ids=[slip.name for slip in SLIPS])
def test_slip_is_caught_by_its_rule(slip: Slip, tmp_path: Path) -> None:
    plan_dir = copy_corpus(tmp_path)
    edit(plan_dir, slip.part, slip.change)
    report = check(plan_dir)
    new = {(f.rule, f.subject.key) for f in report.findings} - {(r, k) for r, k, _ in EXPECTED}
    caught = [key for rule, key in new if rule == slip.rule]
    assert caught, f"{slip.name}: no new {slip.rule} finding; new findings: {sorted(new)}"
    if slip.key is not None:
        assert slip.key in caught, f"{slip.name}: {slip.rule} reported {caught}"


# -- meaning-preserving edits ------------------------------------------------------------


def _reverse(key: str) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        items = data[key]
        reordered = CommentedSeq(list(reversed(items)))
        data[key] = reordered

    return change


def _block_style(data: Any) -> None:
    for indicator in data["indicators"]:
        for item in [indicator.get("baseline"), *indicator.get("targets", [])]:
            if isinstance(item, CommentedMap):
                item.fa.set_block_style()


def _quote_numbers(data: Any) -> None:
    for indicator in data["indicators"]:
        for item in indicator.get("targets", []):
            if isinstance(item["value"], int | float):
                item["value"] = str(item["value"])


def _comments(data: Any) -> None:
    data.yaml_set_start_comment("Reviewed 2026-11-30: no change of meaning.")
    for project in data["projects"]:
        project.yaml_add_eol_comment("checked against the appendix", "name")


def _equivalent_units(data: Any) -> None:
    # 30,000万元 = 3亿元, 45,000万元 = 4.5亿元: the same amounts in another unit.
    for project in data["projects"]:
        if project["funding"] == "30,000":
            project["funding"] = "3亿元"
        elif project["funding"] == "45,000":
            project["funding"] = "4.5亿元"


def _period_mapping(data: Any) -> None:
    data["period"] = CommentedMap([("start", 2011), ("end", 2015)])


def _years_with_zhi(data: Any) -> None:
    for project in data["projects"]:
        years = project.get("years")
        if isinstance(years, str) and "-" in years:
            project["years"] = years.replace("-", "至")


def _keys_reordered(data: Any) -> None:
    for position, claim in enumerate(data["claims"]):
        reordered = CommentedMap()
        for key in reversed(list(claim)):
            reordered[key] = claim[key]
        data["claims"][position] = reordered


def _total_in_yi(data: Any) -> None:
    entity(data, "totals", "grand-total")["value"] = "27.234亿元"


def _comparator_synonym(data: Any) -> None:
    entity(data, "claims", "telephone-users-2015")["value"] = "超过350万"
    entity(data, "claims", "telephone-users-2015")["quote"] = "电话用户总数突破350万"


PRESERVING = [
    ("projects reordered", "projects.yaml", _reverse("projects")),
    ("claims reordered", "claims.yaml", _reverse("claims")),
    ("flow mappings as blocks", "indicators.yaml", _block_style),
    ("numbers quoted", "indicators.yaml", _quote_numbers),
    ("comments added", "projects.yaml", _comments),
    ("equivalent units (3亿元 = 30000万元)", "projects.yaml", _equivalent_units),
    ("period as a mapping", "plan.yaml", _period_mapping),
    ("year ranges with 至", "projects.yaml", _years_with_zhi),
    ("keys reordered", "claims.yaml", _keys_reordered),
    ("total in 亿元", "declarations.yaml", _total_in_yi),
    ("synonymous comparator", "claims.yaml", _comparator_synonym),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str, str]]:
    plan_dir = copy_corpus(tmp_path_factory.mktemp("pristine"))
    return {
        (f.rule, f.subject.key, f.severity.value, fingerprint(f)) for f in check(plan_dir).findings
    }


def test_enough_meaning_preserving_edits() -> None:
    assert len(PRESERVING) >= 10


@pytest.mark.parametrize(
    ("label", "part", "change"), PRESERVING, ids=[label for label, _, _ in PRESERVING]
)
def test_meaning_preserving_edit_changes_nothing(
    label: str,
    part: str,
    change: Callable[[Any], None],
    tmp_path: Path,
    pristine: set[tuple[str, str, str, str]],
) -> None:
    plan_dir = copy_corpus(tmp_path)
    before = (plan_dir / part).read_text(encoding="utf-8")
    edit(plan_dir, part, change)
    assert (plan_dir / part).read_text(encoding="utf-8") != before, f"{label} changed nothing"
    found = {
        (f.rule, f.subject.key, f.severity.value, fingerprint(f)) for f in check(plan_dir).findings
    }
    assert found == pristine
    assert {(r, k, s) for r, k, s, _ in found} == EXPECTED
