"""A catalogue of hostile and broken input, each run through the command line.

Every case ends one of two ways: exit code 1 with an input-family finding (PC00x)
at the right ``file:line``, or exit code 2 with exactly one line on stderr naming
the file and the problem. Never a traceback, never an internal error, and where
the input is built to exhaust memory or time, a child process with an
address-space limit (~1.5 GB) and a timeout: a timeout is a failure (a hang).

Line numbers are counted from ``HEAD`` (five lines, so a body starts on line 6).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from plancheck.loading import DEFAULT_MAX_BYTES, load_plan
from plancheck.quantities import parse_value
from tests.hardening._support import (
    BODY_LINE,
    HEAD,
    INPUT_RULES,
    Run,
    assert_one_error_line,
    cli,
    finding_at,
    plan_text,
    run_plancheck,
    write_plan,
)

Capsys = pytest.CaptureFixture[str]


def check_json(capsys: Capsys, *args: str) -> Run:
    return cli(capsys, "check", *args, "--format", "json")


def load_only(capsys: Capsys, *args: str) -> Run:
    """Only the input-family rules, so new domain rules cannot change the outcome."""
    return check_json(capsys, *args, "--select", INPUT_RULES)


# -- empty, binary and badly encoded files ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "# only a comment\n", "---\n", "~\n", "[]\n", "just a string\n"],
    ids=["empty", "newlines", "comment", "document-start", "null", "list", "string"],
)
def test_empty_or_non_mapping_file_is_pc002_not_a_plan(
    here: Path, capsys: Capsys, text: str
) -> None:
    (here / "x.yaml").write_text(text, encoding="utf-8")
    run = check_json(capsys, "x.yaml")
    finding_at(run, "PC002", "x.yaml", 1, text="not a plan file")


def test_binary_file_is_pc001_at_the_first_nul(here: Path, capsys: Capsys) -> None:
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    (here / "image.yaml").write_bytes(raw)
    run = check_json(capsys, "image.yaml")
    finding_at(run, "PC001", "image.yaml", 3, text="binary file")


def test_nul_byte_inside_a_plan_is_pc001_at_its_line(here: Path, capsys: Capsys) -> None:
    (here / "plan.yaml").write_bytes(plan_text("projects:\n  - {id: a\x00}\n").encode())
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE + 1, text="binary file")


def test_invalid_utf8_is_pc001_at_its_line(here: Path, capsys: Capsys) -> None:
    (here / "plan.yaml").write_bytes(HEAD.encode() + b"revision: abc\xff\n")
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, column=14, text="invalid UTF-8")


def test_invalid_utf8_column_counts_characters_not_bytes(here: Path, capsys: Capsys) -> None:
    # Every other position counts characters (tests/loading/test_positions.py); the
    # bytes before the bad one decode fine, so the column can count characters too.
    (here / "plan.yaml").write_bytes(HEAD.encode() + "revision: 规划".encode() + b"\xff\n")
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, column=13, text="invalid UTF-8")


def test_utf8_with_bom_loads_fine(here: Path, capsys: Capsys) -> None:
    (here / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + HEAD.encode())
    run = load_only(capsys, "plan.yaml")
    assert run.code == 0, run.out
    assert run.findings() == []


def test_utf8_bom_does_not_shift_positions(here: Path, capsys: Capsys) -> None:
    body = "projects:\n  - {id: a, name: 甲, fundng: 1}\n"
    (here / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + plan_text(body).encode())
    run = load_only(capsys, "plan.yaml")
    finding_at(run, "PC002", "plan.yaml", BODY_LINE + 1, column=22, text="unknown key")


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-16", b""), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("utf-32", b"")],
)
def test_utf16_and_utf32_are_pc001(
    here: Path, capsys: Capsys, encoding: str, prefix: bytes
) -> None:
    (here / "plan.yaml").write_bytes(prefix + HEAD.encode(encoding))
    run = check_json(capsys, "plan.yaml")
    finding = finding_at(run, "PC001", "plan.yaml", 1)
    assert "UTF-16" in finding["message_en"] or "binary" in finding["message_en"]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("projects:\n\t- {id: a, name: 甲}\n", BODY_LINE + 1),
        ("projects:\n  - id: a\n\tname: 甲\n", BODY_LINE + 2),
        (
            "sections:\n  - number: 一、\n    title: 总体\n    sections:\n\t\t- {number: （一）}\n",
            10,
        ),
    ],
    ids=["sequence", "mapping", "nested"],
)
def test_tab_indentation_is_pc001_at_its_line(
    here: Path, capsys: Capsys, body: str, line: int
) -> None:
    write_plan(here, body)
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", line, column=1)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_unicode_line_separators_in_values_do_not_shift_positions(
    here: Path, capsys: Capsys, separator: str
) -> None:
    # Text pasted from PDFs and word processors carries U+2028 and friends. YAML counts
    # them as line breaks; editors, GitHub annotations and SARIF viewers do not, so a
    # finding below one must still name the line the file shows (counted by "\n").
    write_plan(
        here,
        f'revision: "第一段{separator}第二段"\nprojects:\n  - {{id: a, name: 甲, fundng: 1}}\n',
    )
    run = load_only(capsys, "plan.yaml")
    finding_at(run, "PC002", "plan.yaml", BODY_LINE + 2, column=22, text="unknown key")


@pytest.mark.parametrize("end", ["[1, 2", "{id: a", '"open'], ids=["sequence", "mapping", "quote"])
def test_syntax_error_at_the_end_of_the_file_is_placed_inside_it(
    here: Path, capsys: Capsys, end: str
) -> None:
    # No final newline: the file's last line is line 7, and there is no line 8.
    write_plan(here, f"projects:\n  - {end}")
    run = check_json(capsys, "plan.yaml")
    (finding,) = run.findings()
    assert finding["rule"] == "PC001"
    assert finding["line"] <= BODY_LINE + 1, finding


def test_control_character_is_pc001_at_its_line(here: Path, capsys: Capsys) -> None:
    write_plan(here, "revision: a\x1b[31mb\n")
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, column=12)


# Characters that make a terminal do something: CSI/OSC escapes, the C1 CSI,
# bell, carriage return (overwrites the line), and a bidi override (Trojan Source).
_TERMINAL_CONTROLS = ("\x1b", "\x9b", "\x07", "\r", "\u202e")


@pytest.mark.parametrize(
    "body",
    [
        # In a message: YAML's double-quoted escapes put control characters in values.
        "projects:\n"
        '  - {id: a, name: "\\e[2J\\e]0;owned\\a\\r\\u202e\\x9b31m", years: 2021-2022}\n',
        # In the source snippet under a finding: the raw line is echoed.
        "revision: a\x1b]0;owned\x07\x1b[2J\n",
    ],
    ids=["message", "snippet"],
)
def test_text_output_does_not_echo_terminal_control_sequences(
    here: Path, capsys: Capsys, body: str
) -> None:
    path = write_plan(here, body)
    run = cli(capsys, "check", str(path))  # text, no colour (not a terminal)
    assert run.code == 1
    for control in _TERMINAL_CONTROLS:
        assert control not in run.out, (control, run.out)


def test_text_output_shows_the_file_as_it_is_now(here: Path, capsys: Capsys) -> None:
    # The snippet under a finding must come from the file as checked, not from an
    # earlier run in the same process (a library caller, a watch mode, these tests).
    write_plan(here, "projects:\n  - {id: a, name: 旧名称, fundng: 1}\n")
    assert "旧名称" in cli(capsys, "check", "plan.yaml", "--select", INPUT_RULES).out
    write_plan(here, "projects:\n  - {id: a, name: 新名称, fundng: 1}\n")
    out = cli(capsys, "check", "plan.yaml", "--select", INPUT_RULES).out
    assert "新名称" in out and "旧名称" not in out, out


# -- resource exhaustion ----------------------------------------------------------

BILLION_LAUGHS = """\
lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
lol5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
lol6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
lol7: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
lol8: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
lol9: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_billion_laughs_is_refused_at_the_first_anchor(tmp_path: Path) -> None:
    write_plan(tmp_path, BILLION_LAUGHS)
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, column=6, text="anchors are not allowed")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("x: *undefined\n", "aliases are not allowed"),
        ("x: &a {k: 1}\ny:\n  <<: *a\n", "anchors are not allowed"),
        ("x: !!str &a text\n", "anchors are not allowed"),
    ],
    ids=["alias-only", "merge-key", "anchor-on-scalar"],
)
def test_aliases_and_anchors_are_pc001(here: Path, capsys: Capsys, body: str, text: str) -> None:
    write_plan(here, body)
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, text=text)


