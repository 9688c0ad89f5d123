"""The package version: the single place it is written (pyproject.toml reads it from here).

A literal rather than ``importlib.metadata.version("plancheck")``, which costs tens of
milliseconds at every start-up.
"""

__version__ = "0.1.0"
