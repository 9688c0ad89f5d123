"""The private registry: empty start, table integrity."""

from __future__ import annotations

import pint
import pytest

from plancheck.quantities import QuantityError, canonical_unit, known_units, parse_unit
from plancheck.quantities._registry import BY_NAME, BY_SURFACE, SPECS, UREG, UnitKind


@pytest.mark.parametrize("pint_default", ["meter", "second", "kilogram", "hour", "inch"])
def test_registry_has_none_of_pints_default_units(pint_default: str) -> None:
    with pytest.raises(pint.errors.UndefinedUnitError):
        UREG.Unit(pint_default)


def test_registry_defines_exactly_the_table() -> None:
    defined = {name for name in UREG._units if name != "dimensionless"}
    # Each unit is named by its readable spelling where that is an identifier, with
    # the ASCII name as an alias.
    assert defined == {spec.pint_name for spec in BY_NAME.values()} | set(BY_NAME)
    assert {"亿元", "万户", "Mbps", "percent"} <= defined


def test_every_surface_spelling_resolves_to_its_spec() -> None:
    for surface, spec in BY_SURFACE.items():
        if spec.kind is UnitKind.TIME:
            continue
        assert canonical_unit(surface) == spec.canonical
        assert parse_unit(surface) == UREG.Unit(spec.name)


def test_canonical_spellings_are_slash_free_and_round_trip() -> None:
    for unit in known_units():
        assert "/" not in unit
        assert canonical_unit(unit) == unit


def test_known_units_excludes_denominator_only_time() -> None:
    assert "年" not in known_units()
    assert "万户" in known_units()
    assert len(known_units()) == len([s for s in SPECS if s.kind is not UnitKind.TIME])


def test_time_only_as_denominator() -> None:
    with pytest.raises(QuantityError, match="denominator"):
        parse_unit("年")
    with pytest.raises(QuantityError, match="denominator"):
        parse_unit("年/人")
    assert str(parse_unit("人/年")) == "人 / 年"
