"""``dump``: a plan object written back as one plan file that loads to an equal plan."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from plancheck._atomic import write_atomic
from plancheck.loading._discover import PLAN_FILE
from plancheck.loading._memory import plan_data
from plancheck.model import Plan


def _writer() -> YAML:
    # The safe representer quotes every string YAML 1.2 would read as something else
    # ("1.5", "true", "null"), which is the schema the loader reads.
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.width = 4096
    yaml.version = None
    return yaml


def _source_last(data: Any) -> Any:
    # The model declares ``source`` first (it is on every entity's base); a reader
    # wants what the entity is before where it is written.
    if isinstance(data, dict):
        ordered = {key: _source_last(value) for key, value in data.items() if key != "source"}
        if "source" in data:
            ordered["source"] = _source_last(data["source"])
        return ordered
    if isinstance(data, list):
        return [_source_last(item) for item in data]
    return data


def dumps(plan: Plan) -> str:
    """The plan as the text of one self-contained plan file (part files merged in)."""
    stream = io.StringIO()
    _writer().dump(_source_last(plan_data(plan, self_contained=True)), stream)
    return stream.getvalue()


def dump(plan: Plan, path: str | os.PathLike[str]) -> Path:
    """Write ``plan`` as one plan file at ``path`` (atomically) and return the file.

    An existing directory gets its ``plan.yaml``. Part files are merged in, so the file
    stands alone: ``load(dump(plan, p))`` equals ``plan`` except for an empty ``parts``.
    ``source_document.path`` is written as it is, relative to the new file.
    """
    target = Path(path)
    if target.is_dir():
        target = target / PLAN_FILE
    write_atomic(target, dumps(plan))
    return target
