"""The records every layer shares: positions, findings, rules, reports, suppressions.

This package imports nothing else from plancheck, so loading, the engine, the review and
the outputs can all depend on it without depending on one another.
"""

from plancheck.records.checkdoc import CheckDoc
from plancheck.records.codes import INTERNAL_ERROR, MANDATORY
from plancheck.records.compose import compose_finding
from plancheck.records.diagnostic import Diagnostic
from plancheck.records.finding import Finding
from plancheck.records.fingerprint import fingerprint
from plancheck.records.plan_card import PlanCard
from plancheck.records.position import SourcePosition, YamlLocation
from plancheck.records.report import PlanReport, Report
from plancheck.records.rule import Example, Examples, ExpectedFinding, Rule, Text, render
from plancheck.records.severity import Severity
from plancheck.records.subject import Subject, file_subject
from plancheck.records.suppression import Suppression
from plancheck.records.verdict import Outcome, RuleStats, SubjectResult, merge_stats

__all__ = [
    "INTERNAL_ERROR",
    "MANDATORY",
    "CheckDoc",
    "Diagnostic",
    "Example",
    "Examples",
    "ExpectedFinding",
    "Finding",
    "Outcome",
    "PlanCard",
    "PlanReport",
    "Report",
    "Rule",
    "RuleStats",
    "Severity",
    "SourcePosition",
    "Subject",
    "SubjectResult",
    "Suppression",
    "Text",
    "YamlLocation",
    "compose_finding",
    "file_subject",
    "fingerprint",
    "merge_stats",
    "render",
]
