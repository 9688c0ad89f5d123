"""Example plancheck plugin: project names must say what kind of undertaking they are."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from plancheck import CheckParams, Fail, NotApplicable, PlanIndex, Project, register_check


class SuffixParams(CheckParams):
    """The options of EX001; a rule file or the configuration may override them."""

    suffixes: tuple[str, ...] = Field(
        default=("工程", "项目"),
        min_length=1,
        description="words a project's name may end with",
    )


@register_check("project-name-has-suffix", given="projects", params=SuffixParams)
def project_name_has_suffix(
    project: Project, index: PlanIndex, params: SuffixParams
) -> Iterator[Fail | NotApplicable]:
    """A project's name ends in one of the configured suffixes."""
    if not project.name.strip():
        yield NotApplicable("the project has no name")
        return
    if not project.name.endswith(params.suffixes):
        yield Fail(
            args={"project": project.name, "suffixes": "、".join(params.suffixes)},
            evidence={"name": project.name},
            field="name",
        )
