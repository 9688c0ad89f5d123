"""Every format is registered, dispatched by ``render`` and offered by the CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.outputs import FORMATS, render
from plancheck.records import Report

from .conftest import write_plans


def test_formats_in_order() -> None:
    assert FORMATS == ("text", "json", "sarif", "junit", "github", "markdown", "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_dispatches_every_format(relative_report: Report, fmt: str) -> None:
    text = render(relative_report, fmt)
    assert text.endswith("\n")
    assert text == render(relative_report, fmt)


def test_unknown_format_is_an_error(relative_report: Report) -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        render(relative_report, "yaml")


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "markdown"])
def test_the_cli_offers_the_new_formats(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    write_plans(tmp_path)
    code = main(["check", "plans/broken.yaml", "--format", fmt, "--select", "PC004"])
    out = capsys.readouterr().out
    assert code == 1
    assert "PC004" in out
    if fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"]
    if fmt == "junit":
        assert ET.fromstring(out.encode("utf-8")).tag == "testsuites"
    if fmt == "github":
        assert out.startswith("::error file=plans/broken.yaml,")
