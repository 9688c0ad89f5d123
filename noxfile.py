"""Developer sessions: `nox` runs tests, lint and typecheck.

`nox -s schemas` regenerates schemas and rule pages, `nox -s snapshots` the pinned outputs,
`nox -s new-rule -- PC3xx name family` starts a rule, `nox -s deadcode` looks for unused code.
"""

from __future__ import annotations

import os
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


# The tests that compare whole outputs with the files under tests/snapshots/.
SNAPSHOT_TESTS = ["tests/outputs/test_baoji_snapshots.py", "tests/rules/test_rule_examples.py"]


@nox.session(python=PYTHON)
def snapshots(session: nox.Session) -> None:
    """Rewrite tests/snapshots/ from the current output; review the diff before committing."""
    session.install("-e", ".[test]")
    session.run("pytest", "-q", "--snapshot-update", *SNAPSHOT_TESTS, *session.posargs)


@nox.session(name="new-rule", python=PYTHON)
def new_rule(session: nox.Session) -> None:
    """Start a rule: `nox -s new-rule -- PC308 name family [--given projects]`."""
    session.install("-e", ".", "ruff>=0.6")
    session.run("python", "tools/new_rule.py", *session.posargs)


@nox.session(python=PYTHON)
def deadcode(session: nox.Session) -> None:
    """Code nothing uses (vulture at 80% confidence; lower levels are mostly registered checks)."""
    session.install("vulture>=2.10")
    session.run("vulture", "src", "--min-confidence", "80")


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


# The clients users actually run on plancheck's output, and the tests that drive them.
# The pre-commit tests (real commits, the README's configurations) run in the main suite,
# which installs pre-commit; here run the tests that need the clients it does not have.
CLIENT_TESTS = ["tests/clients"]
SARIF_MULTITOOL = "@microsoft/sarif-multitool@5.7.0"


@nox.session(python=PYTHON)
def clients(session: nox.Session) -> None:
    """Each format through its real client: SARIF Multitool (npm), pre-commit with real
    commits, check-jsonschema, junitparser and XSD validation (lxml)."""
    session.install(
        "-e", ".[test]", "pre-commit>=4", "check-jsonschema>=0.29", "junitparser>=3", "lxml>=5"
    )
    node = Path(session.virtualenv.location) / "node"
    session.run(
        "npm", "install", "--no-save", "--prefix", str(node), SARIF_MULTITOOL, external=True
    )
    tools = node / "node_modules" / ".bin"
    session.env["PATH"] = os.pathsep.join([str(tools), os.environ.get("PATH", "")])
    # A client that is missing fails the run here instead of skipping its tests.
    session.env["PLANCHECK_REQUIRE_CLIENTS"] = "1"
    session.run("pytest", "-q", *CLIENT_TESTS, *session.posargs)


@nox.session(python=PYTHON)
def schemas(session: nox.Session) -> None:
    """Regenerate the checked-in schemas, rule pages and compact rule catalogue."""
    session.install("-e", ".")
    with Path("schemas/plan.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", stdout=out)
    with Path("schemas/part.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", "--part", stdout=out)
    session.run(
        "python",
        "-c",
        "from pathlib import Path; from plancheck.outputs.json_schema import findings_schema_text;"
        " Path('schemas/findings.schema.json').write_text(findings_schema_text(), 'utf-8')",
    )
    with Path("schemas/diff.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", "--diff", stdout=out)
    with Path("schemas/progress.schema.json").open("w", encoding="utf-8") as out:
        session.run("plancheck", "schema", "--progress", stdout=out)
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
