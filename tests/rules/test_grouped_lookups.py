"""Rules reading per-plan groupings judge each group on its own, as a scan of the plan did."""

from __future__ import annotations

from typing import Any

from plancheck import Checker, Config

TABLES = """\
boxes:
  - {number: 1, title: 主要指标, kind: indicators}
  - {number: 2, title: 发展指标, kind: indicators}
indicators:
  - {id: a, name: 宽带用户数, unit: 万户, box: 1}
  - {id: b, name: 宽带接入速率, unit: Mbps, box: 1}
  - {id: c, name: 光纤用户数, unit: 万户, box: 2}
  - {id: d, name: 光纤用户占比, unit: "%", box: 2}
  - {id: e, name: 电子政务发展指数, box: 1}
  - {id: f, name: 信息化水平指数, box: 2, type: expected}
"""


def test_pc307_asks_each_table_once_and_each_table_its_own_question(write_plan: Any) -> None:
    # 专栏1 types no row: one finding for the table. 专栏2 types its last row only: its
    # untyped rows are reported one by one (the answer for 专栏1 must not leak into it).
    report = Checker(Config(select=["PC307"])).check_path(write_plan(TABLES))
    keys = sorted(f.subject.key for f in report.findings if f.rule == "PC307")
    assert keys == ["boxes/1", "indicators/c", "indicators/d"]


COUNTS = """\
sections:
  - number: 一、
    title: 总体要求
  - number: 二、
    title: 主要任务
    sections:
      - {number: （一）, title: 网络}
      - {number: （二）, title: 应用}
boxes:
  - {number: 1, title: 重点工程, kind: projects, items: [{number: 1, name: 甲工程}]}
  - {number: 1, title: 重复专栏, kind: projects, items: [{number: 1, name: 乙工程}]}
  - {number: 2, title: 其他工程, kind: projects, items: [{number: 1, name: 丙工程}]}
counts:
  - {id: tasks, phrase: 两大任务, count: 2, of: "section:2"}
  - {id: wrong-tasks, phrase: 三大任务, count: 3, of: "section:2"}
  - {id: doubled, phrase: 一项工程, count: 1, of: "box:1"}
  - {id: single, phrase: 两项工程, count: 2, of: "box:2"}
  - {id: all-boxes, phrase: 三个专栏, count: 3, of: boxes}
"""


def test_pc605_reads_each_count_against_its_own_structure(write_plan: Any) -> None:
    report = Checker(Config(select=["PC605"])).check_path(write_plan(COUNTS))
    failed = sorted(f.subject.key for f in report.findings if f.rule == "PC605")
    assert failed == ["counts/single", "counts/wrong-tasks"]
    reasons = report.stats["PC605"].reasons
    assert any("专栏1 is undefined or duplicated" in reason for reason in reasons)
