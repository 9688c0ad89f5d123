"""The YAML subset plan files are read with: what is refused and what stays a string."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck._reader.parse import MAX_DEPTH
from plancheck.loading import load_plan
from tests.loading._plans import HEAD, load_ok, only_diagnostic, write

# --- anchors and aliases ------------------------------------------------------------------


def test_alias_is_refused_at_the_alias(tmp_path: Path) -> None:
    text = HEAD + "revision: 甲\ncurrency: *rev\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (7, 11)
    assert "alias" in diagnostic.message


def test_anchor_is_refused_even_when_unused(tmp_path: Path) -> None:
    text = HEAD + "revision: &rev 甲\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (6, 11)
    assert "anchor" in diagnostic.message


def test_anchor_and_merge_key_are_refused(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
projects:
  - &base {id: p1, name: 甲}
  - <<: *base
    id: p2
"""
    )
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (7, 5)


# --- tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object:os.system {}",
        "!!python/object/apply:os.system [echo]",
        "!!python/name:os.system ''",
        "!!timestamp 2020-01-01",
        "!!binary aGk=",
        "!!set {a}",
        "!!omap [a: 1]",
        "!custom 甲",
        "!<tag:example.com,2000:x> 甲",
    ],
)
def test_non_core_tags_are_refused(tmp_path: Path, tagged: str) -> None:
    text = HEAD + f"revision: {tagged}\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (6, 11)
    assert "tag" in diagnostic.message


def test_str_tag_keeps_a_number_as_a_string(tmp_path: Path) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", HEAD + "revision: !!str 5\n")).plan
    assert plan is not None
    assert plan.revision == "5"


def test_core_tags_are_allowed(tmp_path: Path) -> None:
    text = HEAD + "base_year: !!int 2020\ncurrency: !!str 万元\nprojects: !!seq []\n"
    plan = load_ok(write(tmp_path / "plan.yaml", text)).plan
    assert plan is not None
    assert (plan.base_year, plan.currency, plan.projects) == (2020, "万元", [])


def test_core_tag_that_does_not_fit_its_value_is_refused(tmp_path: Path) -> None:
    text = HEAD + "base_year: !!int 二〇二〇\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (6, 12)


# --- YAML 1.2 scalars: booleans, dates, numbers --------------------------------------------


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO"])
def test_yaml_1_1_booleans_stay_strings(tmp_path: Path, word: str) -> None:
    plan = load_ok(write(tmp_path / "plan.yaml", HEAD + f"revision: {word}\n")).plan
    assert plan is not None
    assert plan.revision == word


def test_yaml_1_1_boolean_word_is_not_accepted_as_a_boolean(tmp_path: Path) -> None:
    # `yes` stays the string "yes", so a boolean field must refuse it as the schema does.
    text = (
        HEAD
        + """\
indicators:
  - id: i
    name: 指标
    baseline: {year: 2020, estimated: yes}
"""
    )
    result = load_plan(write(tmp_path / "plan.yaml", text))
    if result.plan is not None:
        # The bad cell is set aside (reported below), never read as a boolean.
        baseline = result.plan.indicators[0].baseline
        assert baseline is not None
        assert baseline.estimated is False
        assert result.plan.unreadable(baseline, "estimated") is not None
    diagnostic = only_diagnostic(result)
    assert diagnostic.code == "PC002"
    assert (diagnostic.line, diagnostic.column) == (9, 28)


def test_true_and_false_are_booleans(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
indicators:
  - id: i
    name: 指标
    baseline: {year: 2020, estimated: true}
"""
    )
    plan = load_ok(write(tmp_path / "plan.yaml", text)).plan
    assert plan is not None
    assert plan.indicators[0].baseline is not None
    assert plan.indicators[0].baseline.estimated is True


def test_dates_stay_strings(tmp_path: Path) -> None:
    text = (
        HEAD
        + """\
revision: 2012-03-01
claims:
  - id: c1
    quote: 2020-01-01
    value: 3
    source: {line: 4, quote: 2020-01-01}
"""
    )
    plan = load_ok(write(tmp_path / "plan.yaml", text)).plan
    assert plan is not None
    assert plan.revision == "2012-03-01"
    claim = plan.claims[0]
    assert claim.quote == "2020-01-01"
    assert claim.source is not None
    assert claim.source.quote == "2020-01-01"


def test_keys_are_kept_as_written(tmp_path: Path) -> None:
    # `2025:` would be the number 2025 in YAML; as a key it is the text "2025", an unknown key.
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", HEAD + "2025: 目标\n")))
    assert diagnostic.code == "PC002"
    assert diagnostic.pointer == "/2025"
    assert (diagnostic.line, diagnostic.column) == (6, 1)


# --- documents, nesting, huge numbers ---------------------------------------------------


def test_more_than_one_document_is_refused(tmp_path: Path) -> None:
    text = HEAD + "---\nplancheck: 1\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (6, 1)


def test_one_explicit_document_is_allowed(tmp_path: Path) -> None:
    load_ok(write(tmp_path / "plan.yaml", "---\n" + HEAD + "...\n"))


def _nested(levels: int) -> str:
    """``x:`` holding ``levels`` nested flow sequences (the root mapping is one more level)."""
    return HEAD + "x: " + "[" * levels + "]" * levels + "\n"


def test_nesting_of_exactly_the_limit_is_parsed(tmp_path: Path) -> None:
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", _nested(MAX_DEPTH - 1))))
    # Parsed; refused only by the schema, because `x` is not a plan key.
    assert diagnostic.code == "PC002"
    assert diagnostic.pointer == "/x"


def test_nesting_deeper_than_64_is_refused(tmp_path: Path) -> None:
    assert MAX_DEPTH == 64
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", _nested(MAX_DEPTH))))
    assert diagnostic.code == "PC001"
    # The 65th container (64th bracket) opens at column 3 + 64.
    assert (diagnostic.line, diagnostic.column) == (6, 67)
    assert "64" in diagnostic.message


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    body = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(70))
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", HEAD + body)))
    assert diagnostic.code == "PC001"
    assert diagnostic.line == 6 + 64


@pytest.mark.parametrize("digits", [1000, 200_000])
def test_number_with_too_many_digits_is_pc001(tmp_path: Path, digits: int) -> None:
    text = HEAD + "base_year: " + "9" * digits + "\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (6, 12)
    assert "too long" in diagnostic.message


def test_float_with_too_many_digits_is_pc001(tmp_path: Path) -> None:
    text = HEAD + "projects:\n  - {id: p1, name: 甲, funding: 0." + "1" * 1000 + "}\n"
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC001"
    assert (diagnostic.line, diagnostic.column) == (7, 32)


def test_quoted_long_number_is_a_quantity_error_not_a_crash(tmp_path: Path) -> None:
    text = HEAD + 'projects:\n  - {id: p1, name: 甲, funding: "' + "9" * 1000 + '"}\n'
    diagnostic = only_diagnostic(load_plan(write(tmp_path / "plan.yaml", text)))
    assert diagnostic.code == "PC004"
    assert (diagnostic.line, diagnostic.column) == (7, 23)
