"""A plan's report as plain JSON data and back, exactly (equal records, same order).

Used by the result cache and by parallel workers. JSON, not pickle: a cache folder may
come from anywhere, and reading it must never run code. Nested records are named per
field in fixed tables below; scalar fields are copied as they are, so a field added to
a record round-trips without touching this module (the tests check every field).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from plancheck.records import (
    Finding,
    Outcome,
    PlanCard,
    PlanReport,
    RuleStats,
    Severity,
    SourcePosition,
    Subject,
    SubjectResult,
    YamlLocation,
)


def _flat(record: Any) -> dict[str, Any] | None:
    if record is None:
        return None
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _encode_finding(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {f.name: getattr(finding, f.name) for f in fields(finding)}
    data["severity"] = finding.severity.value
    data["subject"] = _flat(finding.subject)
    data["location"] = _flat(finding.location)
    data["source"] = _flat(finding.source)
    data["entity"] = _flat(finding.entity)
    data["evidence"] = [list(pair) for pair in finding.evidence]
    return data


def _optional(kind: Any, data: dict[str, Any] | None) -> Any:
    return None if data is None else kind(**data)


def _decode_finding(data: dict[str, Any]) -> Finding:
    values = dict(data)
    values["severity"] = Severity(data["severity"])
    values["subject"] = Subject(**data["subject"])
    values["location"] = _optional(YamlLocation, data["location"])
    values["source"] = _optional(SourcePosition, data["source"])
    values["entity"] = _optional(YamlLocation, data["entity"])
    values["evidence"] = tuple((str(a), str(b)) for a, b in data["evidence"])
    return Finding(**values)


def _encode_result(result: SubjectResult) -> dict[str, Any]:
    data: dict[str, Any] = {f.name: getattr(result, f.name) for f in fields(result)}
    data["subject"] = _flat(result.subject)
    data["outcome"] = result.outcome.value
    return data


def _decode_result(data: dict[str, Any]) -> SubjectResult:
    values = dict(data)
    values["subject"] = Subject(**data["subject"])
    values["outcome"] = Outcome(data["outcome"])
    return SubjectResult(**values)


def encode_report(report: PlanReport) -> dict[str, Any]:
    """``report`` as JSON-ready data."""
    data: dict[str, Any] = {f.name: getattr(report, f.name) for f in fields(report)}
    data["findings"] = [_encode_finding(finding) for finding in report.findings]
    data["results"] = [_encode_result(result) for result in report.results]
    data["stats"] = [[code, _flat(stats)] for code, stats in report.stats.items()]
    data["files"] = list(report.files)
    data["card"] = _flat(report.card)
    return data


def decode_report(data: dict[str, Any]) -> PlanReport:
    """The report ``encode_report`` was given; raises KeyError/TypeError/ValueError on
    data it did not write."""
    values = dict(data)
    values["findings"] = [_decode_finding(item) for item in data["findings"]]
    values["results"] = [_decode_result(item) for item in data["results"]]
    values["stats"] = {str(code): RuleStats(**stats) for code, stats in data["stats"]}
    values["files"] = [str(file) for file in data["files"]]
    values["card"] = _optional(PlanCard, data.get("card"))
    return PlanReport(**values)
