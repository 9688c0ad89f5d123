"""Every path in every format is relative to --root (default: the repository root, else
the working directory), even when the plans were named by absolute paths; JSON findings
carry their semantic fingerprint."""

from __future__ import annotations

import json
import subprocess
from contextlib import chdir, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.outputs import FORMATS
from plancheck.outputs._common import default_root
from tests.outputs.conftest import write_plans

SOURCE_PLAN_SUFFIX = "source_document: {path: doc.txt}\n"


def _run(cwd: Path, *args: str) -> str:
    out = StringIO()
    with chdir(cwd), redirect_stdout(out):
        main(["check", *args])
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_absolute_inputs_give_root_relative_paths(tmp_path: Path, fmt: str) -> None:
    paths = write_plans(tmp_path / "repo")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    absolute = [str(p.resolve()) for p in paths]
    text = _run(elsewhere, "--format", fmt, "--root", str(tmp_path / "repo"), *absolute)
    if fmt == "sarif":
        # SARIF states its root once, as the %SRCROOT% base URI; results are relative to it.
        document = json.loads(text)
        text = json.dumps(document["runs"][0]["results"], ensure_ascii=False)
    assert str(tmp_path) not in text
    assert "plans/broken.yaml" in text


def test_default_root_is_the_repository_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write_plans(repo)
    (repo / ".git").mkdir()
    sub = repo / "plans"
    with chdir(sub):
        assert default_root() == repo
    text = _run(sub, "--format", "json", "broken.yaml")
    document = json.loads(text)
    assert document["plans"][0]["path"] == "plans/broken.yaml"
    assert {f["file"] for f in document["findings"]} == {"plans/broken.yaml"}
    with chdir(tmp_path):
        assert default_root() == tmp_path


def test_json_findings_carry_the_fingerprint_baselines_use(tmp_path: Path) -> None:
    write_plans(tmp_path)
    text = _run(tmp_path, "--format", "json", "plans")
    findings = json.loads(text)["findings"]
    assert findings and all(len(f["fingerprint"]) == 32 for f in findings)
    _run(tmp_path, "--quiet", "--write-baseline", "baseline.json", "plans")
    baseline = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    written = sorted(entry["fingerprint"] for entry in baseline["entries"])
    # Load problems (PC000–PC009) are never baselined.
    accepted = [f["fingerprint"] for f in findings if not f["rule"].startswith("PC00")]
    assert sorted(accepted) == written


def test_git_is_not_needed_for_the_default(tmp_path: Path) -> None:
    write_plans(tmp_path)
    subprocess.run(["true"], check=True)
    text = _run(tmp_path, "--format", "json", "plans")
    assert json.loads(text)["plans"][0]["path"].startswith("plans/")
