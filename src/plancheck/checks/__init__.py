"""plancheck's own check functions, one module per rule family.

Importing this package registers them; rule files refer to them by name. The progress
view (``progress_table``) shares PC901's judgement, so it is built here too; it is
imported on first use, as only ``plancheck progress`` needs it.
"""

from typing import TYPE_CHECKING

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


def __getattr__(name: str) -> object:
    if name != "progress_table":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from plancheck.checks._progress import progress_table

    globals()[name] = progress_table
    return progress_table


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
