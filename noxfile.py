"""Developer sessions: `nox` runs tests, lint and typecheck; `nox -s schemas` regenerates."""

from __future__ import annotations

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
def schemas(session: nox.Session) -> None:
    """Regenerate the checked-in schemas and rule pages from the code."""
    session.install("-e", ".")
    with Path("schemas/plan.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", stdout=out)
    session.run(
        "python",
        "-c",
        "from pathlib import Path; from plancheck.outputs.json_schema import findings_schema_text;"
        " Path('schemas/findings.schema.json').write_text(findings_schema_text(), 'utf-8')",
    )
    with Path("schemas/progress.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", "--progress", stdout=out)
    session.run("plancheck", "rules", "--format", "markdown", "--output-dir", "docs/rules")
