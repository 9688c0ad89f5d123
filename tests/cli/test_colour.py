"""Colour in the text format: only on a terminal, and never when NO_COLOR is set."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

BROKEN = "projects:\n  - {id: a, name: 甲工程, years: 2019-2022, funding: 100}\n"


def _run_on_terminal(path: Path, **env: str) -> str:
    """Run plancheck with stdout on a pseudo-terminal and return what it printed."""
    primary, secondary = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
    with subprocess.Popen(
        [sys.executable, "-m", "plancheck", "check", str(path), "--select", "PC101"],
        stdout=secondary,
        stderr=subprocess.DEVNULL,
        env=environment,
    ) as process:
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed when the process exited
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_terminal_output_is_coloured(write_plan: Any) -> None:
    out = _run_on_terminal(write_plan(BROKEN))
    assert "\x1b[31mPC101\x1b[0m" in out


def test_no_color_turns_colour_off_on_a_terminal(write_plan: Any) -> None:
    out = _run_on_terminal(write_plan(BROKEN), NO_COLOR="1")
    assert "PC101" in out and "\x1b[" not in out


def test_piped_output_has_no_colour(write_plan: Any) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    result = subprocess.run(
        [sys.executable, "-m", "plancheck", "check", str(write_plan(BROKEN))],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "PC101" in result.stdout and "\x1b[" not in result.stdout
