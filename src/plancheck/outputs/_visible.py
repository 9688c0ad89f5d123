"""Making untrusted text safe to print: the one table of characters no report shows raw.

Printed raw, these can clear the screen, retitle the terminal, rewrite a line (\\r),
reorder text ("Trojan Source"), spell text invisibly (tag characters) or make two
different names look the same. Every output format escapes them from this table:
people-facing formats as visible ``\\u202e`` text (:func:`visible`), JSON as JSON
escapes that decode to the data as written (:func:`json_escaped`).
"""

from __future__ import annotations

import re

# Every character of Unicode categories Cc (but tab), Cf, Zl and Zp, and the invisible
# characters of other categories: fillers that render as blanks (U+115F, U+1160, U+3164,
# U+FFA0, U+2800), the combining grapheme joiner, Khmer invisible vowels, Mongolian free
# variation selectors and the variation selectors. tests/hardening checks the categories
# against unicodedata, so a Unicode update that adds a format character is noticed.
_C0 = "\x00-\x08\x0a-\x1f"  # but tab
_RANGES = (
    "\x7f-\x9f"  # DEL, C1
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef"
)
UNSAFE = re.compile(f"[{_C0}{_RANGES}]")
# The same less the C0 controls, which JSON encoders escape themselves (and whose
# newlines between tokens are JSON's own layout).
_UNSAFE_IN_JSON = re.compile(f"[{_RANGES}]")


def escape(char: str) -> str:
    """The visible escape of one character: ``\\x1b``, ``\\u202e``, ``\\U000e0041``."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _escape(match: re.Match[str]) -> str:
    return escape(match.group(0))


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character replaced by its escape (``\\x1b``, ``\\u202e``).

    ``keep_newlines`` leaves ``\\n`` alone for formats that encode it themselves.
    """
    if keep_newlines:
        return "\n".join(UNSAFE.sub(_escape, part) for part in text.split("\n"))
    return UNSAFE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_escaped(text: str) -> str:
    """JSON text with every unsafe character inside its strings as a JSON escape."""
    return _UNSAFE_IN_JSON.sub(_json_escape, text)


def json_visible(text: str) -> str:
    """JSON text whose strings show every unsafe character as visible escape text."""
    return _UNSAFE_IN_JSON.sub(lambda match: "\\" + escape(match.group(0)), text)
