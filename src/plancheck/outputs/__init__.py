"""Output formats: each takes a Report and returns text; none of them touches the engine."""

from plancheck.outputs.json_format import render_json
from plancheck.outputs.text_format import render_text

FORMATS = ("text", "json")

__all__ = ["FORMATS", "render_json", "render_text"]
