"""Name normalisation: the fast path for printable names drops what the full one drops."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from plancheck.engine.normalise import normalise

_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】·•.,，。、:：;；!！?？-]")


def _reference(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name)
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return _NOISE.sub("", visible).lower()


def test_invisible_format_characters_are_dropped() -> None:
    assert normalise("工信\u200b局") == normalise("工信局") == "工信局"
    assert normalise("\u202a“智慧城市” 工程（一期）\u202c") == "智慧城市工程一期"


@given(st.text(alphabet=st.sampled_from("工程局 \t\u200b\u200e\u2060\ufeff“”（）Ａa.·\n\x00")))
def test_normalise_equals_the_character_by_character_definition(name: str) -> None:
    assert normalise(name) == _reference(name)
    assert normalise(name) == _reference(name)  # a second, remembered answer too


@given(st.text())
def test_normalise_equals_the_definition_on_any_text(name: str) -> None:
    assert normalise(name) == _reference(name)
