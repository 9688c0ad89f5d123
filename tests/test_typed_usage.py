"""What users copy type-checks: every Python snippet in the README and docs/, and a
consumer package built on the documented API, pass ``mypy --strict``; the README's
library snippet also runs and prints what it says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api as mypy_api

from .conftest import ROOT

PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
CONSUMER = ROOT / "tests" / "consumer" / "plancheck_consumer"


def snippets() -> list[tuple[str, str]]:
    found = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for page in pages:
        for index, block in enumerate(PYTHON_BLOCK.findall(page.read_text(encoding="utf-8"))):
            found.append((f"{page.relative_to(ROOT).as_posix()}#{index + 1}", block))
    return found


def test_there_are_snippets_to_check() -> None:
    names = [name for name, _ in snippets()]
    assert any(name.startswith("README.md") for name in names)
    assert any(name.startswith("docs/api.md") for name in names)


def test_snippets_and_consumer_package_pass_mypy_strict(tmp_path: Path) -> None:
    files = []
    for number, (name, code) in enumerate(snippets()):
        path = tmp_path / f"snippet_{number:03d}.py"
        path.write_text(f"# {name}\n{code}", encoding="utf-8")
        files.append(str(path))
    stdout, stderr, status = mypy_api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            *files,
            str(CONSUMER),
        ]
    )
    if status != 0:
        # Name the page each failing snippet came from.
        names = {f"snippet_{n:03d}.py": name for n, (name, _) in enumerate(snippets())}
        for file, name in names.items():
            stdout = stdout.replace(str(tmp_path / file), name)
    assert status == 0, stdout + stderr


def test_mypy_check_is_not_vacuous(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import plancheck\nplan = plancheck.load('x')\n"
        "print(sum(p.funding.magnitude for p in plan.projects))\n",
        encoding="utf-8",
    )
    stdout, _, status = mypy_api.run(
        ["--strict", "--config-file", str(ROOT / "pyproject.toml"), str(bad)]
    )
    assert status == 1 and "None" in stdout


def test_readme_library_snippet_runs() -> None:
    name, code = next(item for item in snippets() if item[0].startswith("README.md"))
    assert "plancheck.load" in code, name
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    first = completed.stdout.splitlines()[0]
    assert first == "31 272340"
    assert "PC403 error" in completed.stdout and "PC105" not in completed.stdout


@pytest.mark.parametrize("module", ["plancheck_consumer"])
def test_consumer_package_works(module: str) -> None:
    sys.path.insert(0, str(CONSUMER.parent))
    try:
        consumer = __import__(module)
        text = consumer.summary(ROOT / "corpus" / "baoji-2011-2015")
    finally:
        sys.path.remove(str(CONSUMER.parent))
    head, *rest = text.splitlines()
    assert head == "baoji-2011-2015-informatization: 27.234 亿元, exit 1"
    severities = [line.split()[1] for line in rest]
    assert severities == sorted(severities, key=["warning", "error"].index, reverse=True)
    assert "error" in severities and "warning" in severities


RUN_ALL = """
import contextlib, io, re, sys
page = open("docs/api.md", encoding="utf-8").read()
failed = []
for number, block in enumerate(re.findall(r"```python\\n(.*?)```", page, re.S)):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(block, f"docs/api.md example {number + 1}", "exec"), {})
    except Exception as error:
        failed.append(f"example {number + 1}: {type(error).__name__}: {error}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_api_examples_run() -> None:
    # One separate process: the register_check example registers a check globally.
    completed = subprocess.run(
        [sys.executable, "-c", RUN_ALL], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
