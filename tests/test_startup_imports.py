"""Start-up imports only what the command needs (what each run loads, not how long it takes)."""

from __future__ import annotations

import subprocess
import sys

import plancheck

from .conftest import ROOT

CORPUS = ROOT / "corpus" / "baoji-2011-2015"


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(shown.stdout.split())


def test_import_plancheck_loads_nothing_but_the_version() -> None:
    loaded = _loaded_after("import plancheck")
    own = {m for m in loaded if m.startswith("plancheck")}
    assert own == {"plancheck", "plancheck._version", "plancheck._lazy"}
    assert "pydantic" not in loaded


def test_version_needs_no_command() -> None:
    loaded = _loaded_after(
        "import sys\nfrom plancheck.cli import main\nsys.argv = ['plancheck', '--version']\n"
        "import contextlib, io\nwith contextlib.redirect_stdout(io.StringIO()): main()"
    )
    assert not {"pydantic", "plancheck.engine", "importlib.metadata"} & loaded


def test_checking_baoji_loads_no_pint_jsonschema_or_unused_format() -> None:
    loaded = _loaded_after(
        "import sys\nfrom plancheck.cli import main\n"
        f"sys.argv = ['plancheck', 'check', {str(CORPUS)!r}, '-q']\nmain()"
    )
    assert "plancheck.records" in loaded
    unused = {"pint", "jsonschema", "concurrent.futures", "plancheck.outputs.html._page"}
    assert not unused & loaded
    assert "plancheck.outputs.sarif_format" not in loaded


def test_checking_baoji_loads_no_other_commands_machinery() -> None:
    # What only other commands (extract, trace, schema, diff, progress), --against or
    # other formats use; the text report is rendered here, not skipped by -q.
    loaded = _loaded_after(
        "import sys, contextlib, io\nfrom plancheck.cli import main\n"
        f"sys.argv = ['plancheck', 'check', {str(CORPUS)!r}, '--no-cache']\n"
        "with contextlib.redirect_stdout(io.StringIO()): main()"
    )
    assert "plancheck.outputs.text_format" in loaded
    unused = {
        "plancheck.extraction",
        "plancheck.trace",
        "plancheck.schema",
        "plancheck.outputs.json_schema",
        "plancheck.outputs.junit_format",
        "plancheck.cli._diff",
        "plancheck.cli._report",
        "plancheck.cli._rules",
        "plancheck.cli._schema",
        "plancheck.cli._trace",
        "plancheck.cli._plan_progress",
        "plancheck.cli._extract",
        "plancheck.plan_diff._git",
        "plancheck.plan_diff._render",
        "plancheck.plan_diff._schema",
        "xml.etree.ElementTree",
    }
    assert not unused & loaded


def test_checking_baoji_loads_no_machinery_of_runs_it_is_not() -> None:
    # Baoji has no earlier version (--against), no evaluation results, no git work
    # (--changed), no waivers file or baseline, and is rendered as text: the diff's
    # records and computation, the progress path and view, the HTML records, the rule
    # pages and the waivers and baseline modules stay unimported.
    loaded = _loaded_after(
        "import sys, contextlib, io\nfrom plancheck.cli import main\n"
        f"sys.argv = ['plancheck', 'check', {str(CORPUS)!r}, '--no-cache']\n"
        "with contextlib.redirect_stdout(io.StringIO()): main()"
    )
    assert {"plancheck.checks.revision", "plancheck.checks.evaluation"} <= loaded
    unused = {
        "plancheck.plan_diff._records",
        "plancheck.plan_diff._compute",
        "plancheck.plan_diff._values",
        "plancheck.checks._path",
        "plancheck.checks._progress",
        "plancheck.records.progress",
        "plancheck.outputs.html",
        "plancheck.engine.checksource",
        "plancheck.outputs.ruledoc",
        "plancheck.review.waivers",
        "plancheck.review.baseline",
        "subprocess",
    }
    assert not unused & loaded


def test_lazy_names_resolve_to_their_modules() -> None:
    from plancheck import checks, plan_diff, review
    from plancheck.checks import _progress
    from plancheck.plan_diff import _compute, _records
    from plancheck.review import baseline, waivers

    assert review.load_waivers is waivers.load_waivers
    assert review.WaiverFile is waivers.WaiverFile
    assert review.write_baseline is baseline.write_baseline
    assert review.WAIVERS_FILE == "waivers.yaml"

    assert checks.progress_table is _progress.progress_table
    assert plan_diff.diff is _compute.diff
    assert plan_diff.Change is _records.Change


def test_every_public_name_imports_by_name() -> None:
    # What `from plancheck import NAME` does, in a fresh interpreter.
    names = ", ".join(plancheck.__all__)
    loaded = _loaded_after(f"from plancheck import {names}")
    assert "plancheck.engine.api" in loaded


def test_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert plancheck.__version__ == version("plancheck")
