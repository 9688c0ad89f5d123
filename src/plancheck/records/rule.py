"""A rule as written in ``rules/*.yaml``: code, texts, selector, check and options."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from plancheck._factories import empty_dict
from plancheck._limits import (
    MAX_MESSAGE_CHARS,
    MAX_TEMPLATE_CHARS,
    MAX_VALUE_CHARS,
    shorten,
)
from plancheck.records.severity import Severity

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Text(BaseModel):
    """A text in both languages of plancheck's users."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class ExpectedFinding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    severity: Severity | None = None


class Example(BaseModel):
    """A documented case; the test suite runs every one of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    plan: str | None = Field(
        default=None, description="Plan YAML added to a minimal plan (metadata only)."
    )
    text: str | None = Field(default=None, description="A whole plan file, verbatim.")
    waivers: str | None = Field(
        default=None, description="A waivers.yaml beside the plan (review rules)."
    )
    base: str | None = Field(
        default=None,
        description="Plan YAML of the earlier version, added to a minimal plan like `plan` "
        "(revision rules judge the change from it to `plan`).",
    )
    plans: tuple[str, ...] = Field(
        default=(),
        description="Other whole plan files checked in the same run (set-level rules: the "
        "upper-level plans the example's plan links to).",
    )
    params: dict[str, Any] | None = Field(
        default=None, description="Parameter overrides for this case, as a user would set them."
    )
    findings: tuple[ExpectedFinding, ...] = ()


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    passing: tuple[Example, ...] = Field(alias="pass", min_length=1)
    failing: tuple[Example, ...] = Field(alias="fail", min_length=1)


class Rule(BaseModel):
    """One rule. Nothing in it is ever evaluated: ``check`` names a registered function."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[A-Z]{2,5}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    family: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    severity: Severity
    title: Text
    message: Text
    messages: dict[str, Text] = Field(default_factory=empty_dict)
    hint: Text | None = None
    description: str = Field(min_length=1, description="What it checks (English).")
    rationale: str = Field(min_length=1, description="Why it matters (English).")
    principle: str | None = Field(default=None, description="The plan principle it enforces.")
    given: str
    check: str | None = Field(
        default=None, description="Registered check function; none for load-time rules."
    )
    params: dict[str, Any] = Field(default_factory=empty_dict)
    examples: Examples | None = Field(
        default=None, description="Documented pass/fail cases; required for every rule but PC000."
    )

    @field_validator("message", "hint")
    @classmethod
    def _placeholders_are_names(cls, value: Text | None) -> Text | None:
        if value is not None:
            for text in (value.zh, value.en):
                _check_template(text)
        return value

    def render(self, template: Text, args: Mapping[str, object], lang: str) -> str:
        return render(template.get(lang), args)


def _check_template(text: str) -> None:
    if len(text) > MAX_TEMPLATE_CHARS:
        raise ValueError(
            f"message templates may have at most {MAX_TEMPLATE_CHARS:,} characters "
            f"(this one has {len(text):,})"
        )
    # Only {name} placeholders: no attribute access or indexing, so a rule file
    # cannot reach into the objects passed to it.
    stripped = _PLACEHOLDER.sub("", text.replace("{{", "").replace("}}", ""))
    if "{" in stripped or "}" in stripped:
        raise ValueError(f"message templates may only use {{name}} placeholders: {text!r}")


def render(template: str, args: Mapping[str, object]) -> str:
    """Fill ``{name}`` placeholders; unknown names are left visible, never an error.

    Each value is quoted shortened to MAX_VALUE_CHARS and the message to
    MAX_MESSAGE_CHARS, so a 60,000-character name makes an ordinary finding.
    """

    if "{" not in template and "}" not in template:
        return shorten(template, MAX_MESSAGE_CHARS)  # most hints: nothing to fill
    rendered = []
    for pieces in _compiled(template):
        # pieces alternate text and placeholder names: text, name, text, … text
        filled = list(pieces)
        for at in range(1, len(pieces), 2):
            name = pieces[at]
            filled[at] = (
                shorten(str(args[name]), MAX_VALUE_CHARS) if name in args else f"{{{name}}}"
            )
        rendered.append("".join(filled).replace("}}", "}"))
    return shorten("{".join(rendered), MAX_MESSAGE_CHARS)


@lru_cache(maxsize=1024)
def _compiled(template: str) -> tuple[tuple[str, ...], ...]:
    """A template split once at its ``{{`` escapes and then at its placeholders.

    Every finding of a rule renders the same few templates: they are parsed once.
    """
    return tuple(tuple(_PLACEHOLDER.split(part)) for part in template.split("{{"))
