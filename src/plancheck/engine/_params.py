"""Rule parameters checked against their check's JSON Schema, one compiled validator each.

``jsonschema.validate`` re-checks the schema against the meta-schema on every call;
here each check's schema is checked once and its validator kept. jsonschema itself is
imported only when a parameter set is validated: the shipped rules were validated when
their compact catalogue was built, so a run without user parameters never needs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

# Check name -> (the schema object the validator was built from, the validator).
_VALIDATORS: dict[str, tuple[Mapping[str, Any], Validator]] = {}


def _validator(name: str, schema: Mapping[str, Any]) -> Validator:
    cached = _VALIDATORS.get(name)
    if cached is not None and cached[0] is schema:
        return cached[1]
    import jsonschema

    plain = dict(schema)
    kind = jsonschema.validators.validator_for(plain)
    kind.check_schema(plain)
    validator: Validator = kind(plain)
    _VALIDATORS[name] = (schema, validator)
    return validator


def params_error(name: str, schema: Mapping[str, Any], params: Mapping[str, Any]) -> str | None:
    """The first problem with ``params`` as ``jsonschema.validate`` reports it, else None.

    The message is ``where: what``, ``where`` being the dotted path into the parameters.
    """
    import jsonschema

    validator = _validator(name, schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(dict(params)))
    if error is None:
        return None
    where = ".".join(str(p) for p in error.absolute_path) or "params"
    return f"{where}: {error.message}"
