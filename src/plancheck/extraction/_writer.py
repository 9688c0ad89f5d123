"""Writing the draft as a plan directory: plan.yaml, part files and source.txt, atomically."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from plancheck._atomic import write_atomic
from plancheck.extraction._draft import Draft, Item

SOURCE_NAME: Final = "source.txt"
PARTS: Final = (
    ("sections.yaml", ("sections",)),
    ("boxes.yaml", ("boxes",)),
    ("indicators.yaml", ("indicators",)),
    ("agencies.yaml", ("agencies",)),
    ("projects.yaml", ("projects",)),
    ("declarations.yaml", ("totals", "counts")),
    ("claims.yaml", ("claims",)),
)
_HEADER: Final = (
    "Drafted by `plancheck extract` from {source}; review before use.\n"
    "Fields marked `unsure:` are the extractor's guesses."
)


def _commented(value: Any) -> Any:
    if isinstance(value, Item):
        mapping = CommentedMap()

        # Scalars, then ``source``, then nested lists and mappings: a heading's source
        # stays next to its title instead of after all its subsections.
        def rank(entry: tuple[str, Any]) -> int:
            key, inner = entry
            if key == "source":
                return 1
            return 2 if isinstance(inner, (list, Item)) else 0

        ordered = sorted(value.fields.items(), key=rank)
        for key, inner in ordered:
            mapping[key] = _commented(inner)
            if key in value.unsure:
                mapping.yaml_add_eol_comment(f"unsure: {value.unsure[key]}", key)
        return mapping
    if isinstance(value, dict):
        mapping = CommentedMap(value)
        if set(value) <= {"line", "quote", "column", "section"}:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        return CommentedSeq([_commented(inner) for inner in value])
    return value


def _dump(document: CommentedMap, header: str) -> str:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    document.yaml_set_start_comment(header)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def render_files(draft: Draft, rendering: bytes, source_label: str) -> dict[str, bytes]:
    """File name -> content of the plan directory (deterministic)."""
    header = _HEADER.format(source=source_label)
    files: dict[str, bytes] = {}
    parts: list[str] = []
    for name, keys in PARTS:
        document = CommentedMap()
        for key in keys:
            entries = getattr(draft, key)
            if entries:
                document[key] = _commented(entries)
        if document:
            parts.append(name)
            files[name] = _dump(document, header).encode("utf-8")
    plan = _commented(draft.meta)
    plan["currency"] = plan.get("currency", "万元")
    plan["source_document"] = CommentedMap(
        path=SOURCE_NAME, sha256=hashlib.sha256(rendering).hexdigest()
    )
    if parts:
        plan["parts"] = CommentedSeq(parts)
    files["plan.yaml"] = _dump(plan, header).encode("utf-8")
    files[SOURCE_NAME] = rendering
    return files


def write_plan(directory: Path, files: dict[str, bytes]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(files):
        target = directory / name
        write_atomic(target, files[name])
        written.append(target)
    return written
