"""Each plan is checked with the configuration nearest to it, found by walking up from
the plan's folder; run settings (fail_on, lang) come from the working directory's."""

from __future__ import annotations

import json
from contextlib import chdir, redirect_stdout
from io import StringIO
from pathlib import Path

from plancheck.cli import main
from tests.conftest import MINIMAL_PLAN

OUT_OF_PERIOD = "projects:\n  - {id: a, name: 甲工程, years: 2019-2022, funding: 100}\n"


def _json(cwd: Path, *args: str) -> dict[str, object]:
    out = StringIO()
    with chdir(cwd), redirect_stdout(out):
        main(["check", "--format", "json", *args])
    document: dict[str, object] = json.loads(out.getvalue())
    return document


def _tree(tmp_path: Path) -> Path:
    for office in ("north", "south"):
        folder = tmp_path / "plans" / office
        folder.mkdir(parents=True)
        (folder / "plan.yaml").write_text(MINIMAL_PLAN + OUT_OF_PERIOD, encoding="utf-8")
    (tmp_path / "plans" / "south" / ".plancheck.yaml").write_text(
        "ignore: [PC101]\n", encoding="utf-8"
    )
    (tmp_path / ".plancheck.yaml").write_text("lang: zh\n", encoding="utf-8")
    return tmp_path


def _rules_by_plan(document: dict[str, object]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in document["findings"]:  # type: ignore[attr-defined]
        found.setdefault(finding["plan"], set()).add(finding["rule"])
    return found


def test_nearest_configuration_applies_to_each_plan(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    document = _json(root, "plans")
    by_plan = _rules_by_plan(document)
    assert "PC101" in by_plan["plans/north/plan.yaml"]
    assert "PC101" not in by_plan.get("plans/south/plan.yaml", set())
    assert document["lang"] == "zh"  # the run's own setting, from the working directory


def test_the_same_from_any_working_directory(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    inside = _rules_by_plan(_json(root / "plans" / "south", "."))
    assert all("PC101" not in rules for rules in inside.values())


def test_explicit_config_applies_to_every_plan(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "strict.yaml").write_text("select: [PC101]\n", encoding="utf-8")
    by_plan = _rules_by_plan(_json(root, "--config", "strict.yaml", "plans"))
    assert by_plan == {"plans/north/plan.yaml": {"PC101"}, "plans/south/plan.yaml": {"PC101"}}
