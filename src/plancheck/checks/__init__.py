"""plancheck's own check functions, one module per rule family.

Importing this package registers them; rule files refer to them by name.
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
    sources,
    targets,
    traceability,
)

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
    "quotes",
    "references",
    "sources",
    "targets",
    "traceability",
]