DEPTH = 10_000


@pytest.mark.parametrize(
    "value",
    [
        "[" * DEPTH + "]" * DEPTH,
        "[" * DEPTH,  # never closed
        "{a: " * DEPTH + "1" + "}" * DEPTH,
        "\n  " + "- " * DEPTH + "1",  # compact block sequences, one line
    ],
    ids=["flow-sequences", "unclosed", "flow-mappings", "block-sequences"],
)
def test_ten_thousand_deep_nesting_is_pc001(tmp_path: Path, value: str) -> None:
    write_plan(tmp_path, f"x: {value}\n")
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    line = BODY_LINE + (1 if value.startswith("\n") else 0)
    finding_at(run, "PC001", "plan.yaml", line, text="nesting deeper than 64 levels")


def test_ten_thousand_deep_block_mappings_are_pc001(tmp_path: Path) -> None:
    # Block mappings need one more column of indentation per level: 10,000 levels
    # are ~50 MB, so the configured limit is raised to let the parser meet them.
    lines = "".join(" " * level + f"k{level}:\n" for level in range(DEPTH))
    (tmp_path / "plan.yaml").write_text(plan_text("x:\n" + lines), encoding="utf-8")
    (tmp_path / ".plancheck.yaml").write_text("max_file_bytes: 67108864\n", encoding="utf-8")
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    finding = next(f for f in run.findings() if f["rule"] == "PC001")
    assert "nesting deeper than 64 levels" in finding["message_en"]
    assert BODY_LINE < finding["line"] < BODY_LINE + 100


