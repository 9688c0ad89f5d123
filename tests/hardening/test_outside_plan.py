"""Nothing outside the plan folder (or its repository) is read, and nothing of it is shown.

A plan names its source document and parts; a plan file may be a symlink. Each of
these can point at a file the user never meant to hand over (a credentials file).
Such a file is reported and never opened, so no finding can quote it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.outputs import FORMATS
from tests.hardening._support import cli, plan_text

Capsys = pytest.CaptureFixture[str]

SECRET = "aws_secret_access_key = TOPSECRET0123456789"
# A line that would be reported if the file were scanned for inline ignores.
SECRET_FILE = f"{SECRET}\n# plancheck: ignore[PC401] TOPSECRET comment\n{SECRET}\n"


def _outputs(capsys: Capsys, *args: str) -> str:
    """Every format's report (and stderr) for ``plancheck check ARGS``, concatenated."""
    shown = []
    for output_format in FORMATS:
        run = cli(capsys, "check", *args, "--format", output_format, "--show-waived")
        shown += [run.out, run.err]
    return "\n".join(shown)


def test_source_document_outside_the_plan_is_reported_and_never_read(
    here: Path, capsys: Capsys
) -> None:
    (here / "secret.txt").write_text(SECRET_FILE, encoding="utf-8")
    (here / "plan").mkdir()
    body = (
        "source_document: {path: ../secret.txt}\n"
        "projects:\n  - {id: p, name: 甲工程, funding: 1, source: {line: 1, quote: 甲}}\n"
    )
    (here / "plan" / "plan.yaml").write_text(plan_text(body), encoding="utf-8")
    shown = _outputs(capsys, "plan")
    assert "TOPSECRET" not in shown
    run = cli(capsys, "check", "plan", "--format", "json", "--select", "PC008")
    assert [f["rule"] for f in run.findings()] == ["PC008"]
    # The file outside is no input of the plan: it is not listed among the plan's files.
    assert all("secret" not in name for name in run.document()["plans"][0]["files"])


def _repository(here: Path) -> Path:
    (here / "credentials").write_text(SECRET_FILE, encoding="utf-8")
    repo = here / "repo"
    (repo / ".git").mkdir(parents=True)
    return repo


def test_plan_yaml_symlinked_out_of_the_repository_is_reported_and_not_read(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(here)
    (repo / "plan").mkdir()
    (repo / "plan" / "plan.yaml").symlink_to(here / "credentials")
    monkeypatch.chdir(repo)
    assert "TOPSECRET" not in _outputs(capsys, "plan")
    run = cli(capsys, "check", "plan", "--format", "json")
    (finding,) = run.findings()
    assert finding["rule"] == "PC002", finding
    assert "leaves" in finding["message_en"]


def test_plan_file_symlinked_out_of_the_repository_is_reported_and_not_read(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(here)
    (repo / "plan.yaml").symlink_to(here / "credentials")
    monkeypatch.chdir(repo)
    assert "TOPSECRET" not in _outputs(capsys, "plan.yaml")
    run = cli(capsys, "check", "plan.yaml", "--format", "json")
    assert [f["rule"] for f in run.findings()] == ["PC002"]


def test_discovery_does_not_open_plan_files_symlinked_out_of_the_repository(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(here)
    (here / "credentials").write_text(plan_text() + f"# {SECRET}\n", encoding="utf-8")
    (repo / "plans").mkdir()
    (repo / "plans" / "stolen.yaml").symlink_to(here / "credentials")
    (repo / "plans" / "real.yaml").write_text(plan_text(), encoding="utf-8")
    monkeypatch.chdir(repo)
    run = cli(capsys, "check", ".", "--format", "json")
    assert [plan["path"] for plan in run.document()["plans"]] == ["plans/real.yaml"]
    assert "TOPSECRET" not in _outputs(capsys, ".")


def test_a_symlink_inside_the_repository_is_followed(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(here)
    (repo / "archive").mkdir()
    (repo / "archive" / "2021.yaml").write_text(plan_text(), encoding="utf-8")
    (repo / "plans").mkdir()
    (repo / "plans" / "current.yaml").symlink_to("../archive/2021.yaml")
    monkeypatch.chdir(repo)
    run = cli(capsys, "check", "plans/current.yaml", "--format", "json")
    assert run.code == 0, run.findings()
