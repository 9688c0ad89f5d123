"""The waivers file: reviewed decisions that a finding is accepted, by whom and until when.

```yaml
waivers:
  - rule: PC401
    subject: projects/education-informatization   # the finding's domain key
    plan: baoji-2011-2015-informatization          # optional plan id
    reason: 教育信息化由省级统筹，不单列专栏
    approved_by: 规划处 张三
    expires: 2027-06-30                             # ISO date
    revision: "2012-03"                             # optional plan revision
```

A file that cannot be read as this shape at all (unreadable, not YAML, no ``waivers``
list) raises :class:`ReviewFileError`. An entry that is wrong on its own becomes an
:class:`InvalidWaiver`: it is reported (PC011) and suppresses nothing, while the valid
entries around it still apply.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plancheck._reader.parse import ParsedYaml, YamlProblem, parse_yaml
from plancheck._reader.pointer import join
from plancheck._reader.read import ReadProblem, read_text
from plancheck.model import ID_PATTERN
from plancheck.records import Finding, YamlLocation
from plancheck.review._common import RULE_CODE, ReviewFileError

_FIELDS = ("rule", "subject", "plan", "reason", "approved_by", "expires", "revision")
_REQUIRED = ("rule", "subject", "reason", "approved_by", "expires")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_PLAN_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True, slots=True)
class Waiver:
    """One valid waiver: findings of ``rule`` on ``subject`` (in ``plan``) do not count."""

    rule: str
    subject: str
    reason: str
    approved_by: str
    expires: date
    location: YamlLocation
    plan: str | None = None
    revision: str | None = None

    @property
    def key(self) -> str:
        """The subject key of findings about this waiver: survives reordering the file."""
        return waiver_key(self.rule, self.subject, self.plan)

    def expired(self, today: date) -> bool:
        """Expired the day after ``expires``: a waiver is valid through that date."""
        return self.expires < today

    def applies_to(self, finding: Finding, plan_id: str, revision: str | None) -> bool:
        """Rule, subject key and (when given) plan id and plan revision all match.

        A waiver naming a revision applies only to a plan that states that revision:
        an exception approved for one draft must be approved again for the next.
        """
        if finding.rule != self.rule or finding.subject.key != self.subject:
            return False
        if self.plan is not None and self.plan != plan_id:
            return False
        return self.revision is None or self.revision == revision


@dataclass(frozen=True, slots=True)
class InvalidWaiver:
    """An entry that is not a usable waiver; ``problem_*`` says why, in both languages."""

    location: YamlLocation
    index: int
    problem_zh: str
    problem_en: str
    rule: str | None = None
    subject: str | None = None
    plan: str | None = None

    @property
    def key(self) -> str:
        if self.rule and self.subject:
            return waiver_key(self.rule, self.subject, self.plan)
        return f"waivers/#{self.index + 1}"


@dataclass(frozen=True, slots=True)
class WaiverFile:
    """A loaded waivers file: its path as shown, the valid and the invalid entries."""

    path: str
    waivers: tuple[Waiver, ...] = ()
    invalid: tuple[InvalidWaiver, ...] = ()


def waiver_key(rule: str, subject: str, plan: str | None) -> str:
    return f"waivers/{rule}/{subject}" + (f"@{plan}" if plan else "")


def load_waivers(path: str | os.PathLike[str]) -> WaiverFile:
    """Read and check a waivers file; raises :class:`ReviewFileError` if it is unusable."""
    display = Path(path).as_posix()
    try:
        text = read_text(Path(path), display)
    except ReadProblem as problem:
        raise ReviewFileError(
            f"{display}: 无法读取豁免文件 / cannot read waivers file: {problem.diagnostic.message}"
        ) from None
    return parse_waivers(text, display)


def parse_waivers(text: str, path: str) -> WaiverFile:
    """The waivers in ``text``; ``path`` is how findings will name the file."""
    try:
        parsed = parse_yaml(text)
    except YamlProblem as problem:
        raise ReviewFileError(
            f"{path}:{problem.line}:{problem.column}: {problem.message}"
        ) from None
    data = parsed.data
    if data is None:
        return WaiverFile(path)
    if not isinstance(data, dict):
        raise ReviewFileError(
            f"{path}: 豁免文件的顶层必须是含 waivers 的映射 / "
            "the top level must be a mapping with a `waivers` list"
        )
    unknown = sorted(set(data) - {"waivers"})
    if unknown:
        raise ReviewFileError(
            f"{path}: 未知的键 / unknown top-level key {unknown[0]!r} (only `waivers` is allowed)"
        )
    entries = data.get("waivers")
    if entries is None:
        return WaiverFile(path)
    if not isinstance(entries, list):
        raise ReviewFileError(f"{path}: waivers 必须是列表 / `waivers` must be a list")
    valid: list[Waiver] = []
    invalid: list[InvalidWaiver] = []
    for index, entry in enumerate(entries):
        checked = _entry(entry, index, parsed, path)
        if isinstance(checked, Waiver):
            valid.append(checked)
        else:
            invalid.append(checked)
    return WaiverFile(path, tuple(valid), tuple(invalid))


def _location(parsed: ParsedYaml, pointer: str, path: str) -> YamlLocation:
    mark = parsed.marks.get(pointer) or parsed.marks.get("")
    line, column = (mark.line, mark.column) if mark is not None else (1, 1)
    return YamlLocation(path, line, column, pointer)


def _text(value: Any) -> str | None:
    """A non-blank string, stripped; None for anything else."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _entry(entry: Any, index: int, parsed: ParsedYaml, path: str) -> Waiver | InvalidWaiver:
    location = _location(parsed, join("/waivers", index), path)
    if not isinstance(entry, dict):
        return InvalidWaiver(location, index, "豁免条目不是映射", "the entry is not a mapping")
    zh: list[str] = []
    en: list[str] = []
    for name in sorted(set(entry) - set(_FIELDS)):
        zh.append(f"未知字段 `{name}`")
        en.append(f"unknown field `{name}`")
    for name in _REQUIRED:
        if entry.get(name) is None:
            zh.append(f"缺少 `{name}`")
            en.append(f"`{name}` is missing")
        elif _text(entry[name]) is None:
            zh.append(f"`{name}` 为空或不是文字")
            en.append(f"`{name}` is empty or not text")
    rule = _text(entry.get("rule"))
    if rule is not None and not RULE_CODE.match(rule):
        zh.append(f"`rule` 不是规则代码：{rule}")
        en.append(f"`rule` is not a rule code: {rule}")
    expires: date | None = None
    raw_date = _text(entry.get("expires"))
    if raw_date is not None:
        try:
            if not _ISO_DATE.match(raw_date):
                raise ValueError(raw_date)
            expires = date.fromisoformat(raw_date)
        except ValueError:
            zh.append(f"`expires` 不是 YYYY-MM-DD 格式的日期：{raw_date}")
            en.append(f"`expires` is not a date in YYYY-MM-DD form: {raw_date}")
    plan = entry.get("plan")
    if plan is not None and (not isinstance(plan, str) or not _PLAN_ID.match(plan)):
        zh.append(f"`plan` 不是规划标识：{plan}")
        en.append(f"`plan` is not a plan id: {plan}")
    revision = entry.get("revision")
    if isinstance(revision, int) and not isinstance(revision, bool):
        revision = str(revision)
    if revision is not None and _text(revision) is None:
        zh.append("`revision` 应为文字（请加引号）")
        en.append("`revision` must be text (quote it)")
    subject = _text(entry.get("subject"))
    plan_text = plan if isinstance(plan, str) else None
    if zh or expires is None or rule is None or subject is None:
        return InvalidWaiver(
            location, index, "；".join(zh), "; ".join(en), rule, subject, plan_text
        )
    return Waiver(
        rule=rule,
        subject=subject,
        reason=str(_text(entry["reason"])),
        approved_by=str(_text(entry["approved_by"])),
        expires=expires,
        location=location,
        plan=plan_text,
        revision=_text(revision),
    )
