"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Paths are relative to ``root`` (default: the current directory, normally the
repository root in CI) under the ``%SRCROOT%`` base id; files outside it get an
absolute ``file:`` URI. ``partialFingerprints["plancheck/v1"]`` is the semantic
:func:`~plancheck.engine.fingerprint.fingerprint`, so alerts survive reformatting;
when several results of one run share it, the second and later get ``:2``, ``:3``…
appended so that no two results are merged into one alert.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from plancheck._version import __version__
from plancheck.engine.finding import Finding, Severity, SourcePosition
from plancheck.engine.fingerprint import fingerprint
from plancheck.engine.report import Report
from plancheck.engine.rule import Rule
from plancheck.outputs._common import (
    Suppressed,
    absolute_path,
    active,
    relative_path,
    root_path,
    suppressed,
)
from plancheck.outputs.ruledoc import rule_markdown

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "plancheck/v1"
# Used when the installed distribution names no home page (``[project.urls]``).
DEFAULT_INFORMATION_URI = "https://plancheck.invalid/"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def sarif_level(severity: Severity) -> str:
    return _LEVELS[severity]


def information_uri() -> str:
    """The project's home page from the installed metadata, else a placeholder."""
    try:
        urls = metadata("plancheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "documentation", "source"}:
            url = url.strip()
            if url.startswith(("https://", "http://")):
                return url
    return DEFAULT_INFORMATION_URI


def _artifact_location(file: str, root: Path) -> dict[str, Any] | None:
    relative = relative_path(file, root)
    if relative is not None:
        return {"uri": quote(relative, safe="/", errors="surrogateescape"), "uriBaseId": SRCROOT}
    if not file:
        return None
    return {"uri": absolute_path(file).as_uri()}


def _region(line: int, column: int | None) -> dict[str, int]:
    region = {"startLine": max(line, 1)}
    if column is not None and column >= 1:
        region["startColumn"] = column
    return region


def _rule_descriptor(code: str, rule: Rule | None, name: str, lang: str) -> dict[str, Any]:
    if rule is None:
        # A finding from a rule the report does not describe (e.g. a plugin's).
        return {
            "id": code,
            "name": name or code,
            "shortDescription": {"text": name or code},
            "fullDescription": {"text": name or code},
            "help": {"text": name or code, "markdown": f"# {code} {name}".rstrip() + "\n"},
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": []},
        }
    title = rule.title.get(lang)
    help_text = f"{title}\n\n{rule.description.strip()}\n\n{rule.rationale.strip()}\n"
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": rule.description.strip()},
        "help": {"text": help_text, "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": sarif_level(rule.severity)},
        "properties": {"tags": [rule.family]},
    }


def _rules(
    report: Report, findings: Iterable[Finding]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    names: dict[str, str] = {}
    for finding in findings:
        names.setdefault(finding.rule, finding.name)
    codes = sorted(set(report.rules) | set(names))
    descriptors = [
        _rule_descriptor(code, report.rules.get(code), names.get(code, ""), report.lang)
        for code in codes
    ]
    return descriptors, {code: index for index, code in enumerate(codes)}


def _source_location(source: SourcePosition, root: Path, lang: str) -> dict[str, Any] | None:
    artifact = _artifact_location(source.file, root)
    if artifact is None:
        return None
    return {
        "id": 1,
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": _region(source.line, source.column),
        },
        "message": {"text": "原文位置" if lang == "zh" else "position in the source document"},
    }


def _result(
    finding: Finding,
    rule_index: int,
    partial: str,
    root: Path,
    lang: str,
    suppression: Suppressed | None,
) -> dict[str, Any]:
    location: dict[str, Any] = {}
    artifact = _artifact_location(finding.file, root)
    if artifact is not None:
        location["physicalLocation"] = {
            "artifactLocation": artifact,
            "region": _region(finding.line, finding.column),
        }
    subject = finding.subject
    location["logicalLocations"] = [
        {
            "name": subject.id or subject.key,
            "fullyQualifiedName": subject.key,
            "kind": subject.kind,
            "properties": {"displayName": subject.name},
        }
    ]
    properties: dict[str, Any] = {"subject": subject.key, "plan": finding.plan}
    if finding.plan_id:
        properties["planId"] = finding.plan_id
    if finding.location is not None and finding.location.pointer:
        properties["pointer"] = finding.location.pointer
    if finding.evidence:
        properties["evidence"] = dict(finding.evidence)
    hint = finding.hint(lang)
    if hint:
        properties["hint"] = hint
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": {"text": finding.message(lang)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: partial},
    }
    if finding.source is not None:
        related = _source_location(finding.source, root, lang)
        if related is not None:
            result["relatedLocations"] = [related]
    if suppression is not None:
        result["suppressions"] = [
            {
                "kind": "inSource" if suppression.in_source else "external",
                "state": "accepted",
                "justification": suppression.justification(lang),
            }
        ]
    result["properties"] = properties
    return result


def sarif_document(report: Report, *, root: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    base = root_path(root)
    lang = report.lang
    hidden = suppressed(report)
    entries: list[tuple[Finding, Suppressed | None]] = [(f, None) for f in active(report)]
    entries += [(item.finding, item) for item in hidden]
    entries.sort(key=lambda entry: entry[0].sort_key())
    descriptors, indices = _rules(report, (finding for finding, _ in entries))
    seen: dict[str, int] = {}
    results = []
    for finding, suppression in entries:
        semantic = fingerprint(finding)
        seen[semantic] = seen.get(semantic, 0) + 1
        partial = semantic if seen[semantic] == 1 else f"{semantic}:{seen[semantic]}"
        results.append(_result(finding, indices[finding.rule], partial, base, lang, suppression))
    driver: dict[str, Any] = {
        "name": "plancheck",
        "version": __version__,
        "informationUri": information_uri(),
        "rules": descriptors,
    }
    if _SEMVER.match(__version__):
        driver["semanticVersion"] = __version__
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}},
        "language": "zh" if lang == "zh" else "en",
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "failOn": report.fail_on.value,
            "plans": [
                {"path": relative_path(plan.path, base) or plan.path, "id": plan.plan_id}
                for plan in report.plans
            ],
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(report: Report, *, root: str | os.PathLike[str] | None = None) -> str:
    document = sarif_document(report, root=root)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