def _padded_plan(size: int) -> bytes:
    comment = b"#" + b"x" * 98 + b"\n"
    head = HEAD.encode()
    return head + comment * ((size - len(head)) // len(comment) + 1)


def test_fifty_megabyte_file_is_pc001_file_too_large(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(_padded_plan(50 * 1024 * 1024))
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    finding_at(run, "PC001", "plan.yaml", 1, text="file too large")


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_huge_sparse_file_is_refused_within_the_memory_limit(
    tmp_path: Path, output_format: str
) -> None:
    # 3 GB on paper, nothing on disk: the size check refuses it, and nothing
    # afterwards (such as the text format's source snippet) may read it whole.
    path = tmp_path / "plan.yaml"
    with path.open("wb") as handle:
        handle.write(HEAD.encode())
        handle.truncate(3 * 1024**3)
    run = run_plancheck("check", "plan.yaml", "--format", output_format, cwd=tmp_path)
    assert run.code == 1, run.err
    assert "PC001" in run.out and "file too large" in run.out


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_endless_character_device_is_bounded(tmp_path: Path, output_format: str) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    run = run_plancheck("check", "/dev/zero", "--format", output_format, cwd=tmp_path)
    assert run.code == 1, run.err
    assert "PC001" in run.out


def test_configured_max_file_bytes_applies(here: Path, capsys: Capsys) -> None:
    write_plan(here, "revision: " + "x" * 2000 + "\n")
    assert load_only(capsys, "plan.yaml").code == 0
    (here / ".plancheck.yaml").write_text("max_file_bytes: 1000\n", encoding="utf-8")
    run = load_only(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", 1, text="file too large")
    assert "limit 1000" in run.findings()[0]["message_en"]


def test_configured_max_file_bytes_applies_to_part_files(here: Path, capsys: Capsys) -> None:
    write_plan(here / "p", "parts: [big.yaml]\n")
    agencies = "".join(f"  - {{id: a{i}, name: 机构{i}}}\n" for i in range(60))
    (here / "p" / "big.yaml").write_text("agencies:\n" + agencies, encoding="utf-8")
    (here / ".plancheck.yaml").write_text("max_file_bytes: 1000\n", encoding="utf-8")
    run = load_only(capsys, "p")
    finding_at(run, "PC001", "p/big.yaml", 1, text="file too large")


def test_file_within_the_default_limit_is_checked_within_memory_and_time(tmp_path: Path) -> None:
    # Just under the default 20 MiB limit: ten million one-character values. The
    # size limit is only a defence if what fits under it costs bounded memory.
    count = (DEFAULT_MAX_BYTES - len(HEAD.encode()) - 1024) // 2
    path = tmp_path / "plan.yaml"
    path.write_bytes(plan_text("x: [" + "1," * (count - 1) + "1]\n").encode())
    assert path.stat().st_size <= DEFAULT_MAX_BYTES
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.err  # a finding (too many values, or x is not a plan key)
    assert "file too large" not in run.out
    assert run.rules() <= {"PC001", "PC002"}, run.rules()


# -- numbers ----------------------------------------------------------------------

FUNDED = "projects:\n  - {{id: a, name: 甲工程, years: 2021-2022, funding: {}}}\n"
FUNDING_COLUMN = 42


@pytest.mark.parametrize(
    ("funding", "rule", "text"),
    [
        ("1e308", "PC004", "cannot parse quantity"),
        ("1e309", "PC004", "not a finite number"),
        (".nan", "PC004", "not a finite number"),
        (".inf", "PC004", "not a finite number"),
        ("-.inf", "PC004", "not a finite number"),
        ('"NaN万元"', "PC004", "cannot parse quantity"),
        ("-5", "PC202", "negative"),
    ],
)
def test_extreme_funding_is_a_finding_at_its_line(
    here: Path, capsys: Capsys, funding: str, rule: str, text: str
) -> None:
    write_plan(here, FUNDED.format(funding))
    run = check_json(capsys, "plan.yaml")
    finding_at(run, rule, "plan.yaml", BODY_LINE + 1, text=text)
    assert "PC000" not in run.rules()


@pytest.mark.parametrize("digits", [28, 30, 50])
def test_long_amounts_are_summed_exactly(here: Path, capsys: Capsys, digits: int) -> None:
    # The quantity grammar accepts up to 50 digits; the total is exactly the sum.
    amount = "1" * digits
    write_plan(
        here,
        "projects:\n"
        f"  - {{id: a, name: 甲工程, years: 2021-2022, funding: '{amount}万元'}}\n"
        f"  - {{id: b, name: 乙工程, years: 2021-2022, funding: '{amount}万元'}}\n"
        f"totals:\n  - {{id: t, label: 合计, value: '{'2' * digits}万元', projects: all}}\n",
    )
    run = check_json(capsys, "plan.yaml")
    assert run.code in (0, 1)
    assert {"PC000", "PC004", "PC201"}.isdisjoint(run.rules()), run.findings()


DIGITS = "9" * 10_000


@pytest.mark.parametrize(
    ("body", "rule", "line"),
    [
        (f"revision: {DIGITS}\n", "PC001", BODY_LINE),
        (f"revision: -{DIGITS}\n", "PC001", BODY_LINE),
        (f"revision: 1.{DIGITS}e5\n", "PC001", BODY_LINE),
        (f"revision: 1e{DIGITS}\n", "PC001", BODY_LINE),
        (f"revision: 0x{DIGITS}\n", "PC001", BODY_LINE),
        (FUNDED.format(DIGITS), "PC001", BODY_LINE + 1),
        (FUNDED.format(f'"{DIGITS}万元"'), "PC004", BODY_LINE + 1),
        (f"base_year: {DIGITS}\n", "PC001", BODY_LINE),
    ],
    ids=["int", "negative", "float", "exponent", "hex", "funding", "quoted-funding", "year"],
)
def test_ten_thousand_digit_number_is_a_finding(
    here: Path, capsys: Capsys, body: str, rule: str, line: int
) -> None:
    write_plan(here, body)
    run = check_json(capsys, "plan.yaml")
    finding_at(run, rule, "plan.yaml", line)


# -- tags: nothing is ever constructed or executed --------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/object/new:os.system [touch {marker}]",
        '!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
        "!!python/name:os.system",
        "!!python/module:os",
        "!<tag:yaml.org,2002:python/object/apply:os.system> [touch {marker}]",
        '!!python/object:argparse.Namespace {{a: "touch {marker}"}}',
        "!custom {marker}",
        "!!binary aGVsbG8=",
        "!!timestamp 2021-01-01",
        "!!set {{a, b}}",
        "!!omap [a: 1]",
    ],
)
def test_object_tags_are_pc001_and_nothing_runs(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    write_plan(tmp_path, f"revision: {tagged.format(marker=marker)}\n")
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, column=11, text="tag not allowed")
    assert not marker.exists()


def test_tag_on_a_collection_is_pc001(here: Path, capsys: Capsys) -> None:
    write_plan(here, "projects: !!python/object:__main__.Evil\n  - {id: a, name: 甲}\n")
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, text="tag not allowed")


