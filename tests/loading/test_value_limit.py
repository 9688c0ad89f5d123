"""The per-file value limit: configurable within its documented bound."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancheck import Config, load_plan
from plancheck.cli import main
from plancheck.loading import MAX_VALUES
from tests.conftest import MINIMAL_PLAN

AGENCIES = "agencies:\n" + "".join(f"  - {{id: a{i}, name: 机构{i}}}\n" for i in range(60))


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    main(["check", *args, "--format", "json", "--no-cache"])
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["findings"]
    return found


def test_a_lower_limit_stops_a_part_file_with_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "plan.yaml").write_text(MINIMAL_PLAN + "parts: [big.yaml]\n", encoding="utf-8")
    (folder / "big.yaml").write_text(AGENCIES, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert not [f for f in _findings(capsys, "p") if f["rule"] == "PC001"]
    (tmp_path / ".plancheck.yaml").write_text("max_values: 100\n", encoding="utf-8")
    limited = [f for f in _findings(capsys, "p") if f["rule"] == "PC001"]
    assert len(limited) == 1
    assert "more than 100" in str(limited[0]["message"])
    assert str(limited[0]["file"]).endswith("p/big.yaml")


def test_a_raised_limit_reads_what_the_default_refuses(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    many = "x: [" + "1," * MAX_VALUES + "1]\n"
    path.write_text(MINIMAL_PLAN + many, encoding="utf-8")
    refused = load_plan(path).diagnostics
    assert [d.code for d in refused] == ["PC001"] and "too many values" in refused[0].message
    raised = load_plan(path, max_values=MAX_VALUES + 100).diagnostics
    assert "too many values" not in " ".join(d.message for d in raised)


@pytest.mark.parametrize("value", [0, -1, 5_000_001])
def test_the_limit_has_a_documented_bound(value: int) -> None:
    with pytest.raises(ValueError, match="max_values"):
        Config(max_values=value)


def test_the_bound_itself_is_accepted() -> None:
    assert Config(max_values=5_000_000).max_values == 5_000_000
