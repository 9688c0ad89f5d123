"""How a run ended, for the formats that record it (SARIF ``invocations``, JUnit's time).

A module of its own so that the command line can describe its run without importing
the SARIF writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Invocation:
    """How the run ended, for SARIF ``invocations``.

    Times are optional so that the default output stays byte-identical for the same
    input; the CLI adds them only when asked (see ``plancheck check --timestamps``).
    """

    exit_code: int
    start: datetime | None = None
    end: datetime | None = None
