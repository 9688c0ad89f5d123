"""Bidi controls, invisible and tag characters never reach a report raw, in any format.

They reorder text ("Trojan Source"), hide text (tag characters spell ASCII invisibly) or
make two names look alike. One table (plancheck/outputs/_visible.py) lists them; every
format escapes them: people-facing formats as visible ``\\u202e`` text, JSON as JSON
escapes that decode to the original. Markdown, which ends up in PR comments, also
neutralises @mentions and links that come from plan data.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from plancheck.outputs import FORMATS
from plancheck.outputs._visible import visible
from tests.hardening._support import cli, write_plan

Capsys = pytest.CaptureFixture[str]

HIDDEN = {
    "rlo": "\u202e",
    "arabic-letter-mark": "\u061c",
    "tag-a": "\U000e0041",
    "cancel-tag": "\U000e007f",
    "soft-hyphen": "\u00ad",
    "grapheme-joiner": "\u034f",
    "mongolian-vowel-separator": "\u180e",
    "hangul-filler": "\u3164",
    "hangul-choseong-filler": "\u115f",
    "halfwidth-hangul-filler": "\uffa0",
    "zero-width-space": "\u200b",
    "lri": "\u2066",
    "variation-selector": "\ufe0f",
    "khmer-invisible": "\u17b4",
    "braille-blank": "\u2800",
}


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
@pytest.mark.parametrize("output_format", FORMATS)
def test_hidden_characters_are_escaped_in_every_format(
    here: Path, capsys: Capsys, output_format: str, char: str
) -> None:
    name = f"甲{char}工程"
    write_plan(here, f'projects:\n  - {{id: p, name: "{name}", funding: 1}}\n')
    run = cli(capsys, "check", "plan.yaml", "--format", output_format)
    assert run.code == 1, run.err
    assert char not in run.out
    if output_format == "json":
        # JSON escapes decode to the data as written.
        names = {f["subject"]["name"] for f in json.loads(run.out)["findings"]}
        assert name in names
    elif output_format == "sarif":
        json.loads(run.out)
        assert "\\" + _escape(char) in run.out
    else:
        assert _escape(char) in run.out, run.out


def test_the_table_covers_every_control_format_and_separator_character() -> None:
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
        and chr(code) not in "\t"
        and visible(chr(code)) == chr(code)
    ]
    assert missed == []


_CODE_SPAN = re.compile(r"`[^`]*`")


def test_markdown_neutralises_mentions_and_links(here: Path, capsys: Capsys) -> None:
    name = (
        "@octocat 与 @acme/security-team 见 https://evil.example/x 和 www.evil.example "
        "及 me@evil.example"
    )
    write_plan(here, f'projects:\n  - {{id: p, name: "{name}", funding: 1}}\n')
    run = cli(capsys, "check", "plan.yaml", "--format", "markdown")
    outside_code = _CODE_SPAN.sub("", run.out)
    for needle in ("@octocat", "@acme", "https://evil", "www.evil", "evil.example"):
        assert needle not in outside_code, (needle, run.out)
    for shown in ("`@octocat`", "`@acme/security-team`", "`https://evil.example/x`"):
        assert shown in run.out