# -- YAML 1.1 leftovers -----------------------------------------------------------

YAML_11 = """\
agencies:
  - {id: a, name: yes, aliases: [no, on, off, y, n, Yes, NO]}
  - id: b
    name: 2021-01-01
    aliases:
      - 2021-01-01T10:00:00Z
      - 1:20
"""


def test_yaml_1_1_directive_keeps_1_2_scalars(here: Path, capsys: Capsys) -> None:
    (here / "plan.yaml").write_text("%YAML 1.1\n---\n" + plan_text(YAML_11), encoding="utf-8")
    assert load_only(capsys, "plan.yaml").code == 0
    plan = load_plan(here / "plan.yaml").plan
    assert plan is not None
    first, second = plan.agencies
    assert first.name == "yes"
    assert first.aliases == ["no", "on", "off", "y", "n", "Yes", "NO"]
    assert second.name == "2021-01-01"  # a date stays a string
    assert second.aliases == ["2021-01-01T10:00:00Z", "1:20"]  # no timestamp, no sexagesimal


def test_yes_is_not_a_boolean(here: Path, capsys: Capsys) -> None:
    write_plan(
        here, "counts:\n  - {id: c, phrase: 两大工程, count: 2, items: [甲, 乙], open_ended: yes}\n"
    )
    run = load_only(capsys, "plan.yaml")
    finding_at(run, "PC002", "plan.yaml", BODY_LINE + 1, text="open_ended")


def test_a_second_yaml_document_is_pc001(here: Path, capsys: Capsys) -> None:
    write_plan(here, "---\nplancheck: 1\n")
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", BODY_LINE, text="one YAML document")


