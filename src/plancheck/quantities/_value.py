"""``Value``: an amount as a plan writes it, and ``parse_value`` to read one."""

from __future__ import annotations

import dataclasses
import decimal
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ._enums import ChangeDirection, Comparator, ValueStatus
from ._errors import QuantityError, UnitLookupError, quantity_error, quote
from ._grammar import MAX_DIGITS, split_amount
from ._registry import make_quantity
from ._units import align, canonical_unit, parse_unit

if TYPE_CHECKING:
    from ._registry import Quantity

# Enough precision to hold any accepted amount exactly (at most 50 integer
# digits and 50 decimal places) when an exponent form is made positional.
_EXACT: Final = decimal.Context(prec=2 * MAX_DIGITS + 10, traps=[decimal.InvalidOperation])
_NONE_TEXT: Final = "——"
_DESCRIPTION: Final = (
    "An amount as written in the plan, with optional comparator word and unit, "
    "e.g. '14.24亿元', '≥90%', '突破350万', '45台/百户', '——' (explicitly none); "
    "or a bare number whose unit is implied by context."
)


@dataclass(frozen=True, slots=True)
class Value:
    """An amount as a plan writes it.

    ``amount`` keeps the digits as written (so ``decimals`` is the document's
    precision); ``unit`` is a canonical surface spelling (see
    ``canonical_unit``) or ``None`` when the text gives none and context
    implies it (fill it in with ``with_unit``).

    ``hedge`` keeps a word that qualifies the promise (力争, 争取, 基本, 可, 预计);
    ``change`` says the amount is a change rather than a level ("下降16%",
    "提高4个百分点", "新增4500万人"), counted from ``since`` when the text names the
    year ("比2015年下降16%"); ``cumulative`` marks a sum over years ("累计新增").
    An ``UNREADABLE`` value keeps its text and says in ``problem`` what could
    not be read.
    """

    text: str | None
    status: ValueStatus
    comparator: Comparator = Comparator.EQ
    amount: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    # Set by ``with_unit``: the unit comes from context (the plan's currency, the
    # indicator's unit), so writing the value back must leave it implied again.
    unit_implied: bool = dataclasses.field(default=False, compare=False)
    hedge: str | None = None
    change: ChangeDirection | None = None
    cumulative: bool = False
    since: int | None = None
    problem: str | None = None

    def __post_init__(self) -> None:
        if self.text is not None and not self.text.strip():
            raise QuantityError("数量文本为空 / value text must not be empty")
        if (self.status is ValueStatus.UNREADABLE) != (self.problem is not None):
            raise QuantityError(
                "无法读取的数量必须说明原因 / an unreadable value needs a problem, "
                "and only an unreadable value has one"
            )
        if self.status is ValueStatus.GIVEN:
            if self.amount is None or not self.amount.is_finite():
                raise QuantityError(
                    f"数量缺少数值 / a given value needs a finite amount, got {quote(self.amount)}"
                )
        elif self.amount is not None or self.unit is not None:
            raise QuantityError(
                f"无数值的数量不能有数值或单位 / a value with status {self.status.value!r} "
                "cannot have an amount or unit"
            )
        if self.unit is not None and canonical_unit(self.unit) != self.unit:
            raise QuantityError(
                f"单位不是规范写法 / unit {quote(self.unit)} is not canonical, "
                f"use {quote(canonical_unit(self.unit))}"
            )

    @classmethod
    def missing(cls) -> Value:
        """A value that is absent from the plan."""
        return cls(None, ValueStatus.MISSING)

    @classmethod
    def unreadable(cls, text: str, problem: str) -> Value:
        """A value written as ``text`` that could not be read, and why."""
        return cls(text, ValueStatus.UNREADABLE, problem=problem)

    @property
    def is_given(self) -> bool:
        """Whether a number is written."""
        return self.status is ValueStatus.GIVEN

    @property
    def is_level(self) -> bool:
        """Whether a number is written as a level reached (not a change, not a sum)."""
        return self.is_given and self.change is None and not self.cumulative

    @property
    def is_change(self) -> bool:
        """Whether a number is written as a change from an earlier year."""
        return self.is_given and self.change is not None

    def _given_amount(self) -> Decimal:
        if self.amount is None:
            raise QuantityError(
                f"数量没有数值 / value {quote(str(self))} has no amount "
                f"(status {self.status.value!r})"
            )
        return self.amount

    @property
    def quantity(self) -> Quantity:
        """An exact pint quantity (Decimal magnitude) in this value's unit."""
        amount = self._given_amount()
        if self.unit is None:
            raise QuantityError(
                f"数量没有单位 / value {quote(str(self))} has no unit; "
                "fill in the implied unit with with_unit()"
            )
        return make_quantity(amount, parse_unit(self.unit))

    def to(self, unit: str) -> Quantity:
        """This value converted to ``unit`` (see ``align`` for elided counters)."""
        return align(self.quantity, unit)

    @property
    def magnitude(self) -> Decimal:
        """The amount, exactly, in this value's own unit."""
        return self._given_amount()

    @property
    def decimals(self) -> int:
        """Decimal places as written: "14.24" -> 2, "30,000" -> 0, "3.2万" -> 1."""
        exponent = self._given_amount().as_tuple().exponent
        if not isinstance(exponent, int):  # pragma: no cover - amounts are finite
            raise QuantityError(f"数值无效 / invalid amount {quote(self.amount)}")
        return max(0, -exponent)

    def with_unit(self, unit: str) -> Value:
        """A copy with the implied ``unit`` filled in; unchanged if a unit is already set.

        ``unit`` is checked (and canonicalised) even when it is not used.
        """
        canonical = canonical_unit(unit)
        if self.unit is not None or not self.is_given:
            return self
        # Every plan's bare amounts pass here. The copy keeps what __post_init__
        # checks (a given, finite amount; a canonical unit), so it is made field by
        # field without dataclasses.replace re-running it (a third of loading a value).
        copy = object.__new__(type(self))
        for name in _FIELD_NAMES:
            object.__setattr__(copy, name, getattr(self, name))
        object.__setattr__(copy, "unit", canonical)
        object.__setattr__(copy, "unit_implied", True)
        return copy

    def written(self) -> str | None:
        """The value as a plan file would write it, stating every unit that is not implied.

        ``None`` for a missing value. ``text`` is kept when it says all the value says,
        so a value read from a file is written back exactly as it was.
        """
        if self.text is not None and self._text_is_complete():
            return self.text
        if self.amount is None:
            return _NONE_TEXT if self.status is ValueStatus.NONE else None
        unit = "" if self.unit is None or self.unit_implied else self.unit
        qualifier = f"({self.qualifier})" if self.qualifier else ""
        return f"{self.comparator.symbol}{self.amount:f}{unit}{qualifier}"

    def _text_is_complete(self) -> bool:
        if self.unit is None or self.unit_implied:
            return True
        try:
            return parse_value(self.text or "").unit == self.unit
        except QuantityError:
            return False

    def __str__(self) -> str:
        if self.text is not None:
            return self.text
        if self.status is ValueStatus.NONE:
            return _NONE_TEXT
        if self.amount is None:
            return ""
        qualifier = f"({self.qualifier})" if self.qualifier else ""
        return f"{self.comparator.symbol}{self.amount:f}{self.unit or ''}{qualifier}"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source_type: Any, _handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialise, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, _schema: core_schema.CoreSchema, _handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}],
            "description": _DESCRIPTION,
        }


