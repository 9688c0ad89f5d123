"""Hypothesis strategies for plans and their revisions (install ``plancheck[hypothesis]``).

* :func:`quantities`, :func:`agencies`, :func:`indicators`, :func:`projects`: plan parts;
* :func:`plans`: whole plans that every rule passes (``st.from_type(Plan)`` draws these
  too, through Hypothesis's entry point);
* :func:`revisions`: a revised plan with the diff it must produce;
* :func:`violations`: a plan broken so that one rule fires, for every rule.

This module needs ``hypothesis``; ``import plancheck`` never imports it.
"""

from plancheck.strategies._data import CURRENCIES, PlanShape
from plancheck.strategies._parts import agencies, indicators, plans, projects, quantities
from plancheck.strategies._revisions import Revised, revisions
from plancheck.strategies._violations import Violation, violation_codes, violations

__all__ = [
    "CURRENCIES",
    "PlanShape",
    "Revised",
    "Violation",
    "agencies",
    "indicators",
    "plans",
    "projects",
    "quantities",
    "revisions",
    "violation_codes",
    "violations",
]
