"""Start a new rule: its rule file, its check function and its pass/fail fixtures.

    python tools/new_rule.py PC308 target-without-year targets --given indicators
    nox -s new-rule -- PC308 target-without-year targets --given indicators

Writes ``rules/PC308.yaml``, a check function in ``src/plancheck/checks/<family>.py``
(a new module, imported by ``plancheck.checks``, if the family has none yet) and
``tests/rules/cases/PC308.yaml``. Nothing existing is overwritten. The generated files
load and run, but nothing in them is finished: the check raises NotImplementedError, so
the rule's own cases fail with that message, and every text the author must write is
marked ``SCAFFOLD``, which a meta-test refuses. CONTRIBUTING.md ("Adding a rule") says
what to write; then regenerate the docs (``plancheck rules --format markdown
--output-dir docs/rules``) and the snapshots (``nox -s snapshots``).
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "SCAFFOLD"


@dataclass(frozen=True)
class Given:
    """What a check given these entities receives, and a minimal entity for the fixtures."""

    type_name: str
    variable: str
    good: str  # plan YAML with one entity that should pass
    bad: str  # plan YAML with one entity that should fail
    key: str  # the subject key of the failing entity


GIVEN = {
    "projects": Given(
        "Project",
        "project",
        "projects:\n  - {id: fibre, name: 光纤入户工程, years: 2021-2023, funding: 1200}\n",
        "projects:\n  - {id: metro, name: 城域网扩容工程, years: 2021-2023, funding: 800}\n",
        "projects/metro",
    ),
    "indicators": Given(
        "Indicator",
        "indicator",
        "indicators:\n  - {id: broadband, name: 宽带用户数, unit: 万户, type: expected}\n",
        "indicators:\n  - {id: coverage, name: 光纤覆盖率, unit: '%', type: expected}\n",
        "indicators/coverage",
    ),
    "agencies": Given(
        "Agency",
        "agency",
        "agencies:\n  - {id: miit, name: 示例市工业和信息化局, kind: government}\n",
        "agencies:\n  - {id: telecom, name: 示例电信, kind: enterprise}\n",
        "agencies/telecom",
    ),
    "claims": Given(
        "Claim",
        "claim",
        "claims:\n  - {id: users, kind: target, quote: 宽带用户数超过60万户, value: 60万户}\n",
        "claims:\n  - {id: villages, kind: target, quote: 100%行政村通宽带, value: 100%}\n",
        "claims/villages",
    ),
    "boxes": Given(
        "Box",
        "box",
        "boxes:\n  - {number: 1, title: 信息基础设施重点工程, kind: projects}\n",
        "boxes:\n  - {number: 1, title: 两化融合重点工程, kind: projects}\n",
        "boxes/1",
    ),
    "sections": Given(
        "Section",
        "section",
        "sections:\n  - {number: 一、, title: 发展目标}\n",
        "sections:\n  - {number: 一、, title: 主要任务}\n",
        "sections/1",
    ),
    "plan": Given(
        "Plan",
        "plan",
        "projects:\n  - {id: fibre, name: 光纤入户工程, years: 2021-2023, funding: 1200}\n",
        "projects:\n  - {id: metro, name: 城域网扩容工程, years: 2021-2023, funding: 800}\n",
        "plan",
    ),
}

CODE = re.compile(r"^PC[0-9]{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
FAMILY = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    pass


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def rule_file(code: str, name: str, family: str, given: str) -> str:
    sample = GIVEN[given]
    return f"""\
code: {code}
name: {name}
family: {family}
severity: warning
title:
  zh: "{MARK}: 中文标题（被检查的问题，名词短语）"
  en: "{MARK}: English title (the problem flagged, a noun phrase)"
message:
  zh: "{MARK}: “{{name}}”……（中文消息；占位符来自 Fail 的 args）"
  en: "{MARK}: “{{name}}” … (English message; placeholders come from Fail's args)"
hint:
  zh: "{MARK}: 如何修正（中文）"
  en: "{MARK}: how to fix it (English)"
description: >-
  {MARK}: what the rule checks, precisely, in English: which entities, what counts as a
  failure, what is not applicable and why.
rationale: >-
  {MARK}: why it matters for a plan, with an example from a real plan if there is one.
