"""Evaluations of a plan against actuals: 年度、中期、总结评估."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, PrivateAttr, StrictInt, model_validator

from plancheck._factories import empty_list
from plancheck.model._base import DATE_PATTERN, ID_PATTERN, Node
from plancheck.quantities import Value


class EvaluationKind(StrEnum):
    ANNUAL = "annual"  # 年度评估 (年度计划执行情况)
    MIDTERM = "midterm"  # 中期评估
    FINAL = "final"  # 总结评估


class Assessment(StrEnum):
    """The status an evaluation report gives an indicator."""

    MET = "met"  # 已完成 / 提前完成
    NOT_MET = "not-met"  # 未完成
    ON_TRACK = "on-track"  # 符合序时进度
    LAGGING = "lagging"  # 滞后于序时进度


class EvaluationResult(Node):
    """One indicator's actual as the evaluation reports it."""

    indicator: str = Field(pattern=ID_PATTERN, description="Id of the plan's indicator.")
    year: StrictInt | None = Field(
        default=None,
        ge=1000,
        le=9999,
        description="Year of the actual; defaults to the evaluation's data year.",
    )
    actual: Value | None = Field(
        default=None, description="The actual as the report writes it (`62.5%`, `40.1513万亿元`)."
    )
    status: Assessment | None = Field(
        default=None, description="What the report says: met, not-met, on-track, lagging."
    )
    quote: str | None = Field(default=None, min_length=1, description="The report's words.")

    _evaluation: str = PrivateAttr(default="")
    _data_year: int = PrivateAttr(default=0)

    @property
    def evaluation(self) -> str:
        """Id of the evaluation this result belongs to."""
        return self._evaluation

    @property
    def actual_year(self) -> int:
        """The year the actual is for."""
        return self.year if self.year is not None else self._data_year

    @property
    def key(self) -> str:
        suffix = f"/{self.year}" if self.year is not None and self.year != self._data_year else ""
        return f"evaluations/{self._evaluation}/results/{self.indicator}{suffix}"


class Tally(Node):
    """A count the report gives: "28个指标中25个已完成，完成率89.3%"."""

    quote: str = Field(min_length=1, description="The sentence as written.")
    met: StrictInt | None = Field(default=None, ge=0, description="How many are met.")
    not_met: StrictInt | None = Field(default=None, ge=0, description="How many are not met.")
    of: StrictInt | None = Field(default=None, ge=1, description="Out of how many.")
    rate: Value | None = Field(default=None, description="The completion rate as written.")

    _evaluation: str = PrivateAttr(default="")
    _number: int = PrivateAttr(default=0)

    @property
    def key(self) -> str:
        return f"evaluations/{self._evaluation}/tallies/{self._number}"


class Evaluation(Node):
    """An evaluation report on the plan: its data year and what it found."""

    id: str = Field(pattern=ID_PATTERN)
    kind: EvaluationKind
    year: StrictInt = Field(ge=1000, le=9999, description="The data year (actuals as of).")
    issued: str | None = Field(
        default=None,
        pattern=DATE_PATTERN,
        description="When the report was issued: `2013-10-25`, `2013-10` or `2013`.",
    )
    submitted_to: str | None = Field(
        default=None, min_length=1, description="Who it was submitted to (e.g. 县人大常委会)."
    )
    source: str | None = Field(
        default=None,
        min_length=1,
        description="The report as published (title, 文号 or address); it is a document of "
        "its own, not a line of the plan's text.",
    )
    results: list[EvaluationResult] = Field(default_factory=empty_list)
    tallies: list[Tally] = Field(default_factory=empty_list)

    @property
    def key(self) -> str:
        return f"evaluations/{self.id}"

    @model_validator(mode="after")
    def _own_parts(self) -> Evaluation:
        for result in self.results:
            result._evaluation = self.id
            result._data_year = self.year
        for number, tally in enumerate(self.tallies, start=1):
            tally._evaluation = self.id
            tally._number = number
        return self
