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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from plancheck._project import REPOSITORY, rule_doc_url
from plancheck._resources import rules_dir
from plancheck._version import __version__
from plancheck.outputs._common import (
    Suppressed,
    absolute_path,
    active,
    display_path,
    relative_path,
    root_path,
    subject_name,
    suppressed,
)
from plancheck.outputs.ruledoc import rule_markdown
from plancheck.records import Finding, Report, Rule, Severity, SourcePosition, fingerprint

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "plancheck/v1"
# GitHub takes everything before the last "/" as the analysis category; a trailing
# "/" makes the whole id a category, so re-uploads replace the previous analysis.
AUTOMATION_ID = "plancheck/"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def sarif_level(severity: Severity) -> str:
    return _LEVELS[severity]


def information_uri() -> str:
    """The project's home page."""
    return REPOSITORY


@dataclass(frozen=True, slots=True)
class Invocation:
    """How the run ended, for SARIF ``invocations``.

    Times are optional so that the default output stays byte-identical for the same
    input; the CLI adds them only when asked (see ``plancheck check --timestamps``).
    """

    exit_code: int
    start: datetime | None = None
    end: datetime | None = None


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _invocation(invocation: Invocation) -> dict[str, Any]:
    entry: dict[str, Any] = {
        # The checks ran to the end; findings are not a tool failure (exit 1 is "found").
        "executionSuccessful": invocation.exit_code in (0, 1),
        "exitCode": invocation.exit_code,
    }
    if invocation.start is not None:
        entry["startTimeUtc"] = _utc(invocation.start)
    if invocation.end is not None:
        entry["endTimeUtc"] = _utc(invocation.end)
    return entry


def _artifact_location(file: str, root: Path) -> dict[str, Any] | None:
    relative = relative_path(file, root)
    if relative is not None:
        return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}
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
    descriptor: dict[str, Any] = {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": _sentence(title)},
        "fullDescription": {"text": _sentence(rule.description.strip())},
        "help": {"text": help_text, "markdown": rule_markdown(rule)},
    }
    if _is_builtin(code):
        descriptor["helpUri"] = rule_doc_url(code)
    descriptor["defaultConfiguration"] = {"level": sarif_level(rule.severity)}
    descriptor["properties"] = {"tags": [rule.family]}
    return descriptor


def _is_builtin(code: str) -> bool:
    # Only the shipped rules have a page under docs/rules/; a plugin's or a local
    # rule file's rule has none to link to.
    return (rules_dir() / f"{code}.yaml").is_file()


def _sentence(text: str) -> str:
    # SARIF viewers show these as sentences (SARIF2001: end plain-text messages with a period).
    text = text.strip()
    return text if text.endswith((".", "。", "!", "?", "！", "？")) else text + "."


def _escaped(text: str) -> str:
    """Message text with literal brackets escaped, so only our own links are links."""
    return re.sub(r"([\[\]])", r"\\\1", text)


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


def _message(finding: Finding, lang: str, source: dict[str, Any] | None) -> dict[str, str]:
    """The finding's message; with a source position, a link to relatedLocations id 1
    so that viewers (GitHub, VS Code) show where the document says it."""
    text = finding.message(lang)
    if source is None or finding.source is None:
        return {"text": text}
    where = f"{Path(finding.source.file).name}:{finding.source.line}"
    link = f"[{_escaped(where)}](1)"
    suffix = f"（原文：{link}）" if lang == "zh" else f" (source document: {link})"
    return {"text": _escaped(text) + suffix}


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
            "properties": {"displayName": subject_name(subject, root)},
        }
    ]
    properties: dict[str, Any] = {"subject": subject.key, "plan": display_path(finding.plan, root)}
    if finding.plan_id:
        properties["planId"] = finding.plan_id
    if finding.location is not None and finding.location.pointer:
        properties["pointer"] = finding.location.pointer
    if finding.evidence:
        properties["evidence"] = dict(finding.evidence)
    hint = finding.hint(lang)
    if hint:
        properties["hint"] = hint
    related = None if finding.source is None else _source_location(finding.source, root, lang)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": _message(finding, lang, related),
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: partial},
    }
    if related is not None:
        result["relatedLocations"] = [related]
    if suppression is not None:
        result["suppressions"] = [
            {
                "kind": "inSource" if suppression.in_source else "external",
                # SARIF 2.1.0 §3.35.3 (errata01): "status"; "state" was a draft name.
                "status": "accepted",
                "justification": suppression.justification(lang),
            }
        ]
    result["properties"] = properties
    return result


def sarif_document(
    report: Report,
    *,
    root: str | os.PathLike[str] | None = None,
    invocation: Invocation | None = None,
) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict.

    ``invocation`` defaults to the report's own exit code, without times.
    """
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
    ran = invocation if invocation is not None else Invocation(report.exit_code)
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [_invocation(ran)],
        "automationDetails": {"id": AUTOMATION_ID},
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}},
        "language": "zh" if lang == "zh" else "en",
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "failOn": report.fail_on.value,
            "plans": [
                {"path": display_path(plan.path, base), "id": plan.plan_id} for plan in report.plans
            ],
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(
    report: Report,
    *,
    root: str | os.PathLike[str] | None = None,
    invocation: Invocation | None = None,
) -> str:
    document = sarif_document(report, root=root, invocation=invocation)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
