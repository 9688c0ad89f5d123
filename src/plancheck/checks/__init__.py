"""plancheck's own check functions, one module per rule family.

Importing this package registers them; rule files refer to them by name. The progress
view (``progress_table``) shares PC901's judgement, so it is built here too; it is
imported on first use, as only ``plancheck progress`` needs it.
"""

from typing import TYPE_CHECKING

from plancheck._lazy import lazy_names
from plancheck.checks import (
    agencies,
    alignment,
    arithmetic,
    changes,
    cycles,
    empty_cells,
    encodings,
    evaluation,
    funding,
    metadata,
    period,
    quotes,
    references,
    revision,
    sources,
    targets,
    traceability,
)

if TYPE_CHECKING:
    from plancheck.checks._progress import progress_table


__getattr__, __dir__ = lazy_names(globals(), {"progress_table": "plancheck.checks._progress"})


__all__ = [
    "agencies",
    "alignment",
    "arithmetic",
    "changes",
    "cycles",
    "empty_cells",
    "encodings",
    "evaluation",
    "funding",
    "metadata",
    "period",
    "progress_table",
    "quotes",
    "references",
    "revision",
    "sources",
    "targets",
    "traceability",
]
