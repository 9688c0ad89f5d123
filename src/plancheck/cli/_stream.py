"""Reviewing a checked run plan by plan, so that memory does not grow with the plans.

The text format is written as each plan is reviewed. The other formats get one report,
but a lean one: each plan keeps its findings and paths, and its per-rule counts are
added to the run's totals and dropped — except for the formats that show every plan's
own counts (JUnit: a test case per plan and rule; HTML).
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from plancheck.cli._configs import CheckedRun
from plancheck.outputs.text_format import TextStream
from plancheck.records import Finding, PlanReport, Report, RuleStats, Severity, merge_stats
from plancheck.review import Baseline, ReviewStream, WaiverFile

# The formats that show each plan's own per-rule counts.
PER_PLAN_COUNTS = ("junit", "html")


def reviewed_report(
    checked: CheckedRun,
    waivers: WaiverFile | None,
    baseline: Baseline | None,
    severities: dict[str, Severity],
    *,
    plan_counts: bool,
) -> Report:
    """The run's plans reviewed (as ``apply_review`` would over all of them), one at a
    time; without ``plan_counts`` the plans' per-rule counts are kept only as totals."""
    config = checked.config
    review = ReviewStream(checked.catalogue, waivers, baseline, severities=severities)
    totals: dict[str, RuleStats] = {}
    plans: list[PlanReport] = []
    for plan in checked.plans:
        done = review.plan(plan)
        if not plan_counts:
            merge_stats(totals, done.stats)
            done = dataclasses.replace(done, stats={}, results=[])
        plans.append(done)
    return Report(
        plans,
        checked.catalogue,
        lang=config.lang,
        fail_on=config.fail_on,
        waived=review.waived,
        baselined=review.baselined,
        suppressions=review.suppressions,
        extra_findings=sorted(review.finish(), key=Finding.sort_key),
        totals=totals,
    )


def stream_text(
    checked: CheckedRun,
    waivers: WaiverFile | None,
    baseline: Baseline | None,
    severities: dict[str, Severity],
    args: argparse.Namespace,
    colour: bool,
    root: Path | None,
) -> tuple[str, int]:
    """The text report and exit code, each plan reviewed and rendered as it is reached."""
    config = checked.config
    review = ReviewStream(checked.catalogue, waivers, baseline, severities=severities)
    writer = TextStream(
        config.lang,
        config.fail_on,
        colour=colour,
        statistics=args.statistics,
        show_waived=args.show_waived,
        failing_only=args.failing_only,
        root=root,
    )
    parts = [writer.plan(review.plan(plan)) for plan in checked.plans]
    suppressed = Report(
        [],
        checked.catalogue,
        lang=config.lang,
        fail_on=config.fail_on,
        waived=review.waived,
        baselined=review.baselined,
        suppressions=review.suppressions,
    )
    parts.append(writer.finish(review.finish(), suppressed))
    return "".join(parts), writer.exit_code