# -- duplicate keys ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "first"),
    [
        ("title: 另一个标题\n", BODY_LINE, 3),
        ("projects:\n  - {id: a, name: 甲, funding: 1, funding: 2}\n", BODY_LINE + 1, 7),
        ("projects:\n  - id: a\n    name: 甲\n    id: b\n", BODY_LINE + 3, 7),
        ("jurisdiction: {name: 乙市, level: city}\n", BODY_LINE, 4),
    ],
    ids=["top-level", "flow", "block", "metadata"],
)
def test_duplicate_key_is_pc003_at_the_second_occurrence(
    here: Path, capsys: Capsys, body: str, line: int, first: int
) -> None:
    write_plan(here, body)
    run = check_json(capsys, "plan.yaml")
    finding = finding_at(run, "PC003", "plan.yaml", line, text="duplicate key")
    assert f"first at line {first}" in finding["message_en"]


# -- full-width characters and mixed scripts --------------------------------------

FULL_WIDTH = """\
indicators:
  - id: tv
    name: 电视普及率
    unit: 台/百户
    targets: [{year: ２０２５, value: "４５台/百户"}]
projects:
  - {id: a, name: 甲工程, years: ２０２１－２０２２, funding: "１，２００万元"}
totals:
  - {id: t, label: 合计, value: 1200, projects: all}
"""


def test_full_width_digits_and_punctuation_in_quantities(here: Path, capsys: Capsys) -> None:
    full, ascii_ = parse_value("４５台/百户"), parse_value("45台/百户")
    assert (full.amount, full.unit, full.comparator) == (
        ascii_.amount,
        ascii_.unit,
        ascii_.comparator,
    )
    write_plan(here, FULL_WIDTH)
    result = load_plan(here / "plan.yaml")
    if result.plan is None:
        # Full-width digits in a year are not required to load, but must be a finding.
        assert {d.code for d in result.diagnostics} <= {"PC002", "PC004"}, result.diagnostics
        return
    run = check_json(capsys, "plan.yaml")
    assert {"PC000", "PC004", "PC201"}.isdisjoint(run.rules()), run.findings()


def test_full_width_quantity_is_read_as_its_ascii_twin(here: Path, capsys: Capsys) -> None:
    write_plan(
        here,
        "projects:\n  - {id: a, name: 甲工程, years: 2021-2022, funding: '１，２００万元'}\n"
        "totals:\n  - {id: t, label: 合计, value: 1201, projects: all}\n",
    )
    run = check_json(capsys, "plan.yaml")
    # The total is off by one: found only if the full-width amount was read as 1200.
    finding_at(run, "PC201", "plan.yaml", BODY_LINE + 3)


def test_full_width_section_numbers(here: Path, capsys: Capsys) -> None:
    write_plan(
        here,
        "sections:\n  - number: 一、\n    title: 总体要求\n    sections:\n"
        "      - {number: （一）, title: 指导思想}\n      - {number: （三）, title: 发展目标}\n"
        "  - {number: 二、, title: 重点任务}\n",
    )
    plan = load_plan(here / "plan.yaml").plan
    assert plan is not None
    keys = [section.key for section in plan.iter_sections()]
    assert keys == ["sections/1", "sections/1.1", "sections/1.3", "sections/2"]
    run = check_json(capsys, "plan.yaml")
    assert "PC000" not in run.rules()


MIXED = """\
agencies:
  - {id: a, name: 宝鸡市Ｍiit局, aliases: [Баоцзи 市 局, "宝鸡\\u200b市", "e\\u0301局"]}
  - {id: b, name: "١٢٣ 局 🚀", kind: other}
projects:
  - id: p
    name: "工程\\u202egnp.exe"
    years: 2021-2022
    funding: "١٢٠٠万元"
    implementers: [{text: Баоцзи 市 局}, {text: "宝鸡市\\u200bMIIT局"}]
"""


def test_mixed_scripts_in_names(here: Path, capsys: Capsys) -> None:
    write_plan(here, MIXED)
    run = check_json(capsys, "plan.yaml")
    assert run.code in (0, 1)
    assert "PC000" not in run.rules(), run.findings()
    assert {"PC001", "PC002", "PC003"}.isdisjoint(run.rules()), run.findings()


# -- directory plans: missing parts and escaping paths ----------------------------


def _directory_plan(root: Path, *parts: str) -> Path:
    folder = root / "p"
    listed = "".join(f"  - {part}\n" for part in parts)
    write_plan(folder, "parts:\n" + listed)
    return folder


