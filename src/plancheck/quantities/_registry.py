"""The private pint registry and the table of surface spellings that map onto it.

pint itself is imported, and the registry built, on the first conversion only: reading
and validating plans needs just the table (spellings, kinds and dimensions), which is
why ``plancheck check`` on a plan without conversions never pays pint's start-up.

The registry starts EMPTY (pint's default definitions file is never read, which
keeps import cheap and stops plan text from accidentally matching one of pint's
thousands of units) and defines only what development plans use.  Every unit has
an ASCII internal name and a tuple of surface spellings (Chinese or otherwise);
the first spelling is the canonical one that models store.  In pint, a unit is
*named* by its canonical spelling wherever that is an identifier (亿元, 万户, Mbps),
so quantities print as plans write them; the ASCII name stays as an alias.

Magnitudes are ``Decimal`` (``non_int_type``): conversion factors are exact powers of
ten, so 万元 sums and 亿元 conversions carry no binary-float noise.
"""

from __future__ import annotations

import copyreg
import enum
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeAlias, cast

if TYPE_CHECKING:
    import pint

    Quantity: TypeAlias = pint.Quantity[Decimal]
    """A pint quantity with a Decimal magnitude from this package's registry."""

    UREG: pint.UnitRegistry[Decimal]


def __getattr__(name: str) -> object:
    # Both name pint objects, so they are resolved (and pint imported) on first use.
    # At run time Quantity is the registry's own class, so isinstance() works with it
    # (a subscripted pint.Quantity[Decimal] raises TypeError there).
    if name == "Quantity":
        return registry().Quantity
    if name == "UREG":
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class UnitKind(enum.Enum):
    """What role a unit plays when values are parsed and aligned."""

    MEASURE = "measure"
    """A dimensioned unit that is never elided: 元, 公里, Mbps."""
    COUNTER = "counter"
    """A counted thing (量词) that Chinese often leaves out after 万/亿: 户, 人, 部, 个."""
    MULTIPLIER = "multiplier"
    """A bare number word used as a unit: 百, 千, 万, 亿 ("350万")."""
    RATIO = "ratio"
    """Dimensionless but not a plain number: %, ‰, 倍."""
    TIME = "time"
    """A period, only allowed as a denominator: 年."""


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """One unit: internal pint name, pint definition and surface spellings."""

    name: str
    definition: str
    surfaces: tuple[str, ...]
    kind: UnitKind

    @property
    def canonical(self) -> str:
        """The normalised surface spelling stored in models."""
        return self.surfaces[0]

    @property
    def pint_name(self) -> str:
        """The name pint prints: the canonical spelling if it is an identifier."""
        return self.canonical if self.canonical.isidentifier() else self.name

    @property
    def is_base(self) -> bool:
        """Whether this unit defines a new dimension (``name = [dimension]``)."""
        return self.definition.startswith("[")


# (surface, ASCII stem, factor).  Multi-character multipliers come after the
# single ones they contain; lookups are by whole string so order is irrelevant.
_MULTIPLIERS: Final = (
    ("百", "bai", 100),
    ("千", "qian", 10**3),
    ("万", "wan", 10**4),
    ("百万", "baiwan", 10**6),
    ("千万", "qianwan", 10**7),
    ("亿", "yi", 10**8),
    ("万亿", "wanyi", 10**12),
)
_CURRENCY_PREFIXES: Final = ("千", "万", "百万", "千万", "亿", "万亿")
_COUNTER_PREFIXES: Final = ("百", "千", "万", "百万", "千万", "亿")

# Counted things: (surface, internal name, dimension or None when it is an
# alias of the previous base with factor 1).  人次 counts person-visits but is
# measured in persons so that "人次" and "人" totals can be compared.
_COUNTERS: Final = (
    ("户", "household", "[household]"),
    ("人", "person", "[person]"),
    ("人次", "person_time", None),
    ("部", "device_bu", "[device]"),
    ("台", "device_tai", None),
    ("个", "item_ge", "[item]"),
    ("项", "item_xiang", None),
    ("家", "item_jia", None),
    ("条", "item_tiao", None),
    ("所", "item_suo", None),
    ("座", "item_zuo", None),
    ("套", "item_tao", None),
    # Occurrences: operations per second of computing (万亿次), visits, trips.
    ("次", "occurrence", "[occurrence]"),
)


