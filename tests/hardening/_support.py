"""Running plancheck on hostile input and judging the result.

Two ways in: ``cli`` calls :func:`plancheck.cli.main` in this process (fast, for
the many cases where only the outcome matters); ``run_plancheck`` starts
``python -m plancheck`` in a child with an address-space limit and a timeout,
for the cases where a real process matters: memory and time must stay bounded,
nothing may be executed, and a hang must fail the test instead of the suite.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from plancheck.cli import main
from tests.conftest import MINIMAL_PLAN

# MINIMAL_PLAN is five lines: a body appended to it starts on line 6.
HEAD = MINIMAL_PLAN
BODY_LINE = 6

# Only the input-family rules: the load problems under test, independent of
# which domain rules other work adds to the catalogue.
INPUT_RULES = "PC00"

MEMORY_LIMIT = 1536 * 1024 * 1024  # RLIMIT_AS for child processes: ~1.5 GB
TIMEOUT = 60  # seconds; a timeout is a failure (a hang), never a measured duration

PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(ci: int) -> settings:
    """The active profile, with ``ci`` examples when running the bounded CI profile."""
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        return settings(PROFILE, max_examples=ci)
    return PROFILE


@dataclass(frozen=True)
class Run:
    """What one plancheck run produced."""

    code: int
    out: str
    err: str

    def document(self) -> dict[str, Any]:
        """The JSON report on stdout (the run must have used ``--format json``)."""
        loaded: dict[str, Any] = json.loads(self.out)
        return loaded

    def findings(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.document()["findings"]
        return found

    def rules(self) -> set[str]:
        return {finding["rule"] for finding in self.findings()}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """``plancheck ARGS`` in this process; the caller should have chdir'd to a tmp folder."""
    code = main(list(args))
    captured = capsys.readouterr()
    run = Run(code, captured.out, captured.err)
    assert_no_crash(run)
    return run


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_plancheck(
    *args: str, cwd: Path, timeout: float = TIMEOUT, limit_memory: bool = True
) -> Run:
    """``python -m plancheck ARGS`` in a child process with bounded memory and time."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONWARNINGS", None)
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "plancheck", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=cwd,
            env=env,
            timeout=timeout,
            preexec_fn=_limit_memory if limit_memory else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"plancheck {' '.join(args)} did not finish within {timeout} s (a hang)")
    run = Run(completed.returncode, completed.stdout, completed.stderr)
    assert_no_crash(run)
    return run


def assert_no_crash(run: Run) -> None:
    """Never a traceback, never an internal error, never a signal."""
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err
    assert "internal error" not in run.err, run.err
    assert run.code in (0, 1, 2), (run.code, run.err)


def assert_one_error_line(run: Run, *needles: str) -> str:
    """Exit code 2 and exactly one line on stderr, ``plancheck: error: …`` naming ``needles``."""
    assert run.code == 2, (run.code, run.out, run.err)
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    (line,) = lines
    assert line.startswith("plancheck: error: "), line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def finding_at(
    run: Run,
    rule: str,
    file: str | Path,
    line: int,
    column: int | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """The one finding of ``rule`` at ``file:line`` (exit code 1), with ``text`` in its message."""
    assert run.code == 1, (run.code, run.out, run.err)
    findings = run.findings()
    wanted = Path(file).as_posix()
    matching = [f for f in findings if f["rule"] == rule and f["file"] == wanted]
    assert matching, (rule, wanted, [(f["rule"], f["file"], f["line"]) for f in findings])
    at_line = [f for f in matching if f["line"] == line]
    assert at_line, (line, [(f["line"], f["column"], f["message"]) for f in matching])
    finding = at_line[0]
    if column is not None:
        assert finding["column"] == column, finding
    if text is not None:
        assert text in finding["message_en"], finding["message_en"]
    return finding


def plan_text(body: str = "") -> str:
    return HEAD + body


def write_plan(folder: Path, body: str = "", name: str = "plan.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(body), encoding="utf-8")
    return path
