"""Hypothesis's entry point (group ``hypothesis``): ``st.from_type(Plan)`` and friends.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported; the strategies
themselves are imported only when a test first draws from them, so importing Hypothesis
stays cheap for projects that never use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from plancheck.model import Agency, Indicator, Plan, Project
    from plancheck.quantities import Value


def _plan() -> SearchStrategy[Plan]:
    from plancheck.strategies import plans

    return plans()


def _value() -> SearchStrategy[Value]:
    from plancheck.strategies import quantities

    return quantities()


def _agency() -> SearchStrategy[Agency]:
    from plancheck.strategies import agencies

    return agencies().map(lambda found: found[0])


def _indicator() -> SearchStrategy[Indicator]:
    from plancheck.strategies import indicators

    return indicators().map(lambda found: found[0])


def _project() -> SearchStrategy[Project]:
    from plancheck.strategies import projects

    return projects().map(lambda found: found[0])


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from plancheck.model import Agency, Indicator, Plan, Project
    from plancheck.quantities import Value

    st.register_type_strategy(Plan, st.deferred(_plan))
    st.register_type_strategy(Value, st.deferred(_value))
    st.register_type_strategy(Agency, st.deferred(_agency))
    st.register_type_strategy(Indicator, st.deferred(_indicator))
    st.register_type_strategy(Project, st.deferred(_project))
