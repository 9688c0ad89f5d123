"""``violations(code)``: a plan that every rule passes, broken so that ``code`` fires.

Each rule of the catalogue has a breaker: it takes the data of a consistent plan (see
``_data.consistent_plan``), changes it the way a real plan goes wrong, and names the
subjects the rule must report. Some rules judge more than plan data: the input rules
judge the file's text, the review rules a waivers file, PC000 a broken check, the
revision rules the change from an earlier version; so a violation is a set of files.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

from plancheck._atomic import write_atomic
from plancheck.engine.api import Checker
from plancheck.engine.config import Config, load_config
from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check as register_check
from plancheck.loading import load
from plancheck.model import Plan
from plancheck.plan_diff import money
from plancheck.records import Report
from plancheck.review import apply_review, load_waivers

from ._data import PlanData, PlanShape, consistent_plan

PLAN = "plan.yaml"
WAIVERS = "waivers.yaml"
CONFIG = ".plancheck.yaml"
BASE = "base"
PLANS = "plans"
UPPER = f"{PLANS}/upper.yaml"
# The day waivers are judged on: fixed, so an example never expires while a test runs.
REVIEW_DAY = date(2030, 1, 1)
BROKEN_CHECK = "plancheck-strategies-broken-check"


@dataclass(frozen=True)
class Violation:
    """A plan broken so that rule ``code`` fires, as the files a repository would hold.

    ``files`` maps relative paths to text: ``plan.yaml`` (the plan), and as the rule needs
    them a ``source.txt``, ``waivers.yaml``, ``.plancheck.yaml`` or other plans of the set
    (``plans/*.yaml``, checked with it as one run); ``base`` holds the
    earlier version's files for revision rules. ``keys`` are the subject keys of the
    findings the rule must produce, one per finding; ``also`` the other rules that must
    fire with it (a project moved past the period is PC101's too); no other rule reports
    an error.
    """

    code: str
    files: Mapping[str, str]
    keys: tuple[str, ...]
    description: str
    base: Mapping[str, str] | None = None
    also: tuple[str, ...] = ()

    @property
    def plan_files(self) -> tuple[str, ...]:
        """The plan files of the run: ``plan.yaml``, then the other plans of the set
        (``plans/*.yaml``: upper-level plans the set-level rules compare it with)."""
        others = sorted(name for name in self.files if name.startswith(f"{PLANS}/"))
        return (PLAN, *others)

    def write(self, folder: str | os.PathLike[str]) -> Path:
        """Write the files under ``folder`` (the earlier version under ``base/``); return
        the plan file."""
        root = Path(folder)
        for name, text in self.files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(root / name, text)
        for name, text in (self.base or {}).items():
            (root / BASE / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(root / BASE / name, text)
        return root / PLAN

    def check(self, folder: str | os.PathLike[str]) -> Report:
        """Write the files under ``folder`` and check them as ``plancheck check`` would:
        with the configuration, waivers and earlier version they include."""
        path = self.write(folder)
        config = load_config(Path(folder)) if CONFIG in self.files else Config()
        checker = Checker(config)
        base = load(Path(folder) / BASE / PLAN) if self.base is not None else None
        reports = [checker.check_path(path, base=base)]
        reports += [checker.check_path(Path(folder) / name) for name in self.plan_files[1:]]
        checker.check_set(reports)
        report = checker.report(reports)
        waivers = load_waivers(Path(folder) / WAIVERS) if WAIVERS in self.files else None
        severities = {active.rule.code: active.severity for active in checker.rules}
        return apply_review(report, waivers, today=REVIEW_DAY, severities=severities)


@register_check(BROKEN_CHECK, given="plan")
def _broken_check(plan: Plan, index: PlanIndex, params: NoParams) -> Iterator[Result]:
    """A check that fails internally, so that PC000 has something to report."""
    yield from ()  # a generator, like every check
    raise RuntimeError("this check is broken on purpose (plancheck.strategies, PC000)")


_BROKEN_RULE = f"""\
code: TST000
name: broken-on-purpose
family: testing
severity: info
title: {{zh: 故意出错的规则, en: A rule broken on purpose}}
message: {{zh: 不会出现, en: never shown}}
description: Runs a check that raises, so PC000 reports it.
rationale: Shows that a broken check is reported instead of stopping the run.
given: plan
check: {BROKEN_CHECK}
"""


def dump_data(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@dataclass
class _Broken:
    """What a breaker produced: the plan data, or text when the data cannot hold it."""

    data: PlanData
    keys: list[str]
    description: str
    also: tuple[str, ...] = ()
    text: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    base: PlanData | None = None


Breaker = Callable[[st.DrawFn, PlanData], _Broken]
_BREAKERS: dict[str, Breaker] = {}


def _breaks(code: str) -> Callable[[Breaker], Breaker]:
    def register(function: Breaker) -> Breaker:
        _BREAKERS[code] = function
        return function

    return register


def _period(data: PlanData) -> tuple[int, int]:
    start, end = (int(year) for year in str(data["period"]).split("-"))
    return start, end


def _project(draw: st.DrawFn, data: PlanData) -> dict[str, Any]:
    project: dict[str, Any] = draw(st.sampled_from(data["projects"]))
    return project


def _add_indicator(data: PlanData, **row: Any) -> dict[str, Any]:
    """Add an indicator (in an indicator 专栏 of its own, numbered after the others)."""
    start, end = _period(data)
    number = max((box["number"] for box in data["boxes"]), default=0) + 1
    data["boxes"].append({"number": number, "title": "补充指标", "kind": "indicators"})
    indicator = {
        "id": "added-indicator",
        "name": "测试用户数",
        "unit": "万户",
        "box": number,
        "type": "expected",
        "direction": "increase",
        "baseline": {"year": start - 1, "value": 10},
        "targets": [{"year": end, "value": 20}],
        **row,
    }
    data.setdefault("indicators", []).append(indicator)
    return indicator


def _key(kind: str, item: Mapping[str, Any]) -> str:
    return f"{kind}/{item['id']}"


# -- input rules -----------------------------------------------------------------------


@_breaks("PC000")
def _pc000(draw: st.DrawFn, data: PlanData) -> _Broken:
    extra = {CONFIG: "rules: [broken-rule.yaml]\n", "broken-rule.yaml": _BROKEN_RULE}
    return _Broken(data, ["plan"], "a configured rule runs a check that raises", extra=extra)


@_breaks("PC001")
def _pc001(draw: st.DrawFn, data: PlanData) -> _Broken:
    text = dump_data(data) + "notes: [unclosed\n"
    return _Broken(data, [f"files/{PLAN}"], "an unclosed flow sequence", text=text)


@_breaks("PC002")
def _pc002(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["fundng"] = project.pop("funding")
    # The misspelt key is set aside and the rest checked: the project has no funding.
    return _Broken(
        data,
        [f"files/{PLAN}"],
        f"misspelt key `fundng` in {_key('projects', project)} (so PC202: no funding)",
        also=("PC202",),
    )


@_breaks("PC003")
def _pc003(draw: st.DrawFn, data: PlanData) -> _Broken:
    text = dump_data(data).replace("\nperiod: ", "\ntitle: 重复的标题\nperiod: ", 1)
    return _Broken(data, [f"files/{PLAN}"], "the key `title` written twice", text=text)


@_breaks("PC004")
def _pc004(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["funding"] = draw(st.sampled_from(("12..5万元", "三千万元", "1200 万吨元")))
    # The cell is set aside and the rest checked; rules needing it are not applicable.
    return _Broken(data, [f"files/{PLAN}"], f"unreadable funding in {_key('projects', project)}")


@_breaks("PC005")
def _pc005(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    unit = project["implementers"][0]
    unit["agency"] = "no-such-agency"
    return _Broken(data, [_key("projects", project)], "an implementer names an undefined agency id")


@_breaks("PC006")
def _pc006(draw: st.DrawFn, data: PlanData) -> _Broken:
    agency = draw(st.sampled_from(data["agencies"]))
    twin = {"id": "twin-agency", "name": "另一个单位", "aliases": list(agency["aliases"])}
    twin["kind"] = "government"
    data["agencies"].append(twin)
    return _Broken(data, ["agencies/twin-agency"], f"{agency['aliases'][0]} names two agencies")


_SOURCE = "示例市规划\n一、总体要求\n"


@_breaks("PC007")
def _pc007(draw: st.DrawFn, data: PlanData) -> _Broken:
    data["source_document"] = {"path": "source.txt"}
    section = data["sections"][0]
    section["source"] = {"line": 2, "quote": "并不在这一行的文字"}
    return _Broken(
        data,
        ["sections/1"],
        "a section quotes words its source line does not hold",
        extra={"source.txt": _SOURCE},
    )


@_breaks("PC008")
def _pc008(draw: st.DrawFn, data: PlanData) -> _Broken:
    data["source_document"] = {"path": "source.txt", "sha256": "0" * 64}
    return _Broken(
        data, ["plan"], "the source document differs from its sha256", extra={"source.txt": _SOURCE}
    )


def _waiver(rule: str, subject: str, **fields: str) -> str:
    entry = {"rule": rule, "subject": subject, **fields}
    return dump_data({"waivers": [entry]})


@_breaks("PC009")
def _pc009(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    text = _waiver(
        "PC202",
        _key("projects", project),
        reason="经费另行安排",
        approved_by="规划处",
        expires="2099-12-31",
    )
    keys = [f"waivers/PC202/{_key('projects', project)}"]
    return _Broken(data, keys, "a waiver for a finding that is not there", extra={WAIVERS: text})


@_breaks("PC010")
def _pc010(draw: st.DrawFn, data: PlanData) -> _Broken:
    subject = _key("projects", _project(draw, data))
    text = _waiver("PC101", subject, reason="续建项目", approved_by="规划处", expires="2020-01-01")
    return _Broken(data, [f"waivers/PC101/{subject}"], "an expired waiver", extra={WAIVERS: text})


@_breaks("PC011")
def _pc011(draw: st.DrawFn, data: PlanData) -> _Broken:
    subject = _key("projects", _project(draw, data))
    text = _waiver("PC101", subject, approved_by="规划处", expires="2099-12-31")
    return _Broken(
        data, [f"waivers/PC101/{subject}"], "a waiver without a reason", extra={WAIVERS: text}
    )


@_breaks("PC012")
def _pc012(draw: st.DrawFn, data: PlanData) -> _Broken:
    first = data["agencies"][0]
    second = {"id": "loop-agency", "name": "循环上级单位", "kind": "government"}
    second["parent"] = first["id"]
    first["parent"] = "loop-agency"
    data["agencies"].append(second)
    # One finding per cycle, at the member written first in the file.
    keys = [_key("agencies", first)]
    return _Broken(data, keys, "two agencies that are each other's parent")


# -- period --------------------------------------------------------------------------


@_breaks("PC101")
def _pc101(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    start, end = _period(data)
    project["years"] = f"{start}-{end + draw(st.integers(1, 3))}"
    return _Broken(data, [_key("projects", project)], "a project runs past the period")


@_breaks("PC102")
def _pc102(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    start, end = _period(data)
    first = draw(st.integers(start + 1, end))
    project["years"] = f"{first}-{draw(st.integers(start, first - 1))}"
    return _Broken(data, [_key("projects", project)], "a project's years written backwards")


@_breaks("PC103")
def _pc103(draw: st.DrawFn, data: PlanData) -> _Broken:
    indicator = _add_indicator(data)
    _start, end = _period(data)
    indicator["targets"][0]["year"] = end + draw(st.integers(1, 5))
    key = f"indicators/added-indicator/{indicator['targets'][0]['year']}"
    return _Broken(data, [key], "a target year after the period")


@_breaks("PC104")
def _pc104(draw: st.DrawFn, data: PlanData) -> _Broken:
    start, end = _period(data)
    year = draw(st.integers(start, end - 1))
    _add_indicator(data, baseline={"year": year, "value": 10})
    key = f"indicators/added-indicator/{year}"
    return _Broken(data, [key], "a baseline year inside the period")


@_breaks("PC105")
def _pc105(draw: st.DrawFn, data: PlanData) -> _Broken:
    year = _period(data)[0] - draw(st.integers(2, 4))
    _add_indicator(data, baseline={"year": year, "value": 10})
    key = f"indicators/added-indicator/{year}"
    return _Broken(data, [key], "a baseline two or more years early")


# -- funding -------------------------------------------------------------------------


@_breaks("PC201")
def _pc201(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["funding"] = f"{draw(st.integers(50_001, 90_000))}万元"
    return _Broken(data, ["totals/grand-total"], "one project's funding changed, the total not")


@_breaks("PC202")
def _pc202(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    if draw(st.booleans()):
        project["funding"] = "——"
    else:
        del project["funding"]
    return _Broken(data, [_key("projects", project)], "a project without funding")


@_breaks("PC203")
def _pc203(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["funding"] = f"{draw(st.integers(1, 999))}万户"
    return _Broken(data, [_key("projects", project)], "funding counted in 万户")


# -- targets -------------------------------------------------------------------------


@_breaks("PC301")
def _pc301(draw: st.DrawFn, data: PlanData) -> _Broken:
    worse = draw(st.integers(1, 10))
    _add_indicator(data, targets=[{"year": _period(data)[1], "value": worse}])
    key = f"indicators/added-indicator/{_period(data)[1]}"
    return _Broken(data, [key], "a target no better than its baseline (10)")


@_breaks("PC302")
def _pc302(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data, targets=[{"year": _period(data)[1], "value": "20公里"}])
    key = f"indicators/added-indicator/{_period(data)[1]}"
    return _Broken(data, [key], "a target in 公里 for an indicator in 万户")


@_breaks("PC303")
def _pc303(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    over = draw(st.integers(101, 500))
    _add_indicator(data, unit="%", targets=[{"year": end, "value": over}])
    return _Broken(data, [f"indicators/added-indicator/{end}"], f"a target of {over}%")


@_breaks("PC304")
def _pc304(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    _add_indicator(data)
    said = draw(st.integers(21, 40))
    claim = {
        "id": "contradicting-claim",
        "quote": f"测试用户数达到{said}万户",
        "indicator": "added-indicator",
        "year": end,
        "value": f"{said}万户",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/contradicting-claim"], "the text says more than the table")


@_breaks("PC305")
def _pc305(draw: st.DrawFn, data: PlanData) -> _Broken:
    claim = {
        "id": "unlisted-claim",
        "quote": "建成示范基地20个",
        "subject": "示范基地",
        "year": _period(data)[1],
        "value": "20个",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/unlisted-claim"], "a target in the text only")


@_breaks("PC306")
def _pc306(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    _add_indicator(data)
    part = {
        "id": "part-indicator",
        "name": "其中测试用户数",
        "unit": "万户",
        "box": data["indicators"][-1]["box"],
        "parent": "added-indicator",
        "type": "expected",
        "direction": "increase",
        "baseline": {"year": _period(data)[0] - 1, "value": 5},
        "targets": [{"year": end, "value": draw(st.integers(21, 40))}],
    }
    data["indicators"].append(part)
    return _Broken(data, [f"indicators/part-indicator/{end}"], "a 其中 part above its whole")


@_breaks("PC307")
def _pc307(draw: st.DrawFn, data: PlanData) -> _Broken:
    indicator = _add_indicator(data)
    del indicator["type"]
    return _Broken(data, ["indicators/added-indicator"], "an indicator without a type")


# -- traceability --------------------------------------------------------------------


def _project_boxes(data: PlanData) -> list[dict[str, Any]]:
    return [box for box in data["boxes"] if box["kind"] == "projects"]


@_breaks("PC401")
def _pc401(draw: st.DrawFn, data: PlanData) -> _Broken:
    box = draw(st.sampled_from(_project_boxes(data)))
    item = box["items"].pop()  # the last, so the others keep their numbers
    project = next(p for p in data["projects"] if p["name"] == item["name"])
    return _Broken(data, [_key("projects", project)], f"专栏{box['number']} lost its last item")


@_breaks("PC402")
def _pc402(draw: st.DrawFn, data: PlanData) -> _Broken:
    box = draw(st.sampled_from(_project_boxes(data)))
    number = len(box["items"]) + 1
    box["items"].append({"number": number, "name": "未列入附件的测试工程"})
    key = f"boxes/{box['number']}/items/{number}"
    return _Broken(data, [key], "a 专栏 item with no funded project")


@_breaks("PC403")
def _pc403(draw: st.DrawFn, data: PlanData) -> _Broken:
    box = data["boxes"][-1]
    # The last 专栏 holds projects (indicator 专栏 come first), so no indicator names it.
    box["number"] += draw(st.integers(1, 3))
    return _Broken(data, [f"boxes/{box['number']}"], "the last 专栏 renumbered past a gap")


@_breaks("PC404")
def _pc404(draw: st.DrawFn, data: PlanData) -> _Broken:
    from ._data import _cjk

    ordinal = len(data["sections"]) + draw(st.integers(2, 3))
    data["sections"].append({"number": f"{_cjk(ordinal)}、", "title": "附则"})
    return _Broken(data, [f"sections/{ordinal}"], "a section number skipped")


@_breaks("PC405")
def _pc405(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["category"] = "其他重点工程"
    return _Broken(data, [_key("projects", project)], "a project listed under another heading")


# -- agencies ------------------------------------------------------------------------


@_breaks("PC501")
def _pc501(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["implementers"] = [{"text": "某未列明单位"}]
    project["implementers_text"] = "某未列明单位"
    return _Broken(data, [_key("projects", project)], "an implementer that is no agency")


@_breaks("PC502")
def _pc502(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    data["agencies"].append({"id": "related-firms", "name": "相关企业", "kind": "collective"})
    project["implementers"] = [{"text": "相关企业", "agency": "related-firms"}]
    project["implementers_text"] = "相关企业"
    return _Broken(data, [_key("projects", project)], "相关企业 as the implementer")


@_breaks("PC503")
def _pc503(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    del project["implementers"]
    del project["implementers_text"]
    return _Broken(data, [_key("projects", project)], "a project nobody implements")


# -- arithmetic ----------------------------------------------------------------------


@_breaks("PC601")
def _pc601(draw: st.DrawFn, data: PlanData) -> _Broken:
    items = [p["name"] for p in data["projects"]]
    count = len(items) + draw(st.integers(1, 3))
    data["counts"] = [
        {"id": "miscount", "phrase": f"{count}大工程", "count": count, "items": items}
    ]
    return _Broken(data, ["counts/miscount"], f"{count}大工程 listing {len(items)}")


@_breaks("PC602")
def _pc602(draw: st.DrawFn, data: PlanData) -> _Broken:
    a, b = draw(st.integers(1, 50)), draw(st.integers(1, 50))
    identity = {
        "id": "unbalanced",
        "statement": "固定与移动用户合计",
        "total": {"value": f"{a + b + draw(st.integers(1, 9))}万户"},
        "components": [{"value": f"{a}万户"}, {"value": f"{b}万户"}],
    }
    data["identities"] = [identity]
    return _Broken(data, ["identities/unbalanced"], "a stated sum that does not add up")


@_breaks("PC603")
def _pc603(draw: st.DrawFn, data: PlanData) -> _Broken:
    start, end = _period(data)
    _add_indicator(data, unit="亿元", baseline={"year": start - 1, "value": 100})
    data["indicators"][-1]["targets"] = [{"year": end, "value": 150}]
    rate = draw(st.integers(20, 60))
    claim = {
        "id": "growth-claim",
        "kind": "growth",
        "quote": f"测试用户数年均增长{rate}%",
        "indicator": "added-indicator",
        "base_year": start - 1,
        "year": end,
        "annual": True,
        "value": f"{rate}%",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/growth-claim"], f"an annual rate of {rate}% from 100 to 150")


# -- revision ------------------------------------------------------------------------


def _revised(data: PlanData) -> PlanData:
    return copy.deepcopy(data)


def _retotal(data: PlanData) -> None:
    """Restate the 合计 as the sum of the projects, as a revising team would."""
    plan = Plan.model_validate(data)
    amounts = [money(p.funding, plan.currency) for p in plan.projects]
    total = sum((a for a in amounts if a is not None), Decimal(0))
    data["totals"][0]["value"] = f"{total.normalize():f}{plan.currency}"


@_breaks("PC701")
def _pc701(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data, type="binding")
    data["approved_by"] = "示例市人民政府"
    revised = _revised(data)
    end = _period(data)[1]
    revised["indicators"][-1]["targets"] = [{"year": end, "value": draw(st.integers(11, 19))}]
    key = f"indicators/added-indicator/{end}"
    return _Broken(revised, [key], "a binding target lowered without a revision", base=data)


@_breaks("PC702")
def _pc702(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data)
    revised = _revised(data)
    end = _period(data)[1]
    revised["indicators"][-1]["targets"] = [{"year": end, "value": draw(st.integers(11, 19))}]
    key = f"indicators/added-indicator/{end}"
    return _Broken(revised, [key], "an expected target lowered without a reason", base=data)


@_breaks("PC703")
def _pc703(draw: st.DrawFn, data: PlanData) -> _Broken:
    revised = _revised(data)
    project = draw(st.sampled_from(revised["projects"]))
    revised["projects"].remove(project)
    _retotal(revised)
    # Dropping the only project leaves the 合计 over nothing, which PC204 reports.
    also = () if revised["projects"] else ("PC204",)
    return _Broken(
        revised,
        [_key("projects", project)],
        "a funded project dropped silently",
        also=also,
        base=data,
    )


@_breaks("PC704")
def _pc704(draw: st.DrawFn, data: PlanData) -> _Broken:
    revised = _revised(data)
    project = draw(st.sampled_from(revised["projects"]))
    project["funding"] = f"{draw(st.integers(50_001, 90_000))}万元"
    _retotal(revised)
    return _Broken(revised, ["totals/grand-total"], "one project's funding raised", base=data)


@_breaks("PC705")
def _pc705(draw: st.DrawFn, data: PlanData) -> _Broken:
    revised = _revised(data)
    project = draw(st.sampled_from(revised["projects"]))
    start, end = _period(data)
    project["years"] = f"{start}-{end + draw(st.integers(1, 3))}"
    return _Broken(
        revised,
        [_key("projects", project)],
        "a project delayed past the period (which PC101 reports too)",
        also=("PC101",),
        base=data,
    )


@_breaks("PC706")
def _pc706(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data)
    revised = _revised(data)
    revised["indicators"].pop()
    revised["boxes"].pop()
    return _Broken(revised, ["indicators/added-indicator"], "an indicator dropped", base=data)


@_breaks("PC707")
def _pc707(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data)
    revised = _revised(data)
    revised["indicators"][-1]["baseline"]["value"] = draw(st.integers(11, 15))
    return _Broken(revised, ["indicators/added-indicator"], "a baseline restated", base=data)


@_breaks("PC708")
def _pc708(draw: st.DrawFn, data: PlanData) -> _Broken:
    missing = draw(st.sampled_from(("approved_by", "reason", "both")))
    revision: dict[str, Any] = {"id": "unapproved", "approved_by": "示例市人民政府"}
    revision["reason"] = "中期评估"
    if missing == "both":
        del revision["approved_by"], revision["reason"]
    else:
        del revision[missing]
    data["revisions"] = [revision]
    return _Broken(data, ["revisions/unapproved"], f"a revision without {missing}")


# -- truth: values against their own words -------------------------------------------


@_breaks("PC013")
def _pc013(draw: st.DrawFn, data: PlanData) -> _Broken:
    said = draw(st.integers(21, 40))
    claim = {
        "id": "retyped-claim",
        "quote": f"实现电子商务年交易量达{said}0亿元以上",
        "year": _period(data)[1],
        "value": f"{said + 1}0亿元以上",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/retyped-claim"], "a claim's value retyped against its quote")


@_breaks("PC014")
def _pc014(draw: st.DrawFn, data: PlanData) -> _Broken:
    data["source_document"] = {"path": "source.txt"}
    said = draw(st.integers(21, 90))
    claim = {
        "id": "unquoted-claim",
        "quote": f"宽带用户数超过{said}万户",
        "value": f"超过{said}万户",
        "source": {"line": 2},
    }
    data["claims"] = [claim]
    return _Broken(
        data,
        ["claims/unquoted-claim"],
        "a claim's quote is not on its source line",
        extra={"source.txt": _SOURCE},
    )


@_breaks("PC106")
def _pc106(draw: st.DrawFn, data: PlanData) -> _Broken:
    from ._data import _cjk

    five_year = (_period(data)[0] - 2011) // 5 + 12
    other = five_year + draw(st.sampled_from((-1, 1)))
    data["title"] = data["title"].replace(f"“{_cjk(five_year)}五”", f"“{_cjk(other)}五”")
    return _Broken(data, ["plan"], f"the title names the {other}th five-year plan")


@_breaks("PC107")
def _pc107(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    del project["years"]
    return _Broken(data, [_key("projects", project)], "a project without 实施年度")


@_breaks("PC108")
def _pc108(draw: st.DrawFn, data: PlanData) -> _Broken:
    start = _period(data)[0]
    data["issued"] = f"{start + draw(st.integers(1, 2))}-06-18"
    return _Broken(data, ["plan"], "a plan issued more than a year into its period")


@_breaks("PC109")
def _pc109(draw: st.DrawFn, data: PlanData) -> _Broken:
    start = _period(data)[0]
    data["issued"] = f"{start}-06-18"
    data["document_number"] = f"示政发〔{start - draw(st.integers(1, 3))}〕25号"
    return _Broken(data, ["plan"], "a 文号 whose year is not the year of issue")


@_breaks("PC204")
def _pc204(draw: st.DrawFn, data: PlanData) -> _Broken:
    total = {"id": "empty-subtotal", "label": "小计", "value": 100, "category": "不存在的重点工程"}
    data["totals"].append(total)
    return _Broken(
        data,
        ["totals/empty-subtotal"],
        "a 小计 over a category with no project (an undefined category: PC005 too)",
        also=("PC005",),
    )


@_breaks("PC308")
def _pc308(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    _add_indicator(data, type="binding", targets=[{"year": end}])
    return _Broken(data, [f"indicators/added-indicator/{end}"], "a binding target left empty")


@_breaks("PC309")
def _pc309(draw: st.DrawFn, data: PlanData) -> _Broken:
    year = _period(data)[0] - 1
    _add_indicator(data, baseline={"year": year})
    return _Broken(data, [f"indicators/added-indicator/{year}"], "a baseline without a value")


@_breaks("PC310")
def _pc310(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    _add_indicator(data, name="装备制造型企业达到信息化深化应用阶段比例", unit="%")
    claim = {
        "id": "other-population",
        "quote": "实现20%以上大中型企业达到信息化深化应用阶段",
        "subject": "大中型企业达到信息化深化应用阶段",
        "indicator": "added-indicator",
        "year": end,
        "value": "20%以上",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/other-population"], "a claim about another population")


@_breaks("PC311")
def _pc311(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    quote = f"{end}年末我市信息化综合指数达到20"
    target = {"year": end, "value": 20, "source": {"line": 2, "quote": quote}}
    _add_indicator(data, name="信息化水平指数", targets=[target])
    del data["indicators"][-1]["unit"]
    return _Broken(data, ["indicators/added-indicator"], "an indicator called by two names")


@_breaks("PC312")
def _pc312(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    earlier = {"year": end - 1, "value": draw(st.integers(31, 50))}
    _add_indicator(data, targets=[earlier, {"year": end, "value": 20}])
    return _Broken(data, [f"indicators/added-indicator/{end}"], "a target below an earlier one")


@_breaks("PC313")
def _pc313(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    change = f"下降{draw(st.integers(1, 9))}%"
    _add_indicator(data, unit="%", targets=[{"year": end, "value": change}])
    return _Broken(data, [f"indicators/added-indicator/{end}"], f"{change} for an increase")


@_breaks("PC314")
def _pc314(draw: st.DrawFn, data: PlanData) -> _Broken:
    start, end = _period(data)
    _add_indicator(
        data,
        name="数字经济核心产业增加值占比",
        unit="%",
        baseline={"year": start - 1, "value": 8.3},
        targets=[{"year": end, "value": 11.4}],
    )
    points = draw(st.integers(5, 9))
    claim = {
        "id": "wrong-change",
        "quote": f"占比提高{points}个百分点",
        "indicator": "added-indicator",
        "base_year": start - 1,
        "year": end,
        "value": f"提高{points}个百分点",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/wrong-change"], "a change that is not the levels' difference")


@_breaks("PC406")
def _pc406(draw: st.DrawFn, data: PlanData) -> _Broken:
    box = draw(st.sampled_from(_project_boxes(data)))
    item = box["items"][-1]
    item["number"] += draw(st.integers(1, 3))
    key = f"boxes/{box['number']}/items/{item['number']}"
    return _Broken(data, [key], "a 专栏 item number skipped")


@_breaks("PC504")
def _pc504(draw: st.DrawFn, data: PlanData) -> _Broken:
    project = _project(draw, data)
    project["implementers_text"] = f"{project['implementers_text']}、科技局"
    return _Broken(data, [_key("projects", project)], "an implementer written but not listed")


@_breaks("PC604")
def _pc604(draw: st.DrawFn, data: PlanData) -> _Broken:
    start, end = _period(data)
    _add_indicator(
        data,
        name="电子商务交易额",
        unit="亿元",
        baseline={"year": start - 1, "value": "1.35亿元"},
        targets=[],
    )
    claim = {
        "id": "magnitude-slip",
        "quote": "电子商务交易额超过3万亿元",
        "indicator": "added-indicator",
        "year": end - 1,
        "value": "超过3万亿元",
    }
    data["claims"] = [claim]
    return _Broken(data, ["claims/magnitude-slip"], "亿元 and 万亿元 mixed up")


@_breaks("PC605")
def _pc605(draw: st.DrawFn, data: PlanData) -> _Broken:
    from ._data import _cjk

    categories = {project["category"] for project in data["projects"]}
    count = len(categories) + draw(st.integers(1, 3))
    data["counts"] = [
        {
            "id": "miscount",
            "phrase": f"{_cjk(count)}大信息化工程",
            "count": count,
            "of": "project-categories",
        }
    ]
    return _Broken(data, ["counts/miscount"], f"{count}大工程 over {len(categories)} categories")


# -- plan sets -------------------------------------------------------------------------


def _upper(data: PlanData, *indicators: dict[str, Any], **fields: Any) -> str:
    """An upper-level plan of the set, with ``indicators``."""
    upper: dict[str, Any] = {
        "plancheck": 1,
        "id": "upper-plan",
        "title": "示例省信息化发展战略",
        "jurisdiction": {"name": "示例省", "level": "province"},
        "period": data["period"],
        **fields,
    }
    if indicators:
        upper["indicators"] = list(indicators)
    return dump_data(upper)


def _upper_indicator(data: PlanData, value: Any, **row: Any) -> dict[str, Any]:
    return {
        "id": "upper-indicator",
        "name": "测试用户数",
        "unit": "万户",
        "type": "expected",
        "targets": [{"year": _period(data)[1], "value": value}],
        **row,
    }


def _link(relation: str = "not-below") -> list[dict[str, str]]:
    return [{"plan": "upper-plan", "indicator": "upper-indicator", "relation": relation}]


@_breaks("PC801")
def _pc801(draw: st.DrawFn, data: PlanData) -> _Broken:
    end = _period(data)[1]
    _add_indicator(data, aligns_with=_link())
    upper = _upper(data, _upper_indicator(data, draw(st.integers(21, 40))))
    return _Broken(
        data,
        [f"indicators/added-indicator/{end}"],
        "a target below the upper plan's",
        extra={UPPER: upper},
    )


@_breaks("PC802")
def _pc802(draw: st.DrawFn, data: PlanData) -> _Broken:
    claim = {
        "id": "unlinked-cite",
        "quote": "国家要求测试用户数达到30万户",
        "year": _period(data)[1],
        "value": "30万户",
        "cite": {"plan": "no-such-plan", "indicator": "upper-indicator"},
    }
    data["claims"] = [claim]
    config = dump_data({"params": {"PC802": {"require_links": True}}})
    return _Broken(
        data,
        ["claims/unlinked-cite"],
        "a citation of a plan not in the run",
        extra={CONFIG: config},
    )


@_breaks("PC803")
def _pc803(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data, aligns_with=_link())
    upper = _upper(data, _upper_indicator(data, 50, unit="%"))
    return _Broken(
        data, ["indicators/added-indicator"], "万户 aligned with %", extra={UPPER: upper}
    )


@_breaks("PC804")
def _pc804(draw: st.DrawFn, data: PlanData) -> _Broken:
    said = draw(st.integers(31, 40))
    claim = {
        "id": "misquoted-cite",
        "quote": f"国家要求测试用户数达到{said}万户",
        "year": _period(data)[1],
        "value": f"{said}万户",
        "cite": {"plan": "upper-plan", "indicator": "upper-indicator"},
    }
    data["claims"] = [claim]
    upper = _upper(data, _upper_indicator(data, 30))
    return _Broken(
        data, ["claims/misquoted-cite"], "an upper plan's target misquoted", extra={UPPER: upper}
    )


@_breaks("PC805")
def _pc805(draw: st.DrawFn, data: PlanData) -> _Broken:
    start, end = _period(data)
    data["based_on"] = ["upper-plan"]
    upper = _upper(data)
    upper = upper.replace(f"period: {start}-{end}", f"period: {start - 1}-{end}")
    return _Broken(data, ["plan"], "based on a plan of another period", extra={UPPER: upper})


@_breaks("PC806")
def _pc806(draw: st.DrawFn, data: PlanData) -> _Broken:
    draft = {
        "plancheck": 1,
        "id": data["id"],
        "title": f"{data['title']}（征求意见稿）",
        "jurisdiction": data["jurisdiction"],
        "period": data["period"],
    }
    # Both plans are reported, each naming the other.
    return _Broken(
        data,
        ["plan", "plan"],
        "a draft with the plan's id in the same run",
        extra={UPPER: dump_data(draft)},
    )


# -- evaluation ------------------------------------------------------------------------


def _evaluate(data: PlanData, kind: str = "annual", **fields: Any) -> dict[str, Any]:
    evaluation = {"id": "evaluation", "kind": kind, "year": _period(data)[1], **fields}
    data["evaluations"] = [evaluation]
    return evaluation


_RESULT = "evaluations/evaluation/results/added-indicator"


@_breaks("PC901")
def _pc901(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data)
    actual = f"{draw(st.integers(10, 19))}万户"
    _evaluate(data, results=[{"indicator": "added-indicator", "actual": actual}])
    return _Broken(data, [_RESULT], f"{actual} at the end against a target of 20")


@_breaks("PC902")
def _pc902(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data)
    actual = f"{draw(st.integers(20, 30))}万户"
    result = {"indicator": "added-indicator", "actual": actual, "status": "not-met"}
    _evaluate(data, results=[result])
    return _Broken(data, [_RESULT], f"called not met at {actual} against a target of 20")


@_breaks("PC903")
def _pc903(draw: st.DrawFn, data: PlanData) -> _Broken:
    tally = {
        "quote": "28个指标中仅2个未达到序时进度，完成率91.7%",
        "not_met": 2,
        "of": 28,
        "rate": "91.7%",
    }
    _evaluate(data, tallies=[tally])
    return _Broken(data, ["evaluations/evaluation/tallies/1"], "91.7% for 26 of 28")


@_breaks("PC904")
def _pc904(draw: st.DrawFn, data: PlanData) -> _Broken:
    _add_indicator(data, type="binding")
    _evaluate(data, kind=draw(st.sampled_from(("midterm", "final"))), results=[])
    binding = [i for i in data["indicators"] if i.get("type") == "binding"]
    keys = ["evaluations/evaluation"] * len(binding)
    return _Broken(data, keys, "an evaluation that leaves out binding indicators")


@_breaks("PC905")
def _pc905(draw: st.DrawFn, data: PlanData) -> _Broken:
    year = _period(data)[0] - 1
    _add_indicator(data)
    actual = f"{draw(st.integers(11, 15))}万户"
    _evaluate(data, results=[{"indicator": "added-indicator", "year": year, "actual": actual}])
    return _Broken(data, [f"{_RESULT}/{year}"], f"the base-year figure restated as {actual}")


def _files(broken: _Broken) -> dict[str, str]:
    text = broken.text if broken.text is not None else dump_data(broken.data)
    return {PLAN: text, **broken.extra}


@st.composite
def _violation(draw: st.DrawFn, code: str, shape: PlanShape) -> Violation:
    data = copy.deepcopy(draw(consistent_plan(shape)))
    broken = _BREAKERS[code](draw, data)
    base = {PLAN: dump_data(broken.base)} if broken.base is not None else None
    keys = tuple(sorted(broken.keys))
    return Violation(code, _files(broken), keys, broken.description, base, broken.also)


def violation_codes() -> tuple[str, ...]:
    """The rule codes ``violations`` can break: every rule plancheck ships."""
    return tuple(sorted(_BREAKERS))


def violations(code: str, *, shape: PlanShape | None = None) -> st.SearchStrategy[Violation]:
    """Plans that every rule passes, broken so that rule ``code`` fires (and no other
    rule reports an error): a :class:`Violation` naming the subjects it must report."""
    if code not in _BREAKERS:
        raise ValueError(f"violations(): no rule {code!r}; known: {', '.join(violation_codes())}")
    return _violation(code, shape or PlanShape(currency="万元"))
