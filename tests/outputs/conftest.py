"""Reports for the output-format tests: from the real engine, and built by hand."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from plancheck import Checker, Config
from plancheck.records import (
    Finding,
    PlanReport,
    Report,
    Rule,
    RuleStats,
    Severity,
    SourcePosition,
    Subject,
    YamlLocation,
)
from tests.conftest import MINIMAL_PLAN

DATA = Path(__file__).parent / "data"

# Load-time rules (PC002, PC004) are always there; PC101 (period) is used when it exists.
BROKEN = """\
projects:
  - {id: p1, name: 示范工程, funding: 3斤}
  - {id: p2, name: 乙工程, fundng: 100}
"""
OUT_OF_PERIOD = """\
projects:
  - {id: a, name: "甲工程, 一期", years: 2019-2022, funding: 100}
"""
CLEAN = """\
projects:
  - {id: a, name: 甲工程, years: 2021-2022, funding: 100}
"""
WANTED = ("PC002", "PC004", "PC101")


def sarif_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    return schema


def catalogue_rules() -> Mapping[str, Rule]:
    return Checker().catalogue.rules


def write_plans(folder: Path) -> list[Path]:
    """Three single-file plans under ``folder/plans``: broken, out of period, clean."""
    plans = folder / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, body in (("broken", BROKEN), ("period", OUT_OF_PERIOD), ("clean", CLEAN)):
        path = plans / f"{name}.yaml"
        path.write_text(MINIMAL_PLAN + body, encoding="utf-8")
        paths.append(path)
    return paths


def engine_report(paths: list[Path], **config: Any) -> Report:
    """Run the real engine on ``paths`` with the rules this suite relies on."""
    available = catalogue_rules()
    select = [code for code in WANTED if code in available]
    checker = Checker(Config(select=select, **config))
    return checker.report(checker.check_path(path) for path in paths)


@pytest.fixture
def relative_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    """An engine report whose paths are relative, as when run from the repository root."""
    monkeypatch.chdir(tmp_path)
    write_plans(tmp_path)
    return engine_report(
        [Path("plans/broken.yaml"), Path("plans/period.yaml"), Path("plans/clean.yaml")]
    )


class SuppressingReport(Report):
    """A Report that may carry ``waived``/``baselined`` whether or not Report has them."""


def _finding(
    rule: str,
    name: str,
    severity: Severity,
    message: str,
    subject: Subject,
    file: str,
    line: int,
    column: int,
    **extra: Any,
) -> Finding:
    return Finding(
        rule=rule,
        name=name,
        severity=severity,
        message_zh=f"〔中文〕{message}",
        message_en=message,
        subject=subject,
        location=YamlLocation(file, line, column, extra.pop("pointer", "")),
        plan=extra.pop("plan", "plans/x.yaml"),
        plan_id=extra.pop("plan_id", "x"),
        **extra,
    )


PROJECT_A = Subject("projects/a", "project", "a", "甲工程, 一期")
PROJECT_B = Subject("projects/b", "project", "b", "乙工程")
PROJECT_C = Subject("projects/c", "project", "c", "丙|工程")
FILE = Subject("files/x.yaml", "file", "x.yaml", "plans/x.yaml")


def hand_findings() -> list[Finding]:
    return [
        _finding(
            "PC101",
            "project-outside-period",
            Severity.ERROR,
            "years 2019-2022, outside: 100% of\nthe period",
            PROJECT_A,
            "plans/x.yaml",
            8,
            30,
            pointer="/projects/0/years",
            source=SourcePosition("plans/source.txt", 5, 3),
            evidence=(("years", "2019-2022"), ("period", "2021-2025")),
            hint_en="check the years",
            hint_zh="核对实施年度",
        ),
        _finding(
            "PC202",
            "unfunded-project",
            Severity.WARNING,
            "funding is 0万元",
            PROJECT_B,
            "plans/x.yaml",
            9,
            42,
            evidence=(("funding", "0万元"),),
        ),
        _finding(
            "PC401",
            "unplanned-project",
            Severity.INFO,
            "project <b>&amp; \x07 not in any section | table",
            PROJECT_C,
            "plans/x.yaml",
            10,
            5,
        ),
        # Two findings that are semantically the same (same rule, plan, subject, no evidence).
        _finding(
            "PC002", "schema-violation", Severity.ERROR, "unknown key a", FILE, "plans/x.yaml", 3, 1
        ),
        _finding(
            "PC002", "schema-violation", Severity.ERROR, "unknown key b", FILE, "plans/x.yaml", 4, 1
        ),
    ]


WAIVED = _finding(
    "PC101",
    "project-outside-period",
    Severity.ERROR,
    "waived one",
    Subject("projects/w", "project", "w", "戊工程"),
    "plans/x.yaml",
    12,
    5,
)
BASELINED = _finding(
    "PC202",
    "unfunded-project",
    Severity.ERROR,
    "baselined one",
    Subject("projects/v", "project", "v", "己工程"),
    "plans/x.yaml",
    13,
    5,
)


def hand_report(
    lang: str = "en",
    fail_on: Severity = Severity.ERROR,
    *,
    waived: list[Finding] | None = None,
    baselined: list[Finding] | None = None,
) -> Report:
    findings = hand_findings()
    stats = {
        "PC101": RuleStats(checked=3, passed=2, failed=1),
        "PC202": RuleStats(checked=3, passed=2, failed=1, not_applicable=0),
        "PC002": RuleStats(checked=1, failed=1),
    }
    plans = [
        PlanReport(
            "plans/x.yaml", "x", findings=list(findings), stats=stats, files=["plans/x.yaml"]
        ),
        PlanReport(
            "plans/y.yaml",
            "y",
            stats={"PC101": RuleStats(checked=1, passed=1)},
            files=["plans/y.yaml"],
        ),
    ]
    report = SuppressingReport(plans, catalogue_rules(), lang=lang, fail_on=fail_on)
    for name, value in (("waived", waived), ("baselined", baselined)):
        if value is not None:
            setattr(report, name, value)
    return report
