"""Optional integrations with testing tools.

Each submodule needs an optional dependency and imports it at its top, so import the
submodule you use, never this package's contents:

* :mod:`plancheck.integrations.strategies`: Hypothesis strategies producing plan data
  (needs ``hypothesis``; install ``plancheck[hypothesis]``);
* :mod:`plancheck.integrations.pytest_plugin`: a pytest plugin collecting plan files as
  test items and providing the ``plancheck_check`` fixture (needs ``pytest``).
"""

__all__: list[str] = []