def test_missing_part_file_is_pc005_at_its_entry(here: Path, capsys: Capsys) -> None:
    folder = _directory_plan(here, "agencies.yaml", "missing.yaml")
    (folder / "agencies.yaml").write_text("agencies: []\n", encoding="utf-8")
    run = load_only(capsys, "p")
    finding_at(run, "PC005", "p/plan.yaml", BODY_LINE + 2, column=5, text="missing.yaml")


@pytest.mark.parametrize(
    "part",
    ["../../etc/passwd", "/etc/passwd", "sub/../../outside.yaml", "..", "'~/x.yaml'"],
)
def test_part_path_escaping_the_plan_directory_is_pc002(
    here: Path, capsys: Capsys, part: str
) -> None:
    (here / "outside.yaml").write_text("agencies: [{id: leak, name: 泄露}]\n", encoding="utf-8")
    _directory_plan(here, part)
    run = load_only(capsys, "p")
    assert run.code == 1
    (finding,) = [f for f in run.findings() if f["line"] == BODY_LINE + 1]
    assert finding["file"] == "p/plan.yaml"
    assert finding["rule"] in ("PC002", "PC005"), finding
    assert "root:" not in run.out and "leak" not in run.out


@pytest.mark.parametrize("target", ["file", "directory"])
def test_symlink_pointing_outside_is_pc002(here: Path, capsys: Capsys, target: str) -> None:
    outside = here / "outside"
    outside.mkdir()
    (outside / "agencies.yaml").write_text("agencies: [{id: leak, name: 泄露}]\n", "utf-8")
    part = "link.yaml" if target == "file" else "linkdir/agencies.yaml"
    folder = _directory_plan(here, part)
    if target == "file":
        (folder / "link.yaml").symlink_to(outside / "agencies.yaml")
    else:
        (folder / "linkdir").symlink_to(outside, target_is_directory=True)
    run = load_only(capsys, "p")
    finding_at(run, "PC002", "p/plan.yaml", BODY_LINE + 1, text="leaves the plan directory")
    assert "leak" not in run.out


def test_symlink_inside_the_plan_directory_is_followed(here: Path, capsys: Capsys) -> None:
    folder = _directory_plan(here, "alias.yaml")
    (folder / "real.yaml").write_text("agencies: [{id: a, name: 甲局}]\n", encoding="utf-8")
    (folder / "alias.yaml").symlink_to("real.yaml")
    run = load_only(capsys, "p")
    assert run.code == 0, run.findings()


@pytest.mark.parametrize("kind", ["directory", "fifo", "broken-symlink", "self-symlink"])
def test_part_that_is_not_a_regular_file_is_a_finding(
    here: Path, capsys: Capsys, kind: str
) -> None:
    folder = _directory_plan(here, "odd.yaml")
    odd = folder / "odd.yaml"
    if kind == "directory":
        odd.mkdir()
    elif kind == "fifo":
        os.mkfifo(odd)
    elif kind == "broken-symlink":
        odd.symlink_to("nowhere.yaml")
    else:
        odd.symlink_to("odd.yaml")
    run = load_only(capsys, "p")
    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["file"], finding["line"]) == ("p/plan.yaml", BODY_LINE + 1), finding
    assert finding["rule"] in ("PC001", "PC002", "PC005"), finding


# -- references -------------------------------------------------------------------

CYCLES = """\
agencies:
  - {id: a, name: 甲局, parent: b}
  - {id: b, name: 乙局, parent: a}
  - {id: c, name: 丙局, parent: c}
indicators:
  - {id: i, name: 甲, unit: 万户, parent: j, targets: [{year: 2025, value: 5}]}
  - {id: j, name: 乙, unit: 万户, parent: i, targets: [{year: 2025, value: 3}]}
  - {id: k, name: 丙, unit: 万户, parent: k, targets: [{year: 2025, value: 3}]}
"""


def test_circular_parent_chains_terminate_and_are_pc012(tmp_path: Path) -> None:
    write_plan(tmp_path, CYCLES)
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path, timeout=30)
    assert run.code == 1
    assert "PC000" not in run.rules(), run.findings()
    circular = {(f["subject"]["key"], f["line"]) for f in run.findings() if f["rule"] == "PC012"}
    # Every loop once, at the `parent` of its first member (the body starts on line 6).
    assert circular == {
        ("agencies/a", BODY_LINE + 1),
        ("agencies/c", BODY_LINE + 3),
        ("indicators/i", BODY_LINE + 5),
        ("indicators/k", BODY_LINE + 7),
    }


UNDEFINED = """\
agencies:
  - {id: a, name: 甲局, parent: nobody}
projects:
  - id: p
    name: 甲工程
    years: 2021-2022
    funding: 100
    implementers: [{text: 某局, agency: ghost}]
totals:
  - {id: t, label: 合计, value: 100, projects: [p, q]}
claims:
  - {id: c, quote: 宽带, indicator: nothing, section: "9.9", value: 5}
"""


