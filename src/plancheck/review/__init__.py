"""Review decisions applied to a report: waivers, inline ignores and baselines.

* :mod:`~plancheck.review.waivers` — the reviewed ``waivers.yaml`` (model and loading);
* :mod:`~plancheck.review.inline` — ``# plancheck: ignore[PC101] reason`` comments;
* :mod:`~plancheck.review.baseline` — fingerprints of accepted findings (JSON file);
* :mod:`~plancheck.review.apply` — :func:`apply_review`, which applies them to a Report
  and reports unused (PC009), expired (PC010) and invalid (PC011) waivers and ignores.
"""

from plancheck.review._common import ReviewFileError
from plancheck.review.apply import ReviewStream, apply_review
from plancheck.review.baseline import (
    Baseline,
    BaselineEntry,
    baseline_of,
    load_baseline,
    render_baseline,
    write_baseline,
)
from plancheck.review.inline import InlineIgnore, scan_file, scan_text
from plancheck.review.waivers import (
    WAIVERS_FILE,
    InvalidWaiver,
    Waiver,
    WaiverFile,
    load_waivers,
    parse_waivers,
)

__all__ = [
    "WAIVERS_FILE",
    "Baseline",
    "BaselineEntry",
    "InlineIgnore",
    "InvalidWaiver",
    "ReviewFileError",
    "ReviewStream",
    "Waiver",
    "WaiverFile",
    "apply_review",
    "baseline_of",
    "load_baseline",
    "load_waivers",
    "parse_waivers",
    "render_baseline",
    "scan_file",
    "scan_text",
    "write_baseline",
]
