"""How much a finding matters."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is, ordered by rank: ``INFO < WARNING < ERROR``.

    The value is the lowercase name (what files and flags spell), but comparisons and
    sorting go by :attr:`rank`, never alphabetically: ``severity >= Severity.WARNING``
    keeps errors. Comparing with a plain string is a ``TypeError``, not a silent
    alphabetical answer.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on thresholds."""
        return _RANKS[self.value]

    def _other_rank(self, other: str) -> int:
        if not isinstance(other, Severity):
            raise TypeError(
                f"cannot order Severity against {type(other).__name__}; use Severity({other!r})"
            )
        return other.rank

    # ``str`` declares these with a ``str`` argument, so the overrides must accept
    # one too; anything that is not a Severity is refused at run time.
    def __lt__(self, other: str) -> bool:
        return self.rank < self._other_rank(other)

    def __le__(self, other: str) -> bool:
        return self.rank <= self._other_rank(other)

    def __gt__(self, other: str) -> bool:
        return self.rank > self._other_rank(other)

    def __ge__(self, other: str) -> bool:
        return self.rank >= self._other_rank(other)


_RANKS = {"info": 0, "warning": 1, "error": 2}
