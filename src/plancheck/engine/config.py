"""User configuration: `.plancheck.yaml` or `[tool.plancheck]` in pyproject.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from plancheck._factories import empty_dict, empty_list
from plancheck._reader.parse import MAX_VALUES, MAX_VALUES_LIMIT, YamlProblem, parse_yaml
from plancheck._reader.read import DEFAULT_MAX_BYTES, ReadProblem, read_text
from plancheck.engine._pyproject import PyprojectError, plancheck_table
from plancheck.records import Severity

CONFIG_FILE = ".plancheck.yaml"
# A configuration found in a repository is not trusted to lift the limit without bound.
MAX_FILE_BYTES_LIMIT = 1024 * 1024 * 1024


class ConfigError(Exception):
    """A configuration that cannot be used; one line naming the file and the problem."""


class Config(BaseModel):
    """What to check and how; every field has a safe default."""

    # Built when a configuration is first validated: most runs have none and take the
    # defaults (``default_config``), and building this model is ~3 ms of every start-up.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    select: list[str] = Field(
        default_factory=empty_list,
        description="Codes, code prefixes, names or families; empty = all.",
    )
    ignore: list[str] = Field(default_factory=empty_list)
    severity: dict[str, Severity] = Field(
        default_factory=empty_dict, description="Severity overrides by rule code."
    )
    params: dict[str, dict[str, Any]] = Field(
        default_factory=empty_dict, description="Parameter overrides by rule code."
    )
    rules: list[str] = Field(default_factory=empty_list, description="Extra rule files.")
    plugins: list[str] = Field(
        default_factory=empty_list, description="Installed `plancheck.checks` entry points to load."
    )
    lang: Literal["zh", "en"] = "en"
    fail_on: Severity = Severity.ERROR
    max_file_bytes: int = Field(
        default=DEFAULT_MAX_BYTES,
        gt=0,
        le=MAX_FILE_BYTES_LIMIT,
        description="Largest plan or part file read, in bytes (at most 1 GiB).",
    )
    max_values: int = Field(
        default=MAX_VALUES,
        gt=0,
        le=MAX_VALUES_LIMIT,
        description="Most YAML values (scalars, lists, mappings) in one plan or part file "
        "(default 500,000, about 21,000 projects; at most 5,000,000).",
    )
    waivers: str | None = Field(
        default=None, description="Waivers file, relative to the configuration file."
    )

    # Where the file came from, so relative rule paths resolve against it and
    # errors can name it.
    base_dir: Path = Field(default=Path(), exclude=True)
    origin: str = Field(default="", exclude=True)

    def rule_files(self) -> list[Path]:
        return [self.base_dir / path for path in self.rules]


def default_config() -> Config:
    """``Config()``: every field at its default, without building the model's validator
    (the defaults are the model's own and need no validation)."""
    return Config.model_construct()


def _validated(data: Any, origin: str, base: Path) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: 配置必须是映射 / configuration must be a mapping")
    try:
        return Config.model_validate({**data, "base_dir": base, "origin": origin})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(
            f"{origin}: 配置无效 / invalid configuration at {where}: {first['msg']}"
        ) from None


def load_config_file(path: Path) -> Config:
    display = path.as_posix()
    if path.name == "pyproject.toml":
        try:
            table = plancheck_table(path, display, explicit=True)
        except PyprojectError as exc:
            raise ConfigError(str(exc)) from None
        return _validated(table or {}, display, path.parent)
    try:
        data = parse_yaml(read_text(path, display)).data
    except ReadProblem as problem:
        raise ConfigError(str(problem.diagnostic)) from None
    except YamlProblem as problem:
        raise ConfigError(f"{display}:{problem.line}:{problem.column}: {problem.message}") from None
    return _validated(data, display, path.parent)


def find_config(start: Path) -> Path | None:
    """The nearest `.plancheck.yaml`, else a pyproject.toml with [tool.plancheck]."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        yaml_file = candidate / CONFIG_FILE
        if yaml_file.is_file():
            return yaml_file
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                found = plancheck_table(pyproject, pyproject.as_posix())
            except PyprojectError as exc:
                raise ConfigError(str(exc)) from None
            if found is not None:
                return pyproject
    return None


def load_config(start: Path | None = None) -> Config:
    found = find_config(start or Path.cwd())
    return load_config_file(found) if found is not None else default_config()
