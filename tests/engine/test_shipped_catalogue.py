"""The compact pre-validated catalogue: current, equal to parsing, and never trusted stale."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from plancheck import RuleFileError
from plancheck._resources import rules_dir
from plancheck.engine import catalogue
from plancheck.engine._shipped import COMPACT_FILE, current_text, shipped_rules
from plancheck.engine.registry import builtin_registry


def test_checked_in_compact_catalogue_is_current() -> None:
    assert COMPACT_FILE.read_text(encoding="utf-8") == current_text(), (
        "src/plancheck/engine/shipped_rules.json is stale: run `nox -s schemas`"
    )


def test_compact_catalogue_equals_parsing_the_rule_files() -> None:
    registry = builtin_registry()
    compact = catalogue.load_catalogue(registry)
    parsed = catalogue.load_catalogue(registry, compact=False)
    assert compact == parsed
    assert len(compact.rules) == len(list(rules_dir().glob("*.yaml")))


def test_every_shipped_rule_comes_from_the_compact_form() -> None:
    paths = sorted(rules_dir().glob("*.yaml"))
    found = shipped_rules(paths, builtin_registry())
    assert found is not None and sorted(found) == paths


def _copied_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    monkeypatch.setattr(catalogue, "rules_dir", lambda: folder)
    return folder


def test_an_edited_rule_file_is_parsed_not_taken_from_the_compact_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copied_rules(tmp_path, monkeypatch)
    path = folder / "PC101.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nrationale:", "\nrationale: Edited. ", 1), encoding="utf-8")
    found = shipped_rules(sorted(folder.glob("*.yaml")), builtin_registry())
    assert found is not None and path not in found and len(found) == len(list(folder.glob("*"))) - 1
    rule = catalogue.load_catalogue(builtin_registry()).rules["PC101"]
    assert rule.rationale.startswith("Edited. ")


def test_an_edited_rule_file_is_still_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The compact form skips parameter validation only for the files it was made from.
    folder = _copied_rules(tmp_path, monkeypatch)
    path = folder / "PC303.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\n  allow_over_100: []\n" in text
    path.write_text(text.replace("allow_over_100: []", "allow_over_100: 7", 1), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"PC303\.yaml: PC303 .*allow_over_100"):
        catalogue.load_catalogue(builtin_registry())


def test_rule_files_are_looked_for_where_importlib_resources_puts_the_package() -> None:
    # rules_dir() finds the package beside its own module, without importlib.resources.
    from importlib.resources import files

    import plancheck._resources

    assert Path(str(files("plancheck"))) == Path(plancheck._resources.__file__).parent
    assert (rules_dir() / "PC101.yaml").is_file()


def test_a_changed_parameter_model_means_the_rule_files_are_validated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The compact form was validated against each check's parameter model as it was;
    a model defined elsewhere now (an edited check module) takes its rules out of it."""
    registry = builtin_registry()
    paths = sorted(rules_dir().glob("*.yaml"))
    pc303 = rules_dir() / "PC303.yaml"
    check = catalogue.read_rule_data(pc303)["check"]
    spec = registry.get(check)
    assert spec is not None

    class Edited(spec.params):  # type: ignore[name-defined,misc]
        pass

    monkeypatch.setitem(registry._checks, check, dataclasses.replace(spec, params=Edited))
    found = shipped_rules(paths, registry)
    assert found is not None
    using = {path for path in paths if catalogue.read_rule_data(path).get("check") == check}
    assert pc303 in using
    assert not using & set(found)
    assert len(found) == len(paths) - len(using)
