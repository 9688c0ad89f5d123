"""Loading and validating rule files against the check registry."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from plancheck._limits import param_problem
from plancheck._reader.parse import YamlProblem, parse_yaml
from plancheck._reader.read import ReadProblem, read_text
from plancheck._resources import rules_dir
from plancheck.engine._params import params_error
from plancheck.engine._shipped import shipped_rules
from plancheck.engine.registry import CheckRegistry, CheckSpec
from plancheck.engine.selectors import SELECTORS
from plancheck.engine.set_selectors import SET_SELECTORS
from plancheck.records import Rule


class RuleFileError(Exception):
    """A rule file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All known rules by code, with the check each one runs."""

    rules: Mapping[str, Rule]
    checks: Mapping[str, CheckSpec]
    files: Mapping[str, str]
    # Codes whose parameters (with their check's defaults) were validated when the
    # compact catalogue was built; only a configuration's overrides need checking.
    prevalidated: frozenset[str] = field(default=frozenset(), compare=False)

    def __iter__(self) -> Iterator[Rule]:
        return iter([self.rules[code] for code in sorted(self.rules)])

    def get(self, code: str) -> Rule | None:
        return self.rules.get(code)


def read_rule_data(path: Path) -> Any:
    """A rule file's data as parsed (not yet validated)."""
    display = path.as_posix()
    try:
        return parse_yaml(read_text(path, display)).data
    except ReadProblem as problem:
        raise RuleFileError(str(problem.diagnostic)) from None
    except YamlProblem as problem:
        raise RuleFileError(
            f"{display}:{problem.line}:{problem.column}: {problem.message}"
        ) from None


def _parse_rule(path: Path) -> Rule:
    return rule_from_data(read_rule_data(path), path.as_posix())


def rule_from_data(data: Any, display: str) -> Rule:
    """A Rule from a rule file's data; ``display`` names the file in errors."""
    try:
        return Rule.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise RuleFileError(
            f"{display}: 规则文件无效 / invalid rule file at {where}: {first['msg']}"
        ) from None


def validate_params(
    rule: Rule,
    spec: CheckSpec,
    params: Mapping[str, Any],
    origin: str,
    *,
    schema_checked: bool = False,
) -> BaseModel:
    """The check's typed parameters from ``params``; bad ones name ``origin`` and the option.

    ``schema_checked``: ``params`` are a shipped rule's own, validated against the schema
    when the compact catalogue was built, so only the typed instance is made.
    """
    for name, value in params.items():
        bound = param_problem(value)
        if bound is not None:
            raise RuleFileError(f"{origin}: {rule.code} 参数无效 / bad parameter {name}: {bound}")
    if not schema_checked:
        problem = params_error(spec.name, spec.params_schema, params)
        if problem is not None:
            raise RuleFileError(f"{origin}: {rule.code} 参数无效 / bad parameter {problem}")
    try:
        return spec.params.model_validate(dict(params))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "params"
        message = first["msg"]
    raise RuleFileError(f"{origin}: {rule.code} 参数无效 / bad parameter {where}: {message}")


def load_catalogue(
    registry: CheckRegistry, extra_files: Iterable[Path] = (), *, compact: bool = True
) -> Catalogue:
    """The shipped rules and ``extra_files``, checked against ``registry``.

    The shipped rules come from their compact pre-validated form when it matches the
    rule files (see ``_shipped``); ``compact=False`` always parses and validates them.
    """
    rules: dict[str, Rule] = {}
    files: dict[str, str] = {}
    checks: dict[str, CheckSpec] = {}
    shipped = sorted(rules_dir().glob("*.yaml"))
    prevalidated = shipped_rules(shipped, registry) if compact else None
    for path in shipped + list(extra_files):
        known = prevalidated.get(path) if prevalidated is not None else None
        rule = known if known is not None else _parse_rule(path)
        origin = path.as_posix()
        if rule.code in rules:
            raise RuleFileError(
                f"{origin}: 规则代码重复 / rule code {rule.code} already defined in "
                f"{files[rule.code]}"
            )
        if rule.given not in SELECTORS and rule.given not in SET_SELECTORS:
            raise RuleFileError(
                f"{origin}: 未知的 given / unknown `given` {rule.given!r} "
                f"(known: {', '.join(sorted({*SELECTORS, *SET_SELECTORS}))})"
            )
        if rule.check is not None:
            spec = registry.get(rule.check)
            if spec is None:
                raise RuleFileError(
                    f"{origin}: 未注册的检查函数 / check function {rule.check!r} is not registered"
                )
            if spec.given != rule.given:
                raise RuleFileError(
                    f"{origin}: check {rule.check!r} applies to {spec.given!r}, not {rule.given!r}"
                )
            if known is None:
                validate_params(rule, spec, rule.params, origin)
            checks[rule.code] = spec
        rules[rule.code] = rule
        files[rule.code] = origin
    done = frozenset(rule.code for rule in (prevalidated or {}).values() if rule.code in rules)
    return Catalogue(rules, checks, files, done)
