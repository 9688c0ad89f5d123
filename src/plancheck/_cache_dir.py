"""The result cache's folder: where it is, and how it marks itself as a cache.

Shared by the per-plan cache (``plancheck.engine.cache``) and the replay of unchanged
runs (``plancheck.cli._replay``), which must find it without importing the engine.
"""

from __future__ import annotations

import os
from pathlib import Path

from plancheck._atomic import write_atomic

CACHE_ENV = "PLANCHECK_CACHE_DIR"
DEFAULT_DIR = ".plancheck_cache"


def default_cache_dir() -> Path:
    """``$PLANCHECK_CACHE_DIR`` when set, else ``.plancheck_cache`` here."""
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_DIR)


def prepare_cache_dir(folder: Path) -> None:
    """Create ``folder`` if needed, marked so that git and backup tools leave it out."""
    if (folder / ".gitignore").is_file():
        return
    folder.mkdir(parents=True, exist_ok=True)
    # Like pytest's cache: the folder keeps itself out of version control and tells
    # backup tools it can be rebuilt.
    write_atomic(folder / ".gitignore", "# created by plancheck\n*\n")
    write_atomic(
        folder / "CACHEDIR.TAG",
        "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by plancheck.\n",
    )
