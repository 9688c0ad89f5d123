"""Example plancheck plugin: project names must say what kind of undertaking they are."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from plancheck import Fail, NotApplicable, PlanIndex, Project, register_check


@register_check(
    "project-name-has-suffix",
    given="projects",
    params={"suffixes": {"type": "array", "items": {"type": "string"}, "minItems": 1}},
    defaults={"suffixes": ["工程", "项目"]},
)
def project_name_has_suffix(
    project: Project, index: PlanIndex, params: Mapping[str, Any]
) -> Iterator[Fail | NotApplicable]:
    """A project's name ends in one of the configured suffixes."""
    suffixes: list[str] = params["suffixes"]
    if not project.name.strip():
        yield NotApplicable("the project has no name")
        return
    if not project.name.endswith(tuple(suffixes)):
        yield Fail(
            args={"project": project.name, "suffixes": "、".join(suffixes)},
            evidence={"name": project.name},
            field="name",
        )
