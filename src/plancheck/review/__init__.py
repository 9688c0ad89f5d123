"""Review decisions applied to a report: waivers, inline ignores and baselines.

* :mod:`~plancheck.review.waivers` — the reviewed ``waivers.yaml`` (model and loading);
* :mod:`~plancheck.review.inline` — ``# plancheck: ignore[PC101] reason`` comments;
* :mod:`~plancheck.review.baseline` — fingerprints of accepted findings (JSON file);
* :mod:`~plancheck.review.apply` — :func:`apply_review`, which applies them to a Report
  and reports unused (PC009), expired (PC010) and invalid (PC011) waivers and ignores.
"""

from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names
from plancheck.review._common import WAIVERS_FILE, ReviewFileError
from plancheck.review.apply import ReviewStream, apply_review
from plancheck.review.inline import InlineIgnore, scan_file, scan_text

if TYPE_CHECKING:
    from plancheck.review.baseline import (
        Baseline,
        BaselineEntry,
        baseline_of,
        load_baseline,
        render_baseline,
        write_baseline,
    )
    from plancheck.review.waivers import (
        InvalidWaiver,
        Waiver,
        WaiverFile,
        load_waivers,
        parse_waivers,
    )

# A run reads a waivers file or a baseline only when there is one: their modules are
# imported on first use.
_BASELINE = "plancheck.review.baseline"
_WAIVERS = "plancheck.review.waivers"
_LAZY = {
    "Baseline": _BASELINE,
    "BaselineEntry": _BASELINE,
    "baseline_of": _BASELINE,
    "load_baseline": _BASELINE,
    "render_baseline": _BASELINE,
    "write_baseline": _BASELINE,
    "InvalidWaiver": _WAIVERS,
    "Waiver": _WAIVERS,
    "WaiverFile": _WAIVERS,
    "load_waivers": _WAIVERS,
    "parse_waivers": _WAIVERS,
}
__getattr__, __dir__ = lazy_names(globals(), _LAZY)

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
