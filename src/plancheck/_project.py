"""Where the project lives: the one place its public addresses are written down.

SARIF ``informationUri`` and each rule's ``helpUri``, the schemas' ``$id`` and the
README's pre-commit ``repo:`` all derive from :data:`REPOSITORY`; rule pages are
linked at the release tag of the running version so that a report's help matches
the rules that produced it.
"""

from __future__ import annotations

from plancheck._version import __version__

REPOSITORY = "https://github.com/plancheck/plancheck"
# Raw files (schemas) are served from the default branch: editors fetch the newest.
RAW = "https://raw.githubusercontent.com/plancheck/plancheck/main"


def release_ref(version: str = __version__) -> str:
    """The git ref documentation links point at: the version's tag, else ``main``."""
    if version and version[0].isdigit() and "+" not in version and "dev" not in version:
        return f"v{version}"
    return "main"


def rule_doc_url(code: str, version: str = __version__) -> str:
    """The rule's documentation page (``docs/rules/PCnnn.md``) at this release."""
    return f"{REPOSITORY}/blob/{release_ref(version)}/docs/rules/{code}.md"


def schema_url(name: str) -> str:
    """The public address of a checked-in schema (``schemas/<name>``), used as its ``$id``."""
    return f"{RAW}/schemas/{name}"
