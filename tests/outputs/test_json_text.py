"""The fast JSON writer writes exactly what json.dumps(..., ensure_ascii=False, indent=2) does."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from plancheck.outputs._json_text import dumps

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_KEYS = st.text() | st.integers() | st.booleans() | st.none()
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(_KEYS, inner, max_size=4)
    ),
    max_leaves=30,
)


@given(_VALUES)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.lists(st.dictionaries(st.text(), _LEAVES, max_size=3), max_size=4))
def test_an_iterator_is_written_as_a_list(items: list[dict[str, Any]]) -> None:
    expected = json.dumps({"items": items}, ensure_ascii=False, indent=2)
    assert dumps({"items": iter(items)}) == expected
