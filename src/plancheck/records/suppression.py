"""Why a finding that was found does not count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a finding found in this run does not count (see :mod:`plancheck.review`)."""

    kind: Literal["waiver", "inline", "baseline"]
    origin: str  # where the decision is written: ``waivers.yaml:3``, ``plan.yaml:7``, a baseline
    reason: str = ""  # the waiver's or the comment's reason; empty for the baseline
    approved_by: str = ""
    expires: str = ""
