"""What the document declares about itself: totals, counts and identities."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, StrictInt, model_validator

from plancheck._factories import empty_list
from plancheck.model._base import ID_PATTERN, Entity, Node
from plancheck.quantities import Value


class Total(Entity):
    """A declared total, such as the appendix's 合计, and what it sums."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1, description="The label as written, e.g. 合计.")
    value: Value = Field(description="The total as written; bare numbers are in `currency`.")
    projects: Literal["all"] | list[str] = Field(
        default="all", description="`all`, or the ids of the projects it totals."
    )
    category: str | None = Field(
        default=None, description="Only the projects listed under this category heading."
    )

    @property
    def key(self) -> str:
        return f"totals/{self.id}"


class DeclaredCount(Entity):
    """A number the text announces (八大工程, 九大产业集群) and the items it lists."""

    id: str = Field(pattern=ID_PATTERN)
    phrase: str = Field(min_length=1, description="The counting phrase as written.")
    count: StrictInt = Field(ge=0, description="The number the phrase announces.")
    items: list[str] = Field(default_factory=empty_list, description="The items enumerated.")
    open_ended: StrictBool = Field(
        default=False, description="The enumeration ends in 等, so it may be incomplete."
    )
    of: str | None = Field(
        default=None,
        pattern=r"^(project-categories|boxes|box:[0-9]+|section:[0-9]+(\.[0-9]+)*)$",
        description="The structure it counts, when it counts one: `project-categories` (the "
        "appendix's category headings), `boxes`, `box:<n>` (the items of 专栏n) or "
        "`section:<path>` (the subsections of a section).",
    )

    @property
    def key(self) -> str:
        return f"counts/{self.id}"


class Term(Node):
    """One side of an identity: a claim, an indicator's value in a year, or a literal."""

    claim: str | None = None
    indicator: str | None = None
    year: StrictInt | None = None
    value: Value | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Term:
        given = [x for x in (self.claim, self.indicator, self.value) if x is not None]
        if len(given) != 1:
            raise ValueError("a term names exactly one of: claim, indicator (with year), value")
        if self.indicator is not None and self.year is None:
            raise ValueError("an indicator term needs a year")
        return self


class Identity(Entity):
    """A relation the text states, e.g. 固定 + 移动 = 电话用户总数."""

    id: str = Field(pattern=ID_PATTERN)
    statement: str | None = Field(default=None, description="The sentence stating it.")
    total: Term
    components: list[Term] = Field(min_length=1)

    @property
    def key(self) -> str:
        return f"identities/{self.id}"
