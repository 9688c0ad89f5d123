"""What the review modules share: the error for unusable files, rule codes, subjects."""

from __future__ import annotations

import re

from plancheck.records import MANDATORY, Finding

UNUSED = "PC009"
EXPIRED = "PC010"
INVALID = "PC011"
REVIEW_CODES = frozenset({UNUSED, EXPIRED, INVALID})
# Never waived, ignored or baselined: findings about the review itself, and findings
# that mean a plan could not be read (and so was not checked).
NEVER_SUPPRESSED = REVIEW_CODES | MANDATORY

# The waivers file looked for beside a configuration and in the working directory.
WAIVERS_FILE = "waivers.yaml"

RULE_CODE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")


class ReviewFileError(Exception):
    """A waivers or baseline file that cannot be used at all; one line, exit code 2."""


def baselinable(finding: Finding) -> bool:
    """Findings about waivers and inline ignores are never baselined: an expired waiver
    must not be accepted as debt."""
    return finding.rule not in NEVER_SUPPRESSED