def test_references_to_undefined_ids_are_pc005(here: Path, capsys: Capsys) -> None:
    write_plan(here, UNDEFINED)
    run = load_only(capsys, "plan.yaml")
    finding_at(run, "PC005", "plan.yaml", BODY_LINE + 1, text="nobody")
    finding_at(run, "PC005", "plan.yaml", BODY_LINE + 7, text="ghost")
    finding_at(run, "PC005", "plan.yaml", BODY_LINE + 9, text="“q”")
    finding_at(run, "PC005", "plan.yaml", BODY_LINE + 11, text="nothing")


# -- configuration ----------------------------------------------------------------

CONFIG_ERRORS = {
    "unknown-select": ("select: [PC999]\n", "PC999"),
    "unknown-ignore": ("ignore: [NOPE]\n", "NOPE"),
    "unknown-severity-code": ("severity: {PC999: error}\n", "PC999"),
    "unknown-severity": ("severity: {PC001: fatal}\n", "severity"),
    "unknown-params-code": ("params: {PC999: {x: 1}}\n", "PC999"),
    "bad-param-name": ("params: {PC401: {bogus: 1}}\n", "bogus"),
    "bad-param-value": ("params: {PC401: {similarity: 7}}\n", "similarity"),
    "params-for-rule-without": ("params: {PC001: {x: 1}}\n", "PC001"),
    "plugin-not-installed": ("plugins: [no-such-plancheck-plugin]\n", "no-such-plancheck-plugin"),
    "unknown-key": ("colour: always\n", "colour"),
    "not-a-mapping": ("- select\n", "mapping"),
    "zero-limit": ("max_file_bytes: 0\n", "max_file_bytes"),
    "string-limit": ("max_file_bytes: lots\n", "max_file_bytes"),
    "alias": ("select: &a [PC001]\nignore: *a\n", "anchors"),
    "python-tag": ("select: !!python/object/apply:os.system [ls]\n", "tag"),
    "syntax": ("select: [PC001\n", "syntax"),
    "missing-rule-file": ("rules: [missing-rule.yaml]\n", "missing-rule.yaml"),
    "binary": ("select: [\x00]\n", "binary"),
}


@pytest.mark.parametrize(("text", "needle"), CONFIG_ERRORS.values(), ids=CONFIG_ERRORS.keys())
def test_bad_configuration_is_exit_2_with_one_line(
    here: Path, capsys: Capsys, text: str, needle: str
) -> None:
    write_plan(here)
    (here / ".plancheck.yaml").write_text(text, encoding="utf-8")
    assert_one_error_line(cli(capsys, "check", "plan.yaml"), needle)


@pytest.mark.parametrize(
    "name", ["unknown-select", "bad-param-name", "bad-param-value", "plugin-not-installed"]
)
def test_configuration_error_names_the_configuration_file(
    here: Path, capsys: Capsys, name: str
) -> None:
    text, needle = CONFIG_ERRORS[name]
    write_plan(here)
    (here / ".plancheck.yaml").write_text(text, encoding="utf-8")
    assert_one_error_line(cli(capsys, "check", "plan.yaml"), ".plancheck.yaml", needle)