_FIELD_NAMES: Final = tuple(field.name for field in dataclasses.fields(Value))


def _validate(obj: object) -> Value:
    if isinstance(obj, Value):
        return obj
    if isinstance(obj, str | int | float | Decimal):
        return parse_value(obj)
    raise quantity_error(obj, f"unsupported type {type(obj).__name__}")


def _serialise(value: object) -> object:
    if not isinstance(value, Value):
        # Assigned without validation (model_copy, attribute assignment): written as it
        # is, so validating the dump judges it as a file holding it would be judged.
        return str(value) if isinstance(value, Decimal) else value
    written = value.written()
    if value.text is not None or value.amount is None or (written or "") != _bare(value):
        return written
    # A bare number stays a number, so its unit stays implied by context.
    if value.amount == value.amount.to_integral_value():
        return int(value.amount)
    return float(value.amount)


def _bare(value: Value) -> str:
    return f"{value.amount:f}" if value.amount is not None else ""


def _check_size(raw: object, amount: Decimal) -> Decimal:
    """Reject amounts that cannot be written in 50 digits; make exponents positional."""
    exponent = amount.as_tuple().exponent
    if not isinstance(exponent, int) or not amount.is_finite():
        raise quantity_error(raw, "not a finite number")
    if amount.adjusted() >= MAX_DIGITS or exponent < -MAX_DIGITS:
        raise quantity_error(raw, f"more than {MAX_DIGITS} digits")
    if exponent > 0:
        amount = amount.quantize(Decimal(1), context=_EXACT)
    return amount


