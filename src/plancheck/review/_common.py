"""What the review modules share: the error for unusable files, rule codes, subjects."""

from __future__ import annotations

import re

from plancheck.records import MANDATORY

UNUSED = "PC009"
EXPIRED = "PC010"
INVALID = "PC011"
REVIEW_CODES = frozenset({UNUSED, EXPIRED, INVALID})
# Never waived, ignored or baselined: findings about the review itself, and findings
# that mean a plan could not be read (and so was not checked).
NEVER_SUPPRESSED = REVIEW_CODES | MANDATORY

RULE_CODE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")


class ReviewFileError(Exception):
    """A waivers or baseline file that cannot be used at all; one line, exit code 2."""
