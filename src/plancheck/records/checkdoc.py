"""What a rule's documentation says about the check function behind it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CheckDoc:
    """The registered check a rule names: where its code is and what it takes.

    Built by the engine (``engine.checksource.check_doc``) so that rule pages, rendered
    by the outputs, never need the engine itself.
    """

    name: str  # the registered name, e.g. ``unplanned-project``
    function: (
        str  # the qualified function, e.g. ``plancheck.checks.traceability.unplanned_project``
    )
    file: str  # relative to the package's import root, e.g. ``plancheck/checks/traceability.py``
    defaults: Mapping[str, object] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)  # option -> description
