"""The rule engine: rules as data, checks as registered functions, findings out.

Import what you need from its modules (``engine.api`` for :class:`Checker`,
``engine.registry`` for plugins); this package itself imports nothing, so loading one
part of the engine does not load the rest. The public names are re-exported from
:mod:`plancheck`.
"""
