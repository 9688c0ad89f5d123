"""Unit spellings: parsing, canonical form, dimension tests and alignment.

Every public function here takes surface spellings as plans write them ("万户",
"部/百人", "16M"'s "M", "％") and maps them through the table in ``_registry``.
A compound unit is two known units joined by one "/" ("部/百人"); a side may
itself be a slash spelling such as "Mbit/s" ("Mbit/s/户").
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final, cast

from ._errors import QuantityError, quote, unit_error
from ._registry import (
    BY_NAME,
    BY_SURFACE,
    COUNTER_BASES,
    DIMENSIONS,
    SPECS,
    UnitKind,
    UnitSpec,
    is_own_quantity,
    make_quantity,
    scale,
    spec_of,
    unit_named,
    unit_names,
)

if TYPE_CHECKING:
    import pint

    from ._registry import Quantity

_MAX_UNIT_CHARS: Final = 40
_PERCENT: Final = BY_NAME["percent"].canonical
_CURRENCY_DIMENSION: Final = {"[currency]": 1}


@dataclass(frozen=True, slots=True)
class ResolvedUnit:
    """A unit spelling mapped onto the registry."""

    canonical: str
    numerator: UnitSpec
    denominator: UnitSpec | None

    @property
    def unit(self) -> pint.Unit:
        """The pint unit (building the registry on first use)."""
        per = self.denominator.name if self.denominator is not None else None
        return unit_named(self.numerator.name, per)

    @property
    def dimensions(self) -> Mapping[str, int]:
        """Dimension exponents, equal to ``dict(self.unit.dimensionality)``."""
        own = DIMENSIONS[self.numerator.name]
        if self.denominator is None:
            return own
        combined = dict(own)
        for dimension, exponent in DIMENSIONS[self.denominator.name].items():
            combined[dimension] = combined.get(dimension, 0) - exponent
        return {dimension: power for dimension, power in combined.items() if power}


def normalise_unit_text(text: str) -> str:
    """NFKC-normalise ``text`` and drop all whitespace ("％ " -> "%")."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _lookup(text: str, part: str, *, denominator: bool) -> UnitSpec:
    spec = BY_SURFACE.get(part)
    if spec is None:
        raise unit_error(text, f"unknown unit {quote(part)}")
    if spec.kind is UnitKind.TIME and not denominator:
        raise unit_error(
            text,
            f"{quote(spec.canonical)} may only be used as a denominator, "
            f"e.g. '人/{spec.canonical}'",
        )
    return spec


def _split_slashed(text: str, norm: str) -> tuple[str, str]:
    """Split a compound whose side is itself spelled with a slash ("Mbit/s/户")."""
    for index, char in enumerate(norm):
        if char == "/" and norm[:index] in BY_SURFACE and norm[index + 1 :] in BY_SURFACE:
            return norm[:index], norm[index + 1 :]
    raise unit_error(text, "only one '/' is allowed between two known units")


@functools.lru_cache(maxsize=1024)
def _resolve_cached(text: str) -> ResolvedUnit:
    if len(text) > _MAX_UNIT_CHARS:
        raise unit_error(text, f"unit is longer than {_MAX_UNIT_CHARS} characters")
    norm = normalise_unit_text(text)
    if not norm:
        raise unit_error(text, "empty unit")
    if norm in BY_SURFACE:
        # Whole-string spellings first: "Mbit/s" is one unit, not "Mbit" per "s".
        spec = _lookup(text, norm, denominator=False)
        return ResolvedUnit(spec.canonical, spec, None)
    numerator_text, slash, denominator_text = norm.partition("/")
    if not slash:
        raise unit_error(text, f"unknown unit {quote(norm)}")
    if "/" in denominator_text or "/" in numerator_text:
        numerator_text, denominator_text = _split_slashed(text, norm)
    if not numerator_text or not denominator_text:
        raise unit_error(text, "a '/' needs a unit on each side")
    numerator = _lookup(text, numerator_text, denominator=False)
    denominator = _lookup(text, denominator_text, denominator=True)
    return ResolvedUnit(f"{numerator.canonical}/{denominator.canonical}", numerator, denominator)


def resolve_unit(text: str) -> ResolvedUnit:
    """Map a surface spelling onto the registry; raise ``QuantityError`` if unknown."""
    if not isinstance(text, str):
        raise unit_error(str(text), f"expected a string, got {type(text).__name__}")
    return _resolve_cached(text)


def parse_unit(text: str) -> pint.Unit:
    """The registry unit for a surface spelling such as "万户" or "台/百户".

    Raises ``QuantityError`` naming ``text`` when the unit is unknown.
    """
    return resolve_unit(text).unit


def canonical_unit(text: str) -> str:
    """The normalised spelling of a unit, as stored in models.

    NFKC-normalised and stripped, aliases replaced by their canonical spelling
    ("Mbit/s", "M" and "兆" -> "Mbps"; "％" -> "%").  The result round-trips:
    ``canonical_unit(canonical_unit(t)) == canonical_unit(t)`` and
    ``parse_unit(canonical_unit(t)) == parse_unit(t)``.
    """
    return resolve_unit(text).canonical


def known_units() -> tuple[str, ...]:
    """Canonical spellings of every unit usable on its own (no compounds)."""
    return tuple(spec.canonical for spec in SPECS if spec.kind is not UnitKind.TIME)


def is_currency(unit: str) -> bool:
    """Whether ``unit`` is an amount of money (元, 万元, 亿元 …; not "万元/年")."""
    return dict(resolve_unit(unit).dimensions) == _CURRENCY_DIMENSION


