"""The one place where failures become a single line on stderr and exit code 2."""

from __future__ import annotations


class UsageError(Exception):
    """A problem with how plancheck was called or with its inputs; exit code 2."""