def _prefixed(
    base_surface: str, base_name: str, prefixes: Iterable[str], kind: UnitKind
) -> list[UnitSpec]:
    factors = {surface: (stem, factor) for surface, stem, factor in _MULTIPLIERS}
    specs = []
    for prefix in prefixes:
        stem, factor = factors[prefix]
        specs.append(
            UnitSpec(
                f"{stem}_{base_name}", f"{factor} * {base_name}", (prefix + base_surface,), kind
            )
        )
    return specs


def _build_specs() -> tuple[UnitSpec, ...]:
    specs: list[UnitSpec] = []
    add = specs.append

    # Currency.
    add(UnitSpec("yuan", "[currency]", ("元",), UnitKind.MEASURE))
    specs += _prefixed("元", "yuan", _CURRENCY_PREFIXES, UnitKind.MEASURE)

    # Counters.
    base = ""
    for surface, name, dimension in _COUNTERS:
        if dimension is not None:
            base = name
        add(UnitSpec(name, dimension or f"1 * {base}", (surface,), UnitKind.COUNTER))
        prefixes = _COUNTER_PREFIXES + (("万亿",) if name == "occurrence" else ())
        specs += _prefixed(surface, name, prefixes, UnitKind.COUNTER)

    # Length.
    add(UnitSpec("metre", "[length]", ("米",), UnitKind.MEASURE))
    add(UnitSpec("kilometre", "1000 * metre", ("公里", "km"), UnitKind.MEASURE))
    add(UnitSpec("qian_metre", "1000 * metre", ("千米",), UnitKind.MEASURE))
    add(UnitSpec("wan_kilometre", "10000000 * metre", ("万公里",), UnitKind.MEASURE))

    # Mass (energy and emission targets: 万吨标准煤 is written as a mass of coal).
    add(UnitSpec("gongjin", "[mass]", ("千克", "公斤", "kg"), UnitKind.MEASURE))
    add(UnitSpec("dun", "1000 * gongjin", ("吨", "t"), UnitKind.MEASURE))
    add(UnitSpec("wan_dun", "10000000 * gongjin", ("万吨",), UnitKind.MEASURE))
    add(UnitSpec("yi_dun", "100000000000 * gongjin", ("亿吨",), UnitKind.MEASURE))

    # Area (land, forest, built-up area).
    add(UnitSpec("pingfangmi", "[area]", ("平方米", "m2", "㎡"), UnitKind.MEASURE))
    add(UnitSpec("wan_pingfangmi", "10000 * pingfangmi", ("万平方米",), UnitKind.MEASURE))
    add(UnitSpec("mu", "10000 / 15 * pingfangmi", ("亩",), UnitKind.MEASURE))
    add(UnitSpec("wan_mu", "100000000 / 15 * pingfangmi", ("万亩",), UnitKind.MEASURE))
    add(UnitSpec("yi_mu", "1000000000000 / 15 * pingfangmi", ("亿亩",), UnitKind.MEASURE))
    add(UnitSpec("gongqing", "10000 * pingfangmi", ("公顷",), UnitKind.MEASURE))
    add(UnitSpec("wan_gongqing", "100000000 * pingfangmi", ("万公顷",), UnitKind.MEASURE))
    add(UnitSpec("yi_gongqing", "1000000000000 * pingfangmi", ("亿公顷",), UnitKind.MEASURE))
    add(UnitSpec("pingfang_gongli", "1000000 * pingfangmi", ("平方公里", "km2"), UnitKind.MEASURE))

    # Volume (timber stock 亿立方米, water use and supply 亿立方米, earthworks 万立方米).
    add(UnitSpec("lifangmi", "[volume]", ("立方米", "m3", "m³"), UnitKind.MEASURE))
    add(UnitSpec("wan_lifangmi", "10000 * lifangmi", ("万立方米",), UnitKind.MEASURE))
    add(UnitSpec("yi_lifangmi", "100000000 * lifangmi", ("亿立方米",), UnitKind.MEASURE))

    # Bit rate.  Plans write bandwidth as "16M" or "4兆" meaning Mbit/s.
    add(UnitSpec("bps", "[bitrate]", ("bps", "bit/s"), UnitKind.MEASURE))
    add(UnitSpec("kbps", "1000 * bps", ("kbps", "Kbps", "kbit/s", "Kbit/s"), UnitKind.MEASURE))
    mbps = ("Mbps", "mbps", "Mbit/s", "Mb/s", "M", "兆")
    add(UnitSpec("mbps", "1000000 * bps", mbps, UnitKind.MEASURE))
    gbps = ("Gbps", "gbps", "Gbit/s", "Gb/s", "G")
    add(UnitSpec("gbps", "1000000000 * bps", gbps, UnitKind.MEASURE))
    tbps = ("Tbps", "tbps", "Tbit/s", "Tb/s")
    add(UnitSpec("tbps", "1000000000000 * bps", tbps, UnitKind.MEASURE))

    # Data sizes: stored bytes, a dimension of their own (a bit rate is not a size).
    # Decimal multiples, as storage is sold and as statistics report it.
    add(UnitSpec("byte", "[data]", ("B", "字节", "byte"), UnitKind.MEASURE))
    sizes = (
        ("kilobyte", 10**3, ("KB", "kB", "千字节")),
        ("megabyte", 10**6, ("MB", "兆字节")),
        ("gigabyte", 10**9, ("GB", "吉字节", "千兆字节")),
        ("terabyte", 10**12, ("TB", "太字节")),
        ("petabyte", 10**15, ("PB", "拍字节")),
        ("exabyte", 10**18, ("EB", "艾字节")),
    )
    for name, size, surfaces in sizes:
        add(UnitSpec(name, f"{size} * byte", surfaces, UnitKind.MEASURE))

    # Dimensionless.
    add(UnitSpec("percent", "0.01", ("%",), UnitKind.RATIO))
    add(UnitSpec("permille", "0.001", ("‰", "千分之"), UnitKind.RATIO))
    add(UnitSpec("percentage_point", "0.01", ("百分点", "个百分点"), UnitKind.RATIO))
    add(UnitSpec("times", "1", ("倍",), UnitKind.RATIO))
    for surface, stem, factor in _MULTIPLIERS:
        add(UnitSpec(f"x_{stem}", str(factor), (surface,), UnitKind.MULTIPLIER))

    # Time, as a denominator only ("人/年", "万元/年").
    add(UnitSpec("year", "[time]", ("年",), UnitKind.TIME))
    return tuple(specs)


