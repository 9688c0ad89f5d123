"""Paths with a NUL character or bytes that are not UTF-8.

A NUL cannot be in a file name, but YAML writes one as ``"\\0"``; Python's file
functions raise ``ValueError`` on it. A file name may hold any byte but ``/`` and NUL,
and one that is not UTF-8 decodes to lone surrogates that cannot be written as UTF-8.
Each gives a finding at its place or one error line, and every report stays valid UTF-8
with the odd byte shown escaped (``\\xff``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plancheck import load_plan
from plancheck.outputs import FORMATS
from tests.hardening._support import BODY_LINE, cli, plan_text

Capsys = pytest.CaptureFixture[str]


def _every_format(capsys: Capsys, *args: str) -> None:
    for output_format in FORMATS:
        run = cli(capsys, "check", *args, "--format", output_format)
        assert run.code == 1, (output_format, run.err)


def test_part_path_with_a_nul_is_a_finding(here: Path, capsys: Capsys) -> None:
    (here / "plan").mkdir()
    (here / "plan" / "plan.yaml").write_text(
        plan_text('parts: ["projects\\0.yaml"]\n'), encoding="utf-8"
    )
    run = cli(capsys, "check", "plan", "--format", "json")
    (finding,) = run.findings()
    assert (finding["rule"], finding["line"]) == ("PC002", BODY_LINE), finding
    assert "NUL" in finding["message_en"]
    _every_format(capsys, "plan")


def test_source_document_path_with_a_nul_is_a_finding(here: Path, capsys: Capsys) -> None:
    (here / "plan.yaml").write_text(
        plan_text('source_document: {path: "source\\0.txt"}\n'), encoding="utf-8"
    )
    run = cli(capsys, "check", "plan.yaml", "--format", "json")
    assert [f["line"] for f in run.findings()] == [BODY_LINE], run.findings()
    assert "NUL" in run.findings()[0]["message_en"]
    _every_format(capsys, "plan.yaml")


def test_changed_file_of_a_plan_listing_a_nul_part(here: Path, capsys: Capsys) -> None:
    (here / "plan").mkdir()
    (here / "plan" / "plan.yaml").write_text(
        plan_text('parts: ["projects\\0.yaml", projects.yaml]\n'), encoding="utf-8"
    )
    (here / "plan" / "projects.yaml").write_text("projects: []\n", encoding="utf-8")
    run = cli(capsys, "check", "--changed", "plan/projects.yaml", "--format", "json")
    assert [f["rule"] for f in run.findings()] == ["PC002"]


@pytest.mark.parametrize(
    "where", ["part", "source", "argument-file", "argument-folder", "argument-undecodable"]
)
def test_load_plan_never_raises_on_odd_paths(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    body = {
        "part": 'parts: ["a\\0b.yaml"]\n',
        "source": 'source_document: {path: "a\\0b.txt"}\n',
    }.get(where, "")
    (folder / "plan.yaml").write_text(plan_text(body), encoding="utf-8")
    target: str | Path = {
        "argument-file": str(folder / "plan\0.yaml"),
        "argument-folder": str(tmp_path / "pl\0an"),
        "argument-undecodable": os.fsdecode(bytes(tmp_path) + b"/plan\xff"),
    }.get(where, folder)
    loaded = load_plan(target)
    if where.startswith("argument"):
        assert loaded.plan is None and loaded.diagnostics
    else:
        assert loaded.diagnostics or loaded.plan is not None


def _run_bytes(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "plancheck", *args],
        cwd=cwd,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("output_format", FORMATS)
def test_undecodable_file_name_gives_valid_utf8_in_every_format(
    tmp_path: Path, output_format: str
) -> None:
    name = b"plan\xff.yaml"
    plan = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + name))
    plan.write_bytes(plan_text("projects:\n  - {id: p, name: 甲工程, funding: -1}\n").encode())
    for extra in ([], ["--output", "report.out"]):
        done = _run_bytes(tmp_path, "check", ".", "--format", output_format, *extra)
        assert done.returncode == 1, done.stderr
        assert b"Traceback" not in done.stderr
        shown = (tmp_path / "report.out").read_bytes() if extra else done.stdout
        text = shown.decode("utf-8")  # strict: raises on invalid UTF-8
        if output_format in ("json", "sarif"):
            # In JSON text the escape's backslash is escaped; decoded, it reads \xff.
            json.loads(text)
            assert "plan\\\\xff.yaml" in text, text[:2000]
        else:
            assert "plan\\xff.yaml" in text, text[:2000]