def test_bad_pyproject_configuration_is_one_line(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    (here / "pyproject.toml").write_text("[tool.plancheck]\nmax_file_bytes = -1\n", "utf-8")
    assert_one_error_line(cli(capsys, "check", "plan.yaml"), "pyproject.toml", "max_file_bytes")


def test_missing_configuration_file_named_on_the_command_line(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    run = cli(capsys, "check", "plan.yaml", "--config", "nope.yaml")
    assert_one_error_line(run, "nope.yaml")


def test_unknown_select_on_the_command_line(here: Path, capsys: Capsys) -> None:
    write_plan(here)
    assert_one_error_line(cli(capsys, "check", "plan.yaml", "--select", "PC999"), "PC999")


# -- waivers and baselines: reviewed decisions are data too -------------------------

BAD_BASELINES = {
    "empty": b"",
    "binary": b"\x00\x01\x02",
    "not-json": b"version: 1\n",
    "deep": b'{"version": 1, "entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "duplicate-key": b'{"version": 1, "version": 1, "entries": []}',
    "nan-version": b'{"version": NaN, "entries": []}',
    "huge-number": b'{"version": ' + b"9" * 5000 + b', "entries": []}',
    "wrong-shape": b'{"version": 1, "entries": [1]}',
}


@pytest.mark.parametrize("data", BAD_BASELINES.values(), ids=BAD_BASELINES.keys())
def test_corrupt_baseline_is_a_one_line_review_error(tmp_path: Path, data: bytes) -> None:
    baseline = pytest.importorskip("plancheck.review.baseline")
    from plancheck.review._common import ReviewFileError

    path = tmp_path / "baseline.json"
    path.write_bytes(data)
    with pytest.raises(ReviewFileError) as raised:
        baseline.load_baseline(path)
    assert "\n" not in str(raised.value) and "baseline.json" in str(raised.value)


BAD_WAIVERS = {
    "alias": "waivers:\n  - &w {rule: PC401}\n  - *w\n",
    "tag": "waivers: !!python/object/apply:os.system [ls]\n",
    "deep": "waivers: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "duplicate-key": "waivers: []\nwaivers: []\n",
    "not-a-mapping": "- rule: PC401\n",
    "unknown-key": "exec: rm -rf /\n",
    "binary": "waivers: [\x00]\n",
}


@pytest.mark.parametrize("text", BAD_WAIVERS.values(), ids=BAD_WAIVERS.keys())
def test_unusable_waivers_file_is_a_one_line_review_error(tmp_path: Path, text: str) -> None:
    waivers = pytest.importorskip("plancheck.review.waivers")
    from plancheck.review._common import ReviewFileError

    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewFileError) as raised:
        waivers.load_waivers(path)
    assert "\n" not in str(raised.value) and "waivers.yaml" in str(raised.value)


# -- unreadable paths ---------------------------------------------------------------


def test_unreadable_file_chmod_000(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    path = write_plan(tmp_path)
    path.chmod(0)
    try:
        run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    finding_at(run, "PC001", "plan.yaml", 1, text="cannot read file")


def test_unreadable_file_permission_error(
    here: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same failure without relying on permissions (the suite may run as root):
    # the loader opens files with os.open, so that is where the refusal goes.
    path = write_plan(here).resolve()
    real_open = os.open

    def refusing_open(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(file)).resolve() == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    run = check_json(capsys, "plan.yaml")
    finding_at(run, "PC001", "plan.yaml", 1, text="cannot read file: Permission denied")


def test_plan_yaml_that_is_a_directory_is_pc001(tmp_path: Path) -> None:
    (tmp_path / "p" / "plan.yaml").mkdir(parents=True)
    result = load_plan(tmp_path / "p")
    assert result.plan is None
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "PC001" and "cannot read file" in diagnostic.message


def test_directory_named_like_a_plan_file_is_searched(here: Path, capsys: Capsys) -> None:
    (here / "x.yaml").mkdir()
    run = check_json(capsys, "x.yaml")
    assert run.code == 0 and run.document()["summary"]["plans"] == 0


@pytest.mark.parametrize("kind", ["broken", "loop"])
def test_dangling_symlink_path_is_exit_2_with_one_line(
    here: Path, capsys: Capsys, kind: str
) -> None:
    link = here / "plan.yaml"
    link.symlink_to("nowhere.yaml" if kind == "broken" else "plan.yaml")
    assert_one_error_line(cli(capsys, "check", "plan.yaml"), "plan.yaml")


def test_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "plan.yaml")
    run = run_plancheck("check", "plan.yaml", "--format", "json", cwd=tmp_path, timeout=5)
    if run.code == 2:
        assert_one_error_line(run, "plan.yaml")
    else:
        finding_at(run, "PC001", "plan.yaml", 1)


def test_fifo_in_a_searched_directory_does_not_hang(tmp_path: Path) -> None:
    write_plan(tmp_path / "plans", name="real.yaml")
    os.mkfifo(tmp_path / "plans" / "pipe.yaml")
    run = run_plancheck("check", "plans", "--format", "json", cwd=tmp_path, timeout=5)
    assert run.document()["summary"]["plans"] >= 1


# -- discovery at scale -------------------------------------------------------------


def test_hundred_thousand_non_plan_files_are_searched_promptly(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    try:
        # Hard links to a few empty files: 100,000 names cost far less to create
        # than 100,000 files. None ends in .yaml, so discovery never opens them.
        fd = os.open(folder, os.O_RDONLY)
        try:
            for source in range(4):
                os.close(os.open(f"s{source}", os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=fd))
            for number in range(100_000):
                name = f"f{number:06d}.{('txt', 'json', 'yml.bak', 'md')[number % 4]}"
                os.link(f"s{number % 4}", name, src_dir_fd=fd, dst_dir_fd=fd)
        finally:
            os.close(fd)
        for number in range(300):  # YAML that is not a plan: read only up to its head
            (folder / f"n{number:03d}.yaml").write_text("name: 不是规划\nitems: [1, 2]\n", "utf-8")
        run = run_plancheck("check", "repo", "--format", "json", cwd=tmp_path, timeout=60)
        assert run.code == 0, run.err
        assert run.document()["summary"]["plans"] == 0
        assert run.findings() == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)