def _index(specs: tuple[UnitSpec, ...]) -> tuple[dict[str, UnitSpec], dict[str, UnitSpec]]:
    """Index specs by internal name and surface, rejecting clashes at import."""
    by_name: dict[str, UnitSpec] = {}
    by_surface: dict[str, UnitSpec] = {}
    for spec in specs:
        if not spec.name.isidentifier() or not spec.name.isascii() or spec.name in by_name:
            raise RuntimeError(f"bad or duplicate internal unit name {spec.name!r}")
        if "/" in spec.canonical:
            # Compound units are rendered "a/b"; a slash in a simple canonical
            # spelling would make that rendering ambiguous.
            raise RuntimeError(f"canonical spelling {spec.canonical!r} contains '/'")
        by_name[spec.name] = spec
        for surface in spec.surfaces:
            if surface in by_surface:
                raise RuntimeError(f"duplicate unit spelling {surface!r}")
            by_surface[surface] = spec
    return by_name, by_surface


def _dimensions_of(specs: tuple[UnitSpec, ...]) -> dict[str, Mapping[str, int]]:
    """Each unit's dimension exponents, as pint's ``dimensionality`` would give them.

    Every definition is a base dimension (``[currency]``), a number (dimensionless) or
    ``factor * other_unit``, so a unit has the dimensions of the unit it ends with.
    """
    dimensions: dict[str, Mapping[str, int]] = {}
    for spec in specs:
        if spec.is_base:
            dimensions[spec.name] = MappingProxyType({spec.definition: 1})
        else:
            last = spec.definition.rsplit("*", 1)[-1].strip()
            dimensions[spec.name] = dimensions.get(last, MappingProxyType({}))
    return dimensions


