"""Reviewing a checked run plan by plan, so that memory does not grow with the plans.

The text and JUnit formats are written as each plan is reviewed (JUnit: one
``<testsuite>`` per plan, with a test case per rule from the plan's own counts). The
other formats get one report, but a lean one: each plan keeps its findings and paths,
and its per-rule counts are added to the run's totals and dropped — except for HTML,
which shows every plan's own counts and the plans themselves.
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from plancheck.cli._configs import CheckedRun
from plancheck.records import Finding, PlanReport, Report, RuleStats, Severity, merge_stats
from plancheck.review import ReviewStream

if TYPE_CHECKING:
    from plancheck.review import Baseline, WaiverFile

# The formats built from one report that show each plan's own per-rule counts.
PER_PLAN_COUNTS = ("html",)


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
    review = ReviewStream(checked.catalogue, waivers, baseline, severities=severities)
    totals: dict[str, RuleStats] = {}
    plans: list[PlanReport] = []
    for plan in checked.plans:
        done = review.plan(plan)
        if not plan_counts:
            merge_stats(totals, done.stats)
            done = dataclasses.replace(done, stats={}, results=[])
        plans.append(done)
    extra = sorted(review.finish(), key=Finding.sort_key)
    return _report(checked, review, plans, extra_findings=extra, totals=totals)


def _report(
    checked: CheckedRun,
    review: ReviewStream,
    plans: list[PlanReport],
    *,
    extra_findings: list[Finding] | None = None,
    totals: dict[str, RuleStats] | None = None,
) -> Report:
    """The run's report of ``plans``, with what ``review`` suppressed."""
    return Report(
        plans,
        checked.catalogue,
        lang=checked.config.lang,
        fail_on=checked.config.fail_on,
        waived=review.waived,
        baselined=review.baselined,
        suppressions=review.suppressions,
        extra_findings=extra_findings or [],
        totals=totals or {},
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
    """The text report and exit code, each plan reviewed and rendered as it is reached.

    With ``--quiet`` only the exit code is wanted: the plans are reviewed, not rendered,
    and the text is empty.
    """
    config = checked.config
    review = ReviewStream(checked.catalogue, waivers, baseline, severities=severities)
    if args.quiet:
        for plan in checked.plans:
            review.plan(plan)
        review.finish()
        return "", review.exit_code(config.fail_on)
    from plancheck.outputs.text_format import TextStream

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
    parts.append(writer.finish(review.finish(), _report(checked, review, [])))
    return "".join(parts), review.exit_code(config.fail_on)


def stream_junit(
    checked: CheckedRun,
    waivers: WaiverFile | None,
    baseline: Baseline | None,
    severities: dict[str, Severity],
    args: argparse.Namespace,
    root: Path | None,
    timestamp: datetime | None,
) -> tuple[str, int]:
    """The JUnit report and exit code, one plan's suite at a time."""
    # Imported by the runs that write JUnit only (it brings xml.etree).
    from plancheck.outputs.junit_format import JUnitStream

    config = checked.config
    review = ReviewStream(checked.catalogue, waivers, baseline, severities=severities)
    writer = JUnitStream(
        checked.catalogue,
        config.lang,
        config.fail_on,
        root=root,
        flavour=args.junit_flavour,
        timestamp=timestamp,
    )
    for plan in checked.plans:
        waived, baselined = len(review.waived), len(review.baselined)
        done = review.plan(plan)
        # What this plan's review suppressed; the suppressions it added are among all.
        writer.add_reviewed(
            done, review.waived[waived:], review.baselined[baselined:], review.suppressions
        )
    extra = review.finish()
    return writer.finish(extra), review.exit_code(config.fail_on)