def _number_amount(raw: int | float | Decimal) -> Decimal:
    if isinstance(raw, bool):
        raise quantity_error(raw, "a boolean is not a number")
    if isinstance(raw, int):
        if raw.bit_length() > 4 * MAX_DIGITS:
            # Refuse before str()/Decimal() of a huge int does quadratic work.
            raise quantity_error(raw, f"more than {MAX_DIGITS} digits")
        return _check_size(raw, Decimal(raw))
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise quantity_error(raw, "not a finite number")
        # str() gives the shortest repr, so 303.99 stays 303.99 (not 303.9900000000000090949…).
        return _check_size(raw, Decimal(str(raw)))
    if not raw.is_finite():
        raise quantity_error(raw, "not a finite number")
    return _check_size(raw, raw)


def exact_amount(raw: object) -> Decimal:
    """A bare amount (a number, or the text of one) as an exact, finite ``Decimal``, read
    like ``parse_value`` reads numbers; anything else raises ``QuantityError``."""
    if isinstance(raw, str):
        try:
            amount = Decimal(raw.strip())
        except decimal.InvalidOperation:
            raise quantity_error(raw, "not a number") from None
        return _check_size(raw, amount)
    if isinstance(raw, int | float | Decimal):
        return _number_amount(raw)
    raise quantity_error(raw, f"unsupported type {type(raw).__name__}")


def _default_unit(raw: object, default_unit: str | None) -> str | None:
    if default_unit is None:
        return None
    try:
        return canonical_unit(default_unit)
    except UnitLookupError as exc:
        raise quantity_error(raw, f"bad default unit: {exc.reason}") from None


def parse_value(raw: str | int | float | Decimal, *, default_unit: str | None = None) -> Value:
    """Read an amount as a plan writes it.

    Strings may carry thousands separators, full-width characters, comparator
    words and symbols ("突破", "不低于", "≥", "以上", "左右", "多"), a unit ("亿元",
    "%", "台/百户", "16M" = 16 Mbps) and a trailing parenthesised qualifier; dash
    marks ("——", "—", "－") and "/" mean explicitly none.  ``default_unit`` is
    used when the text (or a bare number) gives no unit.  Numbers keep their
    shortest decimal form (``Decimal(str(x))``).  Raises ``QuantityError`` with a
    one-line bilingual message on malformed, non-finite, boolean or over-long
    input.
    """
    if not isinstance(raw, str):
        if not isinstance(raw, int | float | Decimal):
            raise quantity_error(raw, f"unsupported type {type(raw).__name__}")
        amount = _number_amount(raw)
        return Value(None, ValueStatus.GIVEN, amount=amount, unit=_default_unit(raw, default_unit))

    parts = split_amount(raw)
    text = raw.strip()
    if parts.status is not ValueStatus.GIVEN or parts.number is None:
        return Value(text, parts.status, qualifier=parts.qualifier)
    if parts.unit_text is None:
        unit = _default_unit(raw, default_unit)
    else:
        try:
            unit = canonical_unit(parts.unit_text)
        except UnitLookupError as exc:
            raise quantity_error(raw, f"{exc.reason} ({_EXPECTED_UNITS})") from None
    return Value(
        text,
        ValueStatus.GIVEN,
        comparator=parts.comparator,
        amount=_check_size(raw, Decimal(parts.number)),
        unit=unit,
        qualifier=parts.qualifier,
        hedge=parts.hedge,
        change=parts.change,
        cumulative=parts.cumulative,
        since=parts.since,
    )


_EXPECTED_UNITS: Final = (
    "expected a unit such as 万元, 亿元, 万户, 万人, 个, %, 个百分点, Mbps, GB, 万亩, 吨, 台/百户"
)
