"""Which rules run, at what severity, with which parameters, from the configuration."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from plancheck.engine.catalogue import Catalogue, RuleFileError, validate_params
from plancheck.engine.config import Config, ConfigError
from plancheck.engine.params import NoParams
from plancheck.engine.registry import CheckSpec
from plancheck.records import Rule, Severity

# A plan that cannot be read is not checked at all: these rules always run, at error
# severity, and their findings are never waived or baselined, so no configuration can
# turn "could not check" into "passed".
MANDATORY = frozenset({"PC000", "PC001", "PC002", "PC003", "PC004"})


@dataclass(frozen=True, slots=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    params: BaseModel  # the check's parameter model, validated
    spec: CheckSpec | None


def _matches(selector: str, rule: Rule) -> bool:
    return (
        selector == "ALL" or rule.code.startswith(selector) or selector in (rule.family, rule.name)
    )


def _check_tokens(tokens: list[str], catalogue: Catalogue, what: str) -> None:
    for token in tokens:
        if not any(_matches(token, rule) for rule in catalogue.rules.values()):
            raise ConfigError(f"未知的规则 / unknown rule, prefix or family in {what}: {token!r}")


def resolve(catalogue: Catalogue, config: Config) -> list[ActiveRule]:
    """The active rules; configuration errors name the configuration file."""
    try:
        return _resolve(catalogue, config)
    except ConfigError as exc:
        if config.origin and not str(exc).startswith(config.origin):
            raise ConfigError(f"{config.origin}: {exc}") from None
        raise


def _resolve(catalogue: Catalogue, config: Config) -> list[ActiveRule]:
    _check_tokens(config.select, catalogue, "select")
    _check_tokens(config.ignore, catalogue, "ignore")
    for where, codes in (("severity", config.severity), ("params", config.params)):
        for code in codes:
            if code not in catalogue.rules:
                raise ConfigError(f"未知的规则代码 / unknown rule code in {where}: {code!r}")
    for code in sorted(MANDATORY & ({*config.ignore} | {*config.severity})):
        raise ConfigError(
            f"{code} 不能忽略或降级：无法读取的规划根本没有被检查 / {code} cannot be ignored "
            "or downgraded: a plan that cannot be read is not checked at all"
        )
    active = []
    for code in sorted(catalogue.rules):
        rule = catalogue.rules[code]
        selected = not config.select or any(_matches(t, rule) for t in config.select)
        ignored = any(_matches(t, rule) for t in config.ignore)
        if code not in MANDATORY and (not selected or ignored):
            continue
        spec = catalogue.checks.get(code)
        params: BaseModel = NoParams()
        if spec is not None:
            given = {**rule.params, **config.params.get(code, {})}
            try:
                params = validate_params(rule, spec, given, config.origin or "configuration")
            except RuleFileError as exc:
                raise ConfigError(str(exc)) from None
        elif code in config.params:
            raise ConfigError(f"规则 {code} 没有参数 / rule {code} takes no parameters")
        active.append(ActiveRule(rule, config.severity.get(code, rule.severity), params, spec))
    return active