given: {given}
check: {name}
examples:
  pass:
    - title: "{MARK}: a {sample.variable} that satisfies the rule"
      plan: |
{_indent(sample.good, 8)}  fail:
    - title: "{MARK}: a {sample.variable} that breaks the rule"
      plan: |
{_indent(sample.bad, 8)}      findings:
        - key: {sample.key}
"""


def fixture_file(code: str, given: str) -> str:
    sample = GIVEN[given]
    return f"""\
# Fixture cases of {code} beyond its documented examples: edge cases, each variant,
# what is not applicable. tests/rules/test_rule_examples.py runs every one.
pass:
  - title: "{MARK}: an edge case that must pass"
    plan: |
{_indent(sample.good, 6)}fail:
  - title: "{MARK}: an edge case that must fail"
    plan: |
{_indent(sample.bad, 6)}    findings:
      - key: {sample.key}
        severity: warning
"""


def check_function(code: str, name: str, given: str) -> str:
    sample = GIVEN[given]
    function = name.replace("-", "_")
    return f'''

# -- {code} -------------------------------------------------------------------------


@check("{name}", given="{given}")
def {function}(
    {sample.variable}: {sample.type_name}, index: PlanIndex, params: NoParams
) -> Iterator[Result]:
    """{MARK}: one line saying what {code} requires."""
    raise NotImplementedError("{code}: {MARK}: write this check (CONTRIBUTING.md)")
'''


def new_module(code: str, name: str, family: str, given: str) -> str:
    sample = GIVEN[given]
    return f'''"""{MARK}: what the {family} checks look at.

* {code} {MARK}: what {name} reports.
"""

from __future__ import annotations

from collections.abc import Iterator

from plancheck.engine.index import PlanIndex
from plancheck.engine.outcome import Result
from plancheck.engine.params import NoParams
from plancheck.engine.registry import check
from plancheck.model import {sample.type_name}
''' + check_function(code, name, given)


def _add_to_docstring(source: str, line: str) -> str:
    """Add ``line`` at the end of the module docstring (it lists the codes served)."""
    tree = ast.parse(source)
    first = tree.body[0] if tree.body else None
    if not (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.end_lineno is not None
    ):
        raise ScaffoldError("the family's module has no docstring to list the rule in")
    lines = source.splitlines(True)
    closing = first.end_lineno - 1
    if lines[closing].strip() != '"""':
        raise ScaffoldError("the family's module docstring does not end on a line of its own")
    lines.insert(closing, f"\n{line}\n")
    return "".join(lines)


def _ensure_import(source: str, name: str, module: str) -> str:
    """Import ``name`` from ``module`` in an existing check module unless it already is."""
    pattern = re.compile(
        rf"^from {re.escape(module)} import (?:\((?P<many>.*?)\)|(?P<one>[^\n]+)$)",
        re.MULTILINE | re.DOTALL,
    )
    found = pattern.search(source)
    if found:
        listed = found.group("many") or found.group("one") or ""
        names = {n.strip() for n in listed.split(",") if n.strip()}
        if name in names:
            return source
        joined = ", ".join(sorted(names | {name}, key=lambda n: (not n[0].isupper(), n)))
        return source[: found.start()] + f"from {module} import {joined}" + source[found.end() :]
    anchor = "\nfrom plancheck."
    at = source.index(anchor)
    return source[: at + 1] + f"from {module} import {name}\n" + source[at + 1 :]


def _register_module(init: Path, module: str) -> str:
    """``plancheck/checks/__init__.py`` with ``module`` imported (importing registers)."""
    source = init.read_text(encoding="utf-8")
    match = re.search(r"from plancheck\.checks import \((.*?)\)", source, re.DOTALL)
    if match is None:
        raise ScaffoldError(f"{init}: cannot find the import of the check modules")
    names = sorted({n.strip() for n in match.group(1).split(",") if n.strip()} | {module})
    body = "".join(f"    {n},\n" for n in names)
    source = source[: match.start(1)] + "\n" + body + source[match.end(1) :]
    listed = re.search(r"__all__ = \[(.*?)\]", source, re.DOTALL)
    if listed is None:
        raise ScaffoldError(f"{init}: cannot find __all__")
    # Names the package exports besides its modules (progress_table) stay listed.
    exported = set(re.findall(r'"([^"]+)"', listed.group(1))) | set(names)
    entries = "".join(f'    "{n}",\n' for n in sorted(exported))
    return source[: listed.start(1)] + "\n" + entries + source[listed.end(1) :]


