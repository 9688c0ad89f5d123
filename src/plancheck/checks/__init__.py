"""plancheck's own check functions, one module per rule family.

Importing this package registers them; rule files refer to them by name.
"""

from plancheck.checks import (
    agencies,
    arithmetic,
    changes,
    cycles,
    empty_cells,
    encodings,
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
    "arithmetic",
    "changes",
    "cycles",
    "empty_cells",
    "encodings",
    "funding",
    "metadata",
    "period",
    "quotes",
    "references",
    "sources",
    "targets",
    "traceability",
]
