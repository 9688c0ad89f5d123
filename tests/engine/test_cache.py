"""The result cache: reused only while nothing changed, and never changing the output."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from plancheck import Checker, Config, Finding, Severity, SourcePosition, Subject, YamlLocation
from plancheck import _cache_dir as cache_dir
from plancheck.cli import _replay as replay_module
from plancheck.cli import main
from plancheck.engine import batch as batch_module
from plancheck.engine import cache as cache_module
from plancheck.engine._codec import decode_report, encode_report
from plancheck.engine.cache import ResultCache, run_key
from plancheck.records import PlanReport
from tests.conftest import CORPUS

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "baoji"
    shutil.copytree(CORPUS, folder)
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def _refuse_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(checker: Checker, target: object, *args: object) -> PlanReport:
        raise AssertionError(f"checked {target} although its cached result is valid")

    # What the command line's batch checks each plan with (Checker.check_path is the API's).
    monkeypatch.setattr(batch_module, "_check_one", refuse)
    monkeypatch.setattr(Checker, "check_path", refuse)


def test_codec_round_trips_every_field() -> None:
    everything = Finding(
        rule="PC101",
        name="name",
        severity=Severity.WARNING,
        message_zh="中文",
        message_en="English",
        subject=Subject("projects/a", "project", "a", "甲"),
        location=YamlLocation("p.yaml", 3, 5, "/projects/0"),
        source=SourcePosition("source.txt", 7, 2),
        evidence=(("a", "b"), ("c", "d")),
        hint_zh="提示",
        hint_en="hint",
        plan="p.yaml",
        plan_id="fixture",
        entity=YamlLocation("p.yaml", 2, 3, "/projects/0"),
    )
    unset = [f.name for f in dataclasses.fields(everything) if getattr(everything, f.name) is None]
    assert unset == [], "give every field a value so that the round trip covers it"
    report = Checker().check_path(CORPUS)
    report.findings.append(everything)
    text = json.dumps(encode_report(report), ensure_ascii=False)
    assert decode_report(json.loads(text)) == report


@pytest.mark.parametrize("output_format", FORMATS)
def test_warm_output_is_byte_identical_and_not_rechecked(
    output_format: str,
    plan_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uncached = _run(capsys, str(plan_dir), "--format", output_format, "--no-cache")
    cold = _run(capsys, str(plan_dir), "--format", output_format)
    _refuse_checking(monkeypatch)
    # The per-plan cache, not the replay of the whole unchanged run (tests/cli/test_replay.py).
    monkeypatch.setattr(replay_module, "replay", lambda key: None)
    warm = _run(capsys, str(plan_dir), "--format", output_format)
    assert uncached == cold == warm


def test_no_cache_writes_nothing(
    plan_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = plan_dir.parent / "cache"
    monkeypatch.setenv(cache_dir.CACHE_ENV, str(folder))
    _run(capsys, str(plan_dir), "--no-cache")
    assert not folder.exists()
    _run(capsys, str(plan_dir))
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def _stored(plan: Path, checker: Checker | None = None) -> ResultCache:
    checker = checker or Checker()
    cache = ResultCache(cache_dir.default_cache_dir(), run_key(checker))
    cache.put(plan, checker.check_path(plan))
    assert cache.get(plan) is not None
    return cache


def test_an_edited_plan_file_invalidates(plan_dir: Path) -> None:
    cache = _stored(plan_dir)
    part = plan_dir / "projects.yaml"
    part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.get(plan_dir) is None


def test_an_edited_source_document_invalidates(plan_dir: Path) -> None:
    cache = _stored(plan_dir)
    source = plan_dir / "source.txt"
    source.write_bytes(source.read_bytes() + b"\n")
    assert cache.get(plan_dir) is None


def test_only_what_checking_reads_matters(plan_dir: Path) -> None:
    cache = _stored(plan_dir)
    (plan_dir / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    assert cache.get(plan_dir) is not None
    (plan_dir / "plan.yaml").write_text("plancheck: 1\n", encoding="utf-8")
    assert cache.get(plan_dir) is None


def test_a_file_too_large_to_read_is_recorded_by_size(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    with path.open("wb") as handle:
        handle.truncate(50_000)
    checker = Checker(Config(max_file_bytes=10_000))
    cache = ResultCache(cache_dir.default_cache_dir(), run_key(checker), max_bytes=10_000)
    cache.put(path, checker.check_path(path))
    assert cache.get(path) is not None
    with path.open("r+b") as handle:
        handle.truncate(60_000)
    assert cache.get(path) is None


def test_a_single_file_plan_is_keyed_by_its_content(write_plan) -> None:  # type: ignore[no-untyped-def]
    plan = write_plan(name="one.yaml")
    cache = _stored(plan)
    plan.write_text(plan.read_text(encoding="utf-8").replace("示例市", "另一市"), "utf-8")
    assert cache.get(plan) is None


@pytest.mark.parametrize(
    "config",
    [
        Config(select=["PC1"]),
        Config(ignore=["PC101"]),
        Config(severity={"PC101": Severity.INFO}),
        Config(params={"PC303": {"allow_over_100": ["x"]}}),
        Config(lang="zh"),
        Config(fail_on=Severity.WARNING),
        Config(max_file_bytes=10_000_000),
        Config(max_values=1000),
        Config(waivers="reviewed.yaml"),
    ],
)
def test_rules_and_configuration_are_in_the_key(config: Config) -> None:
    assert run_key(Checker(config)) != run_key(Checker())
    assert run_key(Checker(config)) == run_key(Checker(config))


def test_where_a_configuration_came_from_is_not_in_the_key() -> None:
    # What model_dump leaves out (the file's folder and name) stays out of the key, so
    # the same settings found in another file reuse the results.
    placed = Config(select=["PC1"], base_dir=Path("elsewhere"), origin="elsewhere/x.yaml")
    assert run_key(Checker(placed)) == run_key(Checker(Config(select=["PC1"])))
    assert run_key(Checker(Config())) == run_key(Checker())


def test_the_plancheck_version_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = run_key(Checker())
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    assert run_key(Checker()) != before


def test_plancheck_code_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = run_key(Checker())
    real = cache_module._code_stamp
    monkeypatch.setattr(cache_module, "_code_stamp", lambda m: [*real(m), ["edited.py", 1, 2]])
    assert run_key(Checker()) != before


def test_a_different_key_misses(plan_dir: Path) -> None:
    _stored(plan_dir)
    other = ResultCache(cache_dir.default_cache_dir(), run_key(Checker(Config(lang="zh"))))
    assert other.get(plan_dir) is None


def test_a_damaged_entry_is_a_miss_not_an_error(
    plan_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _run(capsys, str(plan_dir), "--no-cache")
    _run(capsys, str(plan_dir))
    for entry in cache_dir.default_cache_dir().rglob("*.json"):
        entry.write_text('{"key": ', encoding="utf-8")
    assert _run(capsys, str(plan_dir)) == expected


def test_an_unwritable_cache_is_no_cache(
    plan_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache_dir.CACHE_ENV, str(blocker / "cache"))
    expected = _run(capsys, str(plan_dir), "--no-cache")
    assert _run(capsys, str(plan_dir)) == expected


def test_a_missing_part_that_appears_invalidates(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL_PLAN

    plan = tmp_path / "main.yaml"
    plan.write_text(MINIMAL_PLAN + "parts: [more/projects.yaml]\n", encoding="utf-8")
    cache = _stored(plan)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "projects.yaml").write_text("projects: []\n", encoding="utf-8")
    assert cache.get(plan) is None