def _taken_names(root: Path) -> set[str]:
    names = set()
    for path in (root / "rules").glob("*.yaml"):
        match = re.search(r"^name: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        if match:
            names.add(match.group(1))
    for path in (root / "src" / "plancheck" / "checks").glob("*.py"):
        names.update(re.findall(r'@check\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    return names


def scaffold(root: Path, code: str, name: str, family: str, given: str) -> list[Path]:
    """Write the three files (and the import of a new module); return what was written."""
    from plancheck._atomic import write_atomic

    if not CODE.match(code):
        raise ScaffoldError(f"rule code {code!r} is not PC followed by three digits")
    if not NAME.match(name):
        raise ScaffoldError(f"rule name {name!r} is not lower-case words joined by '-'")
    if not FAMILY.match(family):
        raise ScaffoldError(f"family {family!r} is not lower-case words joined by '-'")
    if given not in GIVEN:
        raise ScaffoldError(f"--given {given!r}: choose one of {', '.join(sorted(GIVEN))}")
    rule_path = root / "rules" / f"{code}.yaml"
    cases_path = root / "tests" / "rules" / "cases" / f"{code}.yaml"
    for path in (rule_path, cases_path):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} already exists")
    if name in _taken_names(root):
        raise ScaffoldError(f"the name {name!r} is already used by a rule or a check")
    checks = root / "src" / "plancheck" / "checks"
    module_name = family.replace("-", "_")
    module_path = checks / f"{module_name}.py"
    written = [rule_path, cases_path, module_path]
    if module_path.exists():
        source = module_path.read_text(encoding="utf-8")
        source = _add_to_docstring(source, f"* {code} {MARK}: what {name} reports.")
        for import_name, module in (
            ("Iterator", "collections.abc"),
            ("PlanIndex", "plancheck.engine.index"),
            ("Result", "plancheck.engine.outcome"),
            ("NoParams", "plancheck.engine.params"),
            ("check", "plancheck.engine.registry"),
            (GIVEN[given].type_name, "plancheck.model"),
        ):
            source = _ensure_import(source, import_name, module)
        module_text = source.rstrip("\n") + "\n" + check_function(code, name, given)
        init_text = None
    else:
        module_text = new_module(code, name, family, given)
        init_text = _register_module(checks / "__init__.py", module_name)
        written.append(checks / "__init__.py")
    write_atomic(rule_path, rule_file(code, name, family, given))
    write_atomic(cases_path, fixture_file(code, given))
    write_atomic(module_path, module_text)
    if init_text is not None:
        write_atomic(checks / "__init__.py", init_text)
    _tidy([path for path in written if path.suffix == ".py"])
    return written


def _tidy(paths: list[Path]) -> None:
    """Sort imports and format the Python written, as the lint session will demand."""
    for command in (["check", "--fix", "--select", "I", "--quiet"], ["format", "--quiet"]):
        try:
            subprocess.run(  # noqa: S603 - our own interpreter running ruff on our files
                [sys.executable, "-m", "ruff", *command, *map(str, paths)],
                check=True,
                capture_output=True,
            )
        except (OSError, subprocess.CalledProcessError):
            print("new_rule: ruff is not available; run `nox -s lint` before committing")
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("code", help="the new rule's code, e.g. PC308")
    parser.add_argument("name", help="what it flags, lower-case words joined by '-'")
    parser.add_argument("family", help="its family; the check goes in checks/<family>.py")
    parser.add_argument(
        "--given", default="projects", help=f"what it checks: {', '.join(sorted(GIVEN))}"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        written = scaffold(args.root, args.code, args.name, args.family, args.given)
    except ScaffoldError as exc:
        print(f"new_rule: error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(args.root)}")
    print(
        f"next: replace every {MARK} text and write the check; "
        f"`python -m pytest tests/rules -k {args.code}` fails until you have "
        "(see CONTRIBUTING.md, Adding a rule)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
