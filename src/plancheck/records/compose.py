"""Composing a finding from a rule's templates: one routine for the engine and the review."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from plancheck.records.finding import Finding
from plancheck.records.position import SourcePosition, YamlLocation
from plancheck.records.rule import Rule
from plancheck.records.severity import Severity
from plancheck.records.subject import Subject


def compose_finding(
    rule: Rule,
    severity: Severity,
    args: Mapping[str, object],
    subject: Subject,
    location: YamlLocation | None,
    *,
    variant: str | None = None,
    entity: YamlLocation | None = None,
    source: SourcePosition | None = None,
    evidence: Iterable[tuple[str, str]] = (),
    plan: str = "",
    plan_id: str = "",
) -> Finding:
    """The finding ``rule`` reports with ``args``, its message and hint in both languages.

    ``variant`` picks one of the rule's alternative messages; evidence is sorted so the
    fingerprint does not depend on the order a check listed it in.
    """
    template = rule.messages.get(variant, rule.message) if variant else rule.message
    hint_zh = hint_en = None
    if rule.hint is not None:
        hint_zh = rule.render(rule.hint, args, "zh")
        hint_en = rule.render(rule.hint, args, "en")
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=severity,
        message_zh=rule.render(template, args, "zh"),
        message_en=rule.render(template, args, "en"),
        subject=subject,
        location=location,
        entity=entity,
        source=source,
        evidence=tuple(sorted(evidence)),
        hint_zh=hint_zh,
        hint_en=hint_en,
        plan=plan,
        plan_id=plan_id,
    )
