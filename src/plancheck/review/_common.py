"""What the review modules share: the error for unusable files, rule codes, subjects."""

from __future__ import annotations

import re

UNUSED = "PC009"
EXPIRED = "PC010"
INVALID = "PC011"
REVIEW_CODES = frozenset({UNUSED, EXPIRED, INVALID})

RULE_CODE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")


class ReviewFileError(Exception):
    """A waivers or baseline file that cannot be used at all; one line, exit code 2."""
