"""Rule codes with a meaning beyond their own rule."""

from __future__ import annotations

#: A check function raised: the rule could not judge its subject.
INTERNAL_ERROR = "PC000"

# A plan that cannot be read is not checked at all: these rules always run, at error
# severity, and their findings are never waived or baselined, so no configuration can
# turn "could not check" into "passed".
MANDATORY = frozenset({INTERNAL_ERROR, "PC001", "PC002", "PC003", "PC004"})