def is_percent(unit: str) -> bool:
    """Whether ``unit`` is "%" (in any spelling, e.g. full-width "％")."""
    return canonical_unit(unit) == _PERCENT


def dimensions_of(unit: str) -> Mapping[str, int]:
    """The unit's dimension exponents (``{"[currency]": 1}`` for 亿元), without building
    the pint registry; raises ``QuantityError`` for an unknown unit."""
    return resolve_unit(unit).dimensions


def is_dimensionless(unit: str) -> bool:
    """Whether ``unit`` is a pure number: %, ‰, 倍, bare 万/亿, or a ratio like "户/户"."""
    return not resolve_unit(unit).dimensions


def compatible(unit_a: str, unit_b: str) -> bool:
    """Whether the two units measure the same dimension, so one converts to the other.

    Strict: a bare multiplier ("万") is not compatible with a counter ("万户");
    ``align`` is where an elided counter is supplied.
    """
    return dict(resolve_unit(unit_a).dimensions) == dict(resolve_unit(unit_b).dimensions)


def describe_quantity(q: Quantity) -> str:
    """Render ``q`` with surface spellings for messages, e.g. "80.8 部/百人"."""
    numerator: list[str] = []
    denominator: list[str] = []
    for name, scalar in q.unit_items():
        # Unit exponents are real numbers; pint types them as any scalar.
        exponent = float(cast(float, scalar))
        spec = spec_of(name)
        surface = spec.canonical if spec is not None else name
        power = abs(exponent)
        text = surface if power == 1 else f"{surface}^{power:g}"
        (numerator if exponent > 0 else denominator).append(text)
    unit = "·".join(numerator)
    if denominator:
        unit = f"{unit or '1'}/{'·'.join(denominator)}"
    return f"{plain_number(q.magnitude)} {unit}".rstrip()


def plain_number(magnitude: object) -> str:
    """A magnitude as plans write numbers: no exponent, no trailing zeros (27.234)."""
    if isinstance(magnitude, Decimal):
        text = format(magnitude.normalize(), "f")
        return "0" if text in ("-0", "") else text
    return f"{cast(float, magnitude):g}"


def _elided_counter(target: ResolvedUnit) -> pint.Unit | None:
    """The base counter to supply when ``target`` is a pure counter unit, else None."""
    if target.denominator is not None or target.numerator.kind is not UnitKind.COUNTER:
        return None
    dimensions = dict(target.dimensions)
    if len(dimensions) != 1:
        return None
    ((dimension, exponent),) = dimensions.items()
    base = COUNTER_BASES.get(dimension)
    if base is None or exponent != 1:
        return None
    return unit_named(base)


def _is_bare_number(q: Quantity) -> bool:
    """Whether ``q`` is a plain number, possibly scaled by 百/千/万/亿 (not %, 倍)."""
    for name in unit_names(q):
        spec = BY_NAME.get(name)
        if spec is None or spec.kind is not UnitKind.MULTIPLIER:
            return False
    return True


def _pint_error() -> type[Exception]:
    import pint

    return pint.errors.PintError


def tidy(magnitude: Decimal) -> Decimal:
    """The same number without trailing zeros or an exponent (3.00000000 -> 3, 3E+1 -> 30)."""
    if magnitude == magnitude.to_integral_value():
        return magnitude.quantize(Decimal(1))
    return magnitude.normalize()


def _convert(q: Quantity, target: ResolvedUnit) -> Quantity:
    try:
        converted = q.to(target.unit)
        magnitude = converted.magnitude
        if isinstance(magnitude, Decimal):
            # Conversion factors carry precision digits (3.00000000 亿元); amounts
            # read better, and compare the same, without them.
            return make_quantity(tidy(magnitude), target.unit)
        return converted
    except (_pint_error(), ValueError, TypeError) as exc:
        raise QuantityError(
            f"单位不兼容 / incompatible units: cannot convert {quote(describe_quantity(q))} "
            f"to {quote(target.canonical)}"
        ) from exc


def align(q: Quantity, target_unit: str) -> Quantity:
    """Convert ``q`` to ``target_unit``.

    If ``q`` is a bare number ("350万") and ``target_unit`` is a pure counter
    (户, 万人, 台 …: no "/"), the counter is taken to be elided and supplied.
    Raises ``QuantityError`` for incompatible dimensions.
    """
    if not is_own_quantity(q):
        raise QuantityError(
            f"不是本包的数量 / not a quantity of plancheck's unit registry: {quote(q)} "
            f"({type(q).__name__}) cannot be aligned"
        )
    target = resolve_unit(target_unit)
    if q.dimensionality == target.unit.dimensionality:
        return _convert(q, target)
    # Chinese routinely drops the counter word (量词) after a multiplier when the
    # context already names it: "电话用户总数突破350万" means 350万户 because the
    # indicator is counted in 户.  So a bare number aligned to a pure counter
    # unit is read as that many base counters.  Ratios (80%, 2倍) are excluded:
    # they are not counts, and "80%" aligned to 户 is a mistake, not an ellipsis.
    # Currency, length and compound units are never elided this way.
    counter = _elided_counter(target)
    if counter is not None and _is_bare_number(q):
        return _convert(scale(q, counter), target)
    raise QuantityError(
        f"单位不兼容 / incompatible units: cannot convert {quote(describe_quantity(q))} "
        f"to {quote(target.canonical)}"
    )
