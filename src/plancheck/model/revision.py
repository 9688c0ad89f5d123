"""Revisions (调整修订): the recorded changes of a plan after it was first approved."""

from __future__ import annotations

from pydantic import Field

from plancheck._factories import empty_list
from plancheck.model._base import DATE_PATTERN, ID_PATTERN, Entity


class Revision(Entity):
    """One recorded revision: who approved it, by which document, and why.

    A plan may be changed only through the procedure that made it (经评估需要调整修订的，
    由牵头编制部门提出方案 … 审核、批准和公布), so a revision records its approver and
    reason. ``covers`` names, by key, what it changed that no entity of this version can
    carry a note for: entities it removed (``projects/x``).
    """

    id: str = Field(pattern=ID_PATTERN)
    date: str | None = Field(
        default=None,
        pattern=DATE_PATTERN,
        description="When it was approved: `2013`, `2013-06` or `2013-06-30`.",
    )
    document_number: str | None = Field(
        default=None, min_length=1, description="文号 of the approving document."
    )
    approved_by: str | None = Field(
        default=None, min_length=1, description="The body that approved it, e.g. 宝鸡市人民政府."
    )
    reason: str | None = Field(default=None, min_length=1, description="Why the plan changed.")
    evaluation: str | None = Field(
        default=None,
        min_length=1,
        description="The evaluation (中期评估) it follows, by its id or title.",
    )
    covers: list[str] = Field(
        default_factory=empty_list,
        description="Keys of what it changed that this version no longer holds (removed "
        "entities, e.g. `projects/x`).",
    )

    @property
    def key(self) -> str:
        return f"revisions/{self.id}"
