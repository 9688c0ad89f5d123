"""HTML reports of the Baoji corpus and of a small demo plan, made through the CLI."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from plancheck.cli import main
from tests.conftest import CORPUS, ROOT

DATA = Path(__file__).parent / "data"
DEMO = DATA / "demo"

# A project name an attacker would choose: markup, a Markdown link, an event handler.
HOSTILE = (
    "<script>window.__pwned=1</script>](javascript:window.__pwned=2) "
    '<img src=x onerror="window.__pwned=3">&amp;'
)


def report_html(*args: str, cwd: Path = ROOT) -> str:
    """``plancheck report ARGS -o -`` run in ``cwd``; the HTML it prints."""
    out = io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out):
        code = main(["report", *args, "--output", "-"])
    assert code in (0, 1)
    return out.getvalue()


@pytest.fixture(scope="session")
def baoji_en() -> str:
    return report_html(str(CORPUS.relative_to(ROOT)), "--lang", "en")


@pytest.fixture(scope="session")
def baoji_zh() -> str:
    return report_html(str(CORPUS.relative_to(ROOT)), "--lang", "zh")


def copy_plan(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def rename_project(folder: Path, part: str, old: str, new: str) -> None:
    """Replace a project's name line in a part file (the name is YAML single-quoted)."""
    path = folder / part
    text = path.read_text(encoding="utf-8")
    line = f"name: {old}\n"
    assert text.count(line) == 1, old
    quoted = "'" + new.replace("'", "''") + "'"
    path.write_text(text.replace(line, f"name: {quoted}\n"), encoding="utf-8")


@pytest.fixture
def hostile_baoji(tmp_path: Path) -> Callable[[], str]:
    """The Baoji report with 教育信息化工程 (a PC401 project) renamed to :data:`HOSTILE`."""

    def make() -> str:
        folder = copy_plan(CORPUS, tmp_path / "baoji")
        rename_project(folder, "projects.yaml", "教育信息化工程", HOSTILE)
        return report_html("baoji", cwd=tmp_path)

    return make
