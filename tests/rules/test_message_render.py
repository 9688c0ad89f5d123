"""Message templates: rendering from a template parsed once gives the text it always gave."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from plancheck._limits import MAX_MESSAGE_CHARS, MAX_VALUE_CHARS, shorten
from plancheck.records.rule import render

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _reference(template: str, args: dict[str, object]) -> str:
    """The definition: each ``{{``-separated part substituted, then ``}}`` read as ``}``."""
    if "{" not in template and "}" not in template:
        return shorten(template, MAX_MESSAGE_CHARS)

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        return shorten(str(args[name]), MAX_VALUE_CHARS) if name in args else match.group(0)

    parts = [_PLACEHOLDER.sub(substitute, p).replace("}}", "}") for p in template.split("{{")]
    return shorten("{".join(parts), MAX_MESSAGE_CHARS)


_PIECES = st.sampled_from(["{name}", "{count}", "{missing}", "{{", "}}", "{", "}", "项目", "x"])
_TEMPLATES = st.lists(_PIECES, max_size=12).map("".join)
_VALUES = st.one_of(st.text(alphabet="{}ab名 ", max_size=8), st.integers(), st.none())


@given(_TEMPLATES, st.dictionaries(st.sampled_from(["name", "count", "other"]), _VALUES))
def test_render_equals_the_definition(template: str, args: dict[str, object]) -> None:
    assert render(template, args) == _reference(template, args)
    assert render(template, args) == _reference(template, args)  # parsed template reused


def test_render_keeps_escapes_unknown_names_and_long_values() -> None:
    assert render("{{{name}}} {x} {n}", {"name": "甲", "n": 3}) == "{甲} {x} 3"
    long = "长" * (MAX_VALUE_CHARS + 10)
    assert render("“{name}”", {"name": long}) == f"“{shorten(long, MAX_VALUE_CHARS)}”"
