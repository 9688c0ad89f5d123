"""Semantic fingerprints: what a finding is about, not where it happens to be written."""

from __future__ import annotations

from plancheck.engine.finding import Finding


def fingerprint(finding: Finding) -> str:
    """The finding's :attr:`~plancheck.Finding.fingerprint` (kept for the review modules)."""
    return finding.fingerprint
