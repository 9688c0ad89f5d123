"""tools/new_rule.py end to end, in a copy of the repository.

The scaffold's files must load and run, the new rule's own tests must fail loudly until
its check and texts are written, and pass once they are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from .conftest import ROOT

SCAFFOLD = [sys.executable, "tools/new_rule.py"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis", "*.pyc")
    for folder in ("src", "rules", "tests", "tools"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(repo / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        list(args), cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def _pytest(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(repo, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args)


IMPLEMENTATION = '''
    """A project whose name says it only extends something must say by when."""
    if "扩容" in project.name:
        yield Fail(args={"what": "扩容"}, evidence={"name": project.name}, field="name")
'''


def _write_the_rule(repo: Path) -> None:
    """What the author does next: real texts and a real check in place of the scaffold."""
    module = repo / "src" / "plancheck" / "checks" / "schedule.py"
    source = module.read_text(encoding="utf-8")
    start = source.index('    """SCAFFOLD: one line')
    source = source[:start] + IMPLEMENTATION.lstrip("\n")
    source = source.replace("SCAFFOLD: what the schedule checks look at.", "Schedules.")
    source = source.replace("PC701 SCAFFOLD: what vague-deadline reports.", "PC701 deadlines.")
    source = source.replace(
        "from plancheck.engine.outcome import Result",
        "from plancheck.engine.outcome import Fail, Result",
    )
    module.write_text(source, encoding="utf-8")
    for path in (repo / "rules" / "PC701.yaml", repo / "tests" / "rules" / "cases" / "PC701.yaml"):
        text = path.read_text(encoding="utf-8").replace("SCAFFOLD: ", "")
        text = text.replace("“{name}” … (English", "“{name}” {what} (English")
        text = text.replace("“{name}”……（中文", "“{name}”{what}（中文")
        path.write_text(text, encoding="utf-8")


def test_scaffold_writes_files_that_load_and_fail_until_written(repo: Path) -> None:
    made = _run(repo, *SCAFFOLD, "PC701", "vague-deadline", "schedule")
    assert made.returncode == 0, made.stderr
    for written in (
        "rules/PC701.yaml",
        "tests/rules/cases/PC701.yaml",
        "src/plancheck/checks/schedule.py",
    ):
        assert f"wrote {written}" in made.stdout
    loads = _run(
        repo,
        sys.executable,
        "-c",
        "from plancheck.engine.catalogue import load_catalogue\n"
        "from plancheck.engine.registry import builtin_registry\n"
        "c = load_catalogue(builtin_registry())\n"
        "print(c.rules['PC701'].name, c.checks['PC701'].function.__module__)",
    )
    assert loads.stdout.split() == ["vague-deadline", "plancheck.checks.schedule"], loads.stderr
    if find_spec("ruff") is not None:  # the lint extra; the scaffold tidies with it if present
        lint = _run(repo, sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tools")
        assert lint.returncode == 0, lint.stdout

    before = _pytest(repo, "tests/rules/test_rule_examples.py", "-k", "PC701")
    assert before.returncode == 1
    assert "PC701 failed internally" in before.stdout
    assert "NotImplementedError: PC701: SCAFFOLD: write this check" in before.stdout
    leftover = _pytest(repo, "tests/rules/test_rule_meta.py", "-k", "no_scaffold")
    assert leftover.returncode == 1
    assert "PC701.yaml still has SCAFFOLD text" in leftover.stdout

    _write_the_rule(repo)
    pinned = _pytest(repo, "tests/rules", "-k", "PC701", "--snapshot-update")
    assert pinned.returncode == 0, pinned.stdout[-3000:]
    after = _pytest(repo, "tests/rules", "-k", "PC701 or scaffold or named or usage or check")
    assert after.returncode == 0, after.stdout[-3000:]
    snapshot = (repo / "tests" / "snapshots" / "rules" / "PC701.txt").read_text("utf-8")
    assert "“城域网扩容工程”扩容" in snapshot


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("PC401", "anything-new", "traceability"), "rules/PC401.yaml already exists"),
        (("PC799", "unplanned-project", "traceability"), "already used"),
        (("P7", "x", "y"), "three digits"),
        (("PC799", "Bad_Name", "y"), "lower-case"),
        (("PC799", "fine-name", "y", "--given", "nothing"), "choose one of"),
    ],
)
def test_scaffold_refuses_what_would_clash(repo: Path, args: tuple[str, ...], needle: str) -> None:
    before = sorted(p.relative_to(repo) for p in repo.rglob("*") if p.is_file())
    result = _run(repo, *SCAFFOLD, *args)
    assert result.returncode == 2
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.relative_to(repo) for p in repo.rglob("*") if p.is_file()) == before