@functools.cache
def registry() -> pint.UnitRegistry[Decimal]:
    """The pint registry, built on first use."""
    import pint

    # ``None`` as the definitions file leaves the registry empty.
    built: pint.UnitRegistry[Decimal] = pint.UnitRegistry(
        None, on_redefinition="raise", non_int_type=Decimal
    )
    for spec in SPECS:
        if spec.pint_name == spec.name:
            built.define(f"{spec.name} = {spec.definition}")
        else:
            # name = definition = symbol = alias: the readable name prints, the ASCII
            # name still resolves (definitions above refer to units by it).
            built.define(f"{spec.pint_name} = {spec.definition} = _ = {spec.name}")
    # pint pickles a quantity for its application registry, which has none of these
    # units: a quantity sent to another process (multiprocessing) comes back through
    # this registry instead.
    copyreg.pickle(built.Quantity, _reduce_quantity)
    return built


def _reduce_quantity(
    quantity: Quantity,
) -> tuple[Callable[..., Quantity], tuple[Decimal, tuple[tuple[str, Any], ...]]]:
    return _unpickle_quantity, (quantity.magnitude, tuple(quantity.unit_items()))


def _unpickle_quantity(magnitude: Decimal, units: Iterable[tuple[str, Any]]) -> Quantity:
    built = registry()
    unit = built.Unit("")
    for name, power in units:
        unit *= built.Unit(name) ** power
    return built.Quantity(magnitude, unit)


SPECS: Final[tuple[UnitSpec, ...]] = _build_specs()
_by_name, _by_surface = _index(SPECS)
BY_NAME: Final[Mapping[str, UnitSpec]] = MappingProxyType(_by_name)
BY_SURFACE: Final[Mapping[str, UnitSpec]] = MappingProxyType(_by_surface)
DIMENSIONS: Final[Mapping[str, Mapping[str, int]]] = MappingProxyType(_dimensions_of(SPECS))
_by_pint_name = {spec.pint_name: spec for spec in SPECS}
if len(_by_pint_name) != len(SPECS):
    raise RuntimeError("two units share a printed name")
BY_PINT_NAME: Final[Mapping[str, UnitSpec]] = MappingProxyType(_by_pint_name)

# Counter dimension (e.g. "[household]") -> the internal name of its base unit.
COUNTER_BASES: Final[Mapping[str, str]] = MappingProxyType(
    {spec.definition: spec.name for spec in SPECS if spec.kind is UnitKind.COUNTER and spec.is_base}
)


@functools.lru_cache(maxsize=1024)
def unit_named(name: str, per: str | None = None) -> pint.Unit:
    """The registry unit for an internal name from ``BY_NAME`` (divided by ``per``)."""
    unit = registry().Unit(name)
    return unit if per is None else divide(unit, registry().Unit(per))


def divide(numerator: pint.Unit, denominator: pint.Unit) -> pint.Unit:
    """``numerator / denominator`` (pint's operator is untyped)."""
    return cast("pint.Unit", numerator / denominator)


def is_own_quantity(obj: object) -> bool:
    """Whether ``obj`` is a quantity of this registry (pint silently mixes registries)."""
    return isinstance(obj, registry().Quantity)


def make_quantity(magnitude: Decimal | int, unit: pint.Unit) -> Quantity:
    """An exact (Decimal) quantity in ``unit``."""
    return registry().Quantity(Decimal(magnitude), unit)


def scale(quantity: Quantity, unit: pint.Unit) -> Quantity:
    """``quantity * unit`` (pint's operator is untyped)."""
    return cast("Quantity", quantity * unit)


def spec_of(pint_name: str) -> UnitSpec | None:
    """The unit a name from ``Quantity.unit_items()`` stands for."""
    return BY_PINT_NAME.get(pint_name)


def unit_names(quantity: Quantity) -> tuple[str, ...]:
    """The internal unit names ``quantity`` is expressed in."""
    names = []
    for name, _ in quantity.unit_items():
        spec = BY_PINT_NAME.get(name)
        names.append(spec.name if spec is not None else name)
    return tuple(names)
