"""What the set phase needs to know about a plan without reading it again."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlanCard:
    """A checked plan as other plans of the run may name it, and whether it names any.

    The set phase resolves a ``based_on`` entry by id, 文号 or full title; ``links`` says
    whether the plan itself has anything the set-level rules judge (``based_on``,
    ``aligns_with``, ``cite``). A run whose plans link to nothing needs no plan again,
    and one that does reads again only the linking plans and the plans they name.
    """

    title: str
    document_number: str | None = None
    links: bool = False
