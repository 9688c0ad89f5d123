"""The package's single exception type and its bilingual message helpers."""

from __future__ import annotations

_QUOTE_LIMIT = 60


class QuantityError(ValueError):
    """An amount or unit could not be parsed, converted or built.

    Messages are one line, Chinese first then English, and quote the offending
    text, e.g. ``无法解析数量 / cannot parse quantity '3斤': unknown unit '斤'``.
    """


class UnitLookupError(QuantityError):
    """A unit spelling is not known (internal; callers see ``QuantityError``).

    ``reason`` is the bare English reason so that the value parser can re-word
    the failure as a quantity error without parsing the message back.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def quote(obj: object) -> str:
    """Quote ``obj`` for a one-line message, shortening very long text."""
    if isinstance(obj, str):
        if len(obj) > _QUOTE_LIMIT:
            return f"{obj[:_QUOTE_LIMIT]!r}… ({len(obj)} chars)"
        return repr(obj)
    if isinstance(obj, int) and obj.bit_length() > 4 * _QUOTE_LIMIT:
        # repr() of a huge int is slow and may raise (sys.int_max_str_digits).
        return f"<int of {obj.bit_length()} bits>"
    text = repr(obj)
    if len(text) > _QUOTE_LIMIT:
        return f"{text[:_QUOTE_LIMIT]}… ({type(obj).__name__})"
    return text


def quantity_error(raw: object, reason: str) -> QuantityError:
    """Build the error for an amount that cannot be parsed."""
    return QuantityError(f"无法解析数量 / cannot parse quantity {quote(raw)}: {reason}")


def unit_error(raw: str, reason: str) -> UnitLookupError:
    """Build the error for a unit spelling that cannot be parsed."""
    return UnitLookupError(f"无法解析单位 / cannot parse unit {quote(raw)}: {reason}", reason)
