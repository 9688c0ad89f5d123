"""Checks on the rules themselves, as functions returning the problems they find.

Kept apart from the tests so that each can be shown to fail on a deliberately broken
rule (a misspelt placeholder, a renamed file, an unused check, an unexercised variant).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ruamel.yaml import YAML

from plancheck import Finding, Rule
from plancheck.engine.registry import CheckRegistry
from plancheck.records import Text

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_LANGUAGE_SUFFIX = re.compile(r"_(zh|en)$")
MAIN = "(main)"  # the name of a rule's main message among its variants


def placeholders(template: str) -> list[str]:
    """The ``{name}`` placeholders of a template, in order (``{{``/``}}`` are literal)."""
    return _PLACEHOLDER.findall(template.replace("{{", "").replace("}}", ""))


def templates(rule: Rule) -> dict[str, Text]:
    """Every message template of a rule: the main message, each variant, the hint."""
    found = {"message": rule.message}
    found.update({f"messages.{name}": text for name, text in sorted(rule.messages.items())})
    if rule.hint is not None:
        found["hint"] = rule.hint
    return found


def language_problems(rule: Rule) -> list[str]:
    """zh and en templates must use the same placeholders (``x_zh`` pairs with ``x_en``)."""
    problems = []
    for where, text in templates(rule).items():
        zh, en = placeholders(text.zh), placeholders(text.en)
        wrong = [f"zh uses {{{n}}}" for n in zh if n.endswith("_en")]
        wrong += [f"en uses {{{n}}}" for n in en if n.endswith("_zh")]
        zh_base = {_LANGUAGE_SUFFIX.sub("", n) for n in zh}
        en_base = {_LANGUAGE_SUFFIX.sub("", n) for n in en}
        if zh_base != en_base:
            wrong.append(
                f"only zh has {sorted(zh_base - en_base)}, only en has {sorted(en_base - zh_base)}"
            )
        problems += [f"{rule.code} {where}: {problem}" for problem in wrong]
    return problems


def file_name_problems(directory: Path) -> list[str]:
    """Each rule file must be named after the code it defines."""
    problems = []
    for path in sorted(directory.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        code = data.get("code") if isinstance(data, dict) else None
        if code != path.stem:
            problems.append(f"{path.name}: defines {code!r}; a rule file is named after its code")
    return problems


def own_checks(registry: CheckRegistry, package: str = "plancheck.checks") -> set[str]:
    """The checks that ``package`` registers (plugins loaded by other tests are not ours)."""
    names = set()
    for name in registry.names():
        spec = registry.get(name)
        if spec is not None and spec.function.__module__.startswith(package + "."):
            names.add(name)
    return names


def check_usage_problems(rules: Iterable[Rule], registered: set[str]) -> list[str]:
    """Every registered check is used by some rule, and every rule's check is registered."""
    rules = list(rules)
    used = {rule.check for rule in rules if rule.check is not None}
    problems = [f"check {name!r} is registered but no rule uses it" for name in registered - used]
    problems += [
        f"{rule.code} names check {rule.check!r}, which is not registered"
        for rule in rules
        if rule.check is not None and rule.check not in registered
    ]
    return sorted(problems)


def rendered_problems(findings: Iterable[Finding]) -> list[str]:
    """A rendered message or hint never shows a brace: every placeholder was filled."""
    problems = []
    for finding in findings:
        texts = {
            "message zh": finding.message_zh,
            "message en": finding.message_en,
            "hint zh": finding.hint_zh or "",
            "hint en": finding.hint_en or "",
        }
        for where, text in texts.items():
            if "{" in text or "}" in text:
                problems.append(f"{finding.rule} {finding.subject.key} {where}: {text}")
    return problems


def _pattern(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)
    # Even positions are literal text (with {{ }} escapes), odd ones placeholder names.
    literal = [re.escape(part.replace("{{", "{").replace("}}", "}")) for part in parts[0::2]]
    return re.compile("(.*?)".join(literal), re.DOTALL)


def _literal_length(template: str) -> int:
    return len(_PLACEHOLDER.sub("", template))


def variant_of(rule: Rule, finding: Finding) -> str | None:
    """Which of the rule's messages (``MAIN`` or a variant name) a finding was rendered from.

    The most specific template whose zh and en forms both match wins; None if none does.
    """
    candidates: Mapping[str, Text] = {MAIN: rule.message, **rule.messages}
    matching = [
        (_literal_length(text.en) + _literal_length(text.zh), name)
        for name, text in candidates.items()
        if _pattern(text.zh).fullmatch(finding.message_zh)
        and _pattern(text.en).fullmatch(finding.message_en)
    ]
    return max(matching)[1] if matching else None


def unexercised_variants(rule: Rule, findings: Iterable[Finding]) -> list[str]:
    """Messages of the rule that none of ``findings`` was rendered from."""
    used = {variant_of(rule, finding) for finding in findings}
    return sorted({MAIN, *rule.messages} - used)
