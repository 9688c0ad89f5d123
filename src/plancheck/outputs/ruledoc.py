"""Rule documentation, generated from the rule files (so docs and tests share examples)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from plancheck.records import CheckDoc, Example, Rule


def _example(example: Example, failing: bool) -> list[str]:
    body = example.text if example.text is not None else example.plan or ""
    out = [f"**{'Fails' if failing else 'Passes'}: {example.title}**", ""]
    if example.base is not None:
        out += ["Earlier version:", "", "```yaml", example.base.rstrip(), "```", "", "Revised:", ""]
    out += [
        "```yaml",
        body.rstrip(),
        "```",
        "",
    ]
    for other in example.plans:
        out += ["checked in one run with:", "", "```yaml", other.rstrip(), "```", ""]
    if example.params is not None:
        shown = json.dumps(example.params, ensure_ascii=False, sort_keys=True)
        out += [f"with parameters `{shown}`", ""]
    if example.waivers is not None:
        out += ["with `waivers.yaml`:", "", "```yaml", example.waivers.rstrip(), "```", ""]
    if failing and example.findings:
        keys = ", ".join(f"`{f.key}`" for f in example.findings)
        out += [f"Reported at: {keys}", ""]
    return out


def rule_markdown(rule: Rule, check: CheckDoc | None = None) -> str:
    """The rule's page; ``check`` describes the registered check behind it."""
    out = [
        f"# {rule.code} {rule.name}",
        "",
        f"*{rule.title.en}* — {rule.title.zh}",
        "",
        f"- Family: `{rule.family}`",
        f"- Default severity: `{rule.severity.value}`",
        f"- Applies to: `{rule.given}`",
    ]
    if rule.principle:
        out.append(f"- Principle: {rule.principle}")
    if check is not None:
        out.append(f"- Check: `{check.name}`, function `{check.function}` in `{check.file}`")
    out += ["", "## What it checks", "", rule.description.strip(), "", "## Why it matters", ""]
    out += [rule.rationale.strip(), ""]
    out += ["## Message", "", f"- en: {rule.message.en}", f"- zh: {rule.message.zh}", ""]
    for variant in sorted(rule.messages):
        text = rule.messages[variant]
        out += [f"Variant `{variant}`:", "", f"- en: {text.en}", f"- zh: {text.zh}", ""]
    params = {**(check.defaults if check else {}), **rule.params}
    if params:
        out += [
            "## Options",
            "",
            "Override in `.plancheck.yaml` under `params: {" + rule.code + ": …}`.",
            "",
        ]
        described = check.descriptions if check else {}
        for name in sorted(params):
            line = f"- `{name}`: default `{json.dumps(params[name], ensure_ascii=False)}`"
            description = described.get(name)
            out.append(f"{line} — {description}" if description else line)
        out.append("")
    if rule.examples is not None:
        out += ["## Examples", ""]
        for example in rule.examples.passing:
            out += _example(example, failing=False)
        for example in rule.examples.failing:
            out += _example(example, failing=True)
    return "\n".join(out).rstrip() + "\n"


def rules_table(rules: Iterable[Rule], lang: str = "en") -> str:
    rows = []
    for rule in sorted(rules, key=lambda r: r.code):
        code = rule.code
        title = rule.title.zh if lang == "zh" else rule.title.en
        rows.append(
            f"{code}  {rule.severity.value:<7}  {rule.family:<12}  {rule.name:<32}  {title}"
        )
    return "\n".join(rows) + "\n"


def rules_index_markdown(rules: Iterable[Rule]) -> str:
    out = [
        "# Rules",
        "",
        "| code | name | family | severity | title |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in sorted(rules, key=lambda r: r.code):
        code = rule.code
        out.append(
            f"| [{code}]({code}.md) | `{rule.name}` | {rule.family} | {rule.severity.value} | "
            f"{rule.title.en} / {rule.title.zh} |"
        )
    return "\n".join(out) + "\n"
