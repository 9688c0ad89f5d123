"""A private copy of the Baoji corpus, edited with ruamel's round-trip mode.

Edits go through ruamel's round-trip loader and dumper, so comments, quoting and
layout of everything not edited stay as they are, as a reviewer's hand edit would.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import CORPUS

Edit = Callable[[Any], None]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never re-wrap long quotes
    yaml.preserve_quotes = True
    return yaml


def copy_corpus(folder: Path) -> Path:
    """A copy of the Baoji plan directory under ``folder``."""
    target = folder / CORPUS.name
    shutil.copytree(CORPUS, target)
    return target


def edit(plan_dir: Path, part: str, change: Edit) -> None:
    """Load ``part`` round-trip, apply ``change`` to its data, write it back."""
    path = plan_dir / part
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def entity(data: Any, key: str, entity_id: str) -> Any:
    """The entity with ``id`` ``entity_id`` in the list ``key`` of a part file."""
    return next(item for item in data[key] if item.get("id") == entity_id)
