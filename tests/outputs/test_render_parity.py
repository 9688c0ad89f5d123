"""``plancheck.render(report, fmt)`` is exactly what ``plancheck check --format fmt`` prints.

With a waiver in play, so the text format's suppressed-findings block is part of both.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import plancheck
from plancheck.cli import main
from plancheck.review import load_waivers
from tests.conftest import CORPUS

WAIVERS = """\
waivers:
  - rule: PC401
    subject: projects/education-informatization
    plan: baoji-2011-2015-informatization
    reason: 教育信息化由省教育厅统筹，不单列专栏
    approved_by: 规划处 张三
    expires: 2099-06-30
"""


@pytest.fixture
def waivers(tmp_path: Path) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(WAIVERS, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", plancheck.FORMATS)
@pytest.mark.parametrize("show_waived", [False, True])
def test_render_is_what_the_cli_prints(
    fmt: str,
    show_waived: bool,
    waivers: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(CORPUS.parent.parent)
    monkeypatch.setenv("NO_COLOR", "1")
    target = str(CORPUS.relative_to(CORPUS.parent.parent))
    extra = ["--show-waived"] if show_waived else []
    code = main(["check", target, "--format", fmt, "--waivers", str(waivers), *extra])
    printed = capsys.readouterr().out

    checker = plancheck.Checker(plancheck.load_config())
    report = checker.report([checker.check_path(Path(target))])
    severities = {active.rule.code: active.severity for active in checker.rules}
    reviewed = plancheck.apply_review(
        report, load_waivers(waivers), today=date.today(), severities=severities
    )
    # The HTML report also shows the plans themselves, read again beside the engine.
    material = plancheck.gather_material(reviewed) if fmt == "html" else None
    rendered = plancheck.render(reviewed, fmt, show_waived=show_waived, material=material)

    assert code == reviewed.exit_code
    assert len(reviewed.waived) == 1
    assert rendered == printed
    if fmt == "text":
        assert ("Suppressed findings" in rendered) is show_waived
        assert "Not counted: 1 waived, 0 baselined" in rendered


@pytest.mark.parametrize("fmt", plancheck.FORMATS)
def test_a_run_of_several_plans_prints_what_render_gives(
    fmt: str, waivers: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CLI reviews and renders plan by plan (text) or from a lean report (the plans'
    # counts kept only as totals); the library renders the whole report at once.
    root = CORPUS.parent.parent
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_COLOR", "1")
    args = ["check", "corpus", "--format", fmt, "--statistics", "--no-cache"]
    code = main([*args, "--waivers", str(waivers)])
    printed = capsys.readouterr().out

    checker = plancheck.Checker(plancheck.load_config())
    plans = sorted(Path("corpus").glob("*/plan.yaml"))  # what the CLI finds there
    reports = [checker.check_path(path) for path in plans]
    checker.check_set(reports)
    severities = {active.rule.code: active.severity for active in checker.rules}
    reviewed = plancheck.apply_review(
        checker.report(reports), load_waivers(waivers), severities=severities
    )
    material = plancheck.gather_material(reviewed) if fmt == "html" else None
    rendered = plancheck.render(reviewed, fmt, statistics=True, material=material)

    assert len(reviewed.plans) == 2 and any(f.rule == "PC801" for f in reviewed.findings)
    assert code == reviewed.exit_code
    assert rendered == printed
