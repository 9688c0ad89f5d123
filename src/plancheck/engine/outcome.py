"""What check functions return; the engine turns these into findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from plancheck.model import Node
from plancheck.records import Severity


@dataclass(frozen=True, slots=True)
class Fail:
    """The subject fails the rule.

    ``args`` fill the rule's message templates; ``evidence`` records the values
    involved (with units) and is part of the finding's fingerprint; ``node``
    points the finding at another entity than the one checked (e.g. the 专栏
    after a numbering gap); ``variant`` picks an alternative message of the rule.
    """

    args: Mapping[str, object] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)
    severity: Severity | None = None
    node: Node | None = None
    field: str | None = None
    variant: str | None = None


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """The rule cannot judge this subject; ``reason`` says why (shown in reports)."""

    reason: str


Result = Fail | NotApplicable
