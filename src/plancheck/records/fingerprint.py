"""Semantic fingerprints: what a finding is about, not where it happens to be written."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Finding.fingerprint calls this module
    from plancheck.records.finding import Finding


def fingerprint(finding: Finding) -> str:
    """Rule, plan id, subject key and the values involved (evidence) — never line numbers.

    Reordering or reformatting the YAML leaves it unchanged; changing a value the
    finding is about changes it.
    """
    parts = [finding.rule, finding.plan_id, finding.subject.key]
    parts += [f"{name}={value}" for name, value in finding.evidence]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]
