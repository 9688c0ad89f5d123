"""Turning untrusted text into HTML text: nothing from plan data can become markup."""

from __future__ import annotations

import html

from plancheck.outputs._visible import visible


def esc(text: object) -> str:
    """``text`` as HTML character data or attribute value (quotes escaped too).

    Control, bidi and zero-width characters are shown as escapes first, so a name
    cannot reorder the page's text or hide that it differs from another.
    """
    return html.escape(visible(str(text)), quote=True)


def attrs(**values: str | None) -> str:
    """`` name="value"`` pairs, escaped, in the order given; None leaves one out.

    A trailing underscore is dropped (``class_`` gives ``class``) and other
    underscores become hyphens (``data_key`` gives ``data-key``).
    """
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        attribute = name.rstrip("_").replace("_", "-")
        parts.append(f' {attribute}="{esc(value)}"')
    return "".join(parts)


def tag(name: str, content: str, **values: str | None) -> str:
    """An element around ``content``, which must already be HTML (escaped)."""
    return f"<{name}{attrs(**values)}>{content}</{name}>"
