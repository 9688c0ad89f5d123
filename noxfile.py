"""Developer sessions: `nox` runs tests, lint and typecheck; `nox -s schemas` regenerates."""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = ["3.11"]


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (pass pytest options after --)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.6")
    session.run("ruff", "check", "src", "tests", "benchmarks", "tools", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "benchmarks", "tools", "noxfile.py")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".[typecheck]")
    session.run("mypy", "--strict", "src")


@nox.session(python=PYTHON)
def screenshots(session: nox.Session) -> None:
    """Refresh the README's screenshots of the Baoji HTML report (needs Debian's chromium
    and a CJK font such as fonts-noto-cjk)."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "tests/html/test_browser.py",
        env={"PLANCHECK_SCREENSHOTS": "docs/images", "CI": "true"},
    )


@nox.session(python=PYTHON)
def schemas(session: nox.Session) -> None:
    """Regenerate the checked-in schemas, rule pages and compact rule catalogue."""
    session.install("-e", ".")
    with Path("schemas/plan.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", stdout=out)
    session.run(
        "python",
        "-c",
        "from pathlib import Path; from plancheck.outputs.json_schema import findings_schema_text;"
        " Path('schemas/findings.schema.json').write_text(findings_schema_text(), 'utf-8')",
    )
    session.run("plancheck", "rules", "--format", "markdown", "--output-dir", "docs/rules")
    # The shipped rules, validated once, in the compact form start-up reads.
    session.run("python", "-m", "plancheck.engine._shipped")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Run the benchmark suite side by side with its peers; results in benchmarks/results/.

    Pass suite options after --, e.g. ``nox -s bench -- --quick --only startup``.
    """
    session.install("-e", ".", "check-jsonschema", "PyYAML")
    # The plot is optional: a failed matplotlib install only skips it.
    session.run("python", "-m", "pip", "install", "-q", "matplotlib", success_codes=[0, 1])
    if shutil.which("npm"):
        session.run(
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            "benchmarks/.tools",
            "@stoplight/spectral-cli",
            external=True,
            success_codes=[0, 1],
        )
    session.run("python", "benchmarks/suite.py", *session.posargs)
