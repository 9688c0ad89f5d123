"""Making untrusted text safe to print: control and bidi characters become visible escapes."""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, bidi embeddings/overrides/isolates and marks,
# zero-width characters, and the Unicode line/paragraph separators. Printed raw, these
# can clear the screen, retitle the terminal, rewrite a line (\r), reorder text
# ("Trojan Source") or make two different names look the same.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character replaced by its escape (``\\x1b``, ``\\u202e``).

    ``keep_newlines`` leaves ``\\n`` alone for formats that encode it themselves.
    """
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(_escape, part) for part in text.split("\n"))
    return _UNSAFE.sub(_escape, text)
