"""plancheck's own check functions, one module per rule family.

Importing this package registers them; rule files refer to them by name. The progress
view (``progress_table``) shares PC901's judgement, so it is built here too.
"""

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
from plancheck.checks._progress import progress_table

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
