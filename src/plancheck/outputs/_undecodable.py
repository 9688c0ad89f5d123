"""File names that are not UTF-8, written so that every report stays valid UTF-8.

A file name may hold any byte; Python decodes the bytes that are not UTF-8 to lone
surrogates (U+DC80..U+DCFF, PEP 383), which no UTF-8 text can hold. Written out, they
would either fail or put raw invalid bytes into a JSON document or a PR comment.
Each becomes the escape of its byte, ``\\xff``; in JSON text the backslash is itself
escaped, so a reader decodes the string to the same ``\\xff``.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_BYTE = re.compile("[\udc80-\udcff]")


def _byte(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    # PEP 383 maps byte 0xNN to U+DCNN; any other lone surrogate is shown as itself.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_undecodable(text: str, *, json_text: bool = False, only_bytes: bool = False) -> str:
    """``text`` with each undecodable byte shown as ``\\xNN`` (``\\\\xNN`` in JSON text),
    and any other lone surrogate as ``\\uNNNN`` unless ``only_bytes``."""
    pattern = _BYTE if only_bytes else _SURROGATE
    if not pattern.search(text):
        return text
    if json_text:
        return pattern.sub(lambda match: "\\" + _byte(match), text)
    return pattern.sub(_byte, text)
