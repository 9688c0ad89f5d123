"""Run times for SARIF ``invocations`` without giving up reproducible output.

Times are written only when asked (``--timestamps``): the same input must give
byte-identical reports, and a wall-clock time would differ on every run. When
``SOURCE_DATE_EPOCH`` is set (the reproducible-builds convention), it replaces the
clock, so a pipeline that wants times *and* identical files gets both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from plancheck.cli._errors import UsageError

Clock = Callable[[], datetime]


def run_clock(environ: Mapping[str, str] = os.environ) -> Clock:
    raw = environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return lambda: datetime.now(UTC)
    try:
        fixed = datetime.fromtimestamp(int(raw), UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH 必须是秒数 / SOURCE_DATE_EPOCH must be whole seconds: {raw!r}"
        ) from None
    return lambda: fixed
