"""``plancheck check``: find plans, run the rules, render, and set the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from plancheck._destination import same_file, write_output
from plancheck.cli import _jobs
from plancheck.cli._changed import changed_targets
from plancheck.cli._clock import Clock, run_clock
from plancheck.cli._configs import CheckedRun, check_per_config
from plancheck.cli._errors import UsageError
from plancheck.cli._progress import phases_for, progress_for
from plancheck.cli._replay import record
from plancheck.cli._stream import PER_PLAN_COUNTS, reviewed_report, stream_junit, stream_text
from plancheck.cli._summary import SUMMARY_VARIABLE, append_summary, fit
from plancheck.cli._targets import find_targets
from plancheck.engine.api import Checker
from plancheck.engine.cache import check_module_files
from plancheck.engine.config import Config, load_config, load_config_file
from plancheck.loading import DEFAULT_MAX_BYTES
from plancheck.material import gather_material
from plancheck.outputs import FORMATS, Invocation, render
from plancheck.outputs.junit_flavours import FLAVOURS
from plancheck.records import Report, Severity
from plancheck.review import WAIVERS_FILE, ReviewFileError

if TYPE_CHECKING:
    from plancheck.review import Baseline, WaiverFile

# The rule that --require-links turns from "not applicable" into an error.
REQUIRE_LINKS_RULE = "PC802"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check plans (default: every plan file under the current directory)",
        description="Check plan files or plan directories and report findings.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="plan files, plan directories or folders to search"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE (atomically)"
    )
    add_selection_options(parser)
    parser.add_argument("--statistics", action="store_true", help="print per-rule counts")
    add_review_options(parser)
    parser.add_argument(
        "--show-waived",
        action="store_true",
        help="also list waived, inline-ignored and baselined findings, with why",
    )
    parser.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="write the findings that are not waived to FILE as a baseline, then report against it",
    )
    parser.add_argument(
        "--changed",
        action="store_true",
        help="treat PATHs as changed files (pre-commit): check every plan each one can affect "
        "(its plan, the plans listing a part or source document, all plans for the "
        "configuration, waivers or baseline; files deleted in git's index included)",
    )
    parser.add_argument(
        "--failing-only",
        action="store_true",
        help="text format: list only findings at or above --fail-on, and count the rest "
        "in one line",
    )
    add_run_options(parser)
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing; only set the exit code"
    )
    # replay_key: set by main() for a run it may record (see _replay).
    parser.set_defaults(run=run, replay_key=None)


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """What to check and how: rules, language, threshold, configuration."""
    parser.add_argument(
        "--select", metavar="CODES", help="comma-separated codes, prefixes or families to run"
    )
    parser.add_argument(
        "--ignore", metavar="CODES", help="comma-separated codes, prefixes or families to skip"
    )
    parser.add_argument("--lang", choices=("zh", "en"), help="message language (default: en)")
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file for every plan (default: for each plan, the nearest "
        ".plancheck.yaml or pyproject.toml above it; run settings from the current directory's)",
    )
    parser.add_argument(
        "--require-links",
        action="store_true",
        help="a link (aligns_with, cite) to a plan or indicator not in the checked set is an "
        "error (PC802), not merely unjudged",
    )


def add_review_options(parser: argparse.ArgumentParser) -> None:
    """Waivers and baseline: which findings were accepted."""
    parser.add_argument(
        "--waivers",
        metavar="FILE",
        help="waivers file (default: the configuration's `waivers`, else waivers.yaml beside "
        "the configuration file or in the current directory)",
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="do not fail on findings whose fingerprint is in FILE (see --write-baseline)",
    )


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """How to run and where paths in the output are relative to."""
    parser.add_argument(
        "--against",
        metavar="REV",
        help="also judge each plan's change since git revision REV (revision rules, PC7xx); "
        "the earlier version is read from git without touching the work tree",
    )
    _jobs.add_options(parser)
    parser.add_argument(
        "--root",
        metavar="DIR",
        help="directory that every path in the output is relative to "
        "(default: the repository root, else the current directory)",
    )
    parser.add_argument(
        "--junit-flavour",
        choices=FLAVOURS,
        default="jenkins",
        help="JUnit schema to satisfy: jenkins (Jenkins/Surefire junit-10.xsd, GitLab; "
        "default) or ant (Apache Ant's, one failure per test case)",
    )
    parser.add_argument(
        "--timestamps",
        action="store_true",
        help="record the run's start and end times (SARIF invocations, Ant JUnit timestamp); "
        "SOURCE_DATE_EPOCH, when set, fixes them, for reproducible output",
    )


def _split(value: str | None) -> list[str]:
    return [token.strip() for token in (value or "").split(",") if token.strip()]


def _config(args: argparse.Namespace) -> Config:
    config = load_config_file(Path(args.config)) if args.config else load_config()
    return _overridden(config, args)


def _overridden(config: Config, args: argparse.Namespace) -> Config:
    """``config`` with the command line's options applied on top."""
    updates: dict[str, object] = {}
    if args.select:
        updates["select"] = _split(args.select)
    if args.ignore:
        updates["ignore"] = [*config.ignore, *_split(args.ignore)]
    if args.lang:
        updates["lang"] = args.lang
    if args.fail_on:
        updates["fail_on"] = Severity(args.fail_on)
    if args.require_links:
        params = {code: dict(values) for code, values in config.params.items()}
        params.setdefault(REQUIRE_LINKS_RULE, {})["require_links"] = True
        updates["params"] = params
    return config.model_copy(update=updates)


def _shown(path: Path) -> Path:
    """Relative to the current directory when under it, as plan paths are shown."""
    try:
        return path.relative_to(Path.cwd()) if path.is_absolute() else path
    except ValueError:
        return path


def _waivers_path(args: argparse.Namespace, config: Config) -> Path | None:
    if args.waivers:
        return Path(args.waivers)
    if config.waivers:
        return _shown(config.base_dir / config.waivers)
    for candidate in (config.base_dir / WAIVERS_FILE, Path(WAIVERS_FILE)):
        if candidate.is_file():
            return _shown(candidate)
    return None


def _review_inputs(
    args: argparse.Namespace, config: Config
) -> tuple[WaiverFile | None, Baseline | None]:
    """The waivers and baseline files, read before checking so that a bad one stops early."""
    path = _waivers_path(args, config)
    try:
        waivers = baseline = None
        # Their modules only when there are such files (see plancheck.review).
        if path is not None:
            from plancheck.review import load_waivers

            waivers = load_waivers(path)
        if args.baseline:
            from plancheck.review import load_baseline

            baseline = load_baseline(args.baseline)
    except ReviewFileError as exc:
        raise UsageError(str(exc)) from None
    return waivers, baseline


def _inputs(
    checked: CheckedRun, config: Config, args: argparse.Namespace, what: str = "report"
) -> list[Path]:
    """Nothing is lost: a report or baseline may not replace a plan file, a source
    document, a configuration (the run's or a plan's own), an extra rule file, the
    waivers or the baseline it was made from (a new baseline may replace the old one it
    was told to read)."""
    plans = [Path(file) for file in checked.plans.files()]
    return plans + _run_inputs(checked, config, args, what)


def _run_inputs(
    checked: CheckedRun, config: Config, args: argparse.Namespace, what: str = "report"
) -> list[Path]:
    """The files a run read besides its plans: configurations, rule files, waivers and
    the baseline (``what``: "baseline" when writing one, which may replace it)."""
    baseline_in = args.baseline if what == "report" else None
    inputs = [Path(p) for p in (args.waivers, baseline_in) if p]
    for used in (config, *checked.configs):
        inputs += [Path(used.origin)] if used.origin else []
        inputs += used.rule_files()
    waivers = _waivers_path(args, config)
    if waivers is not None:
        inputs.append(waivers)
    return inputs


def _remember(
    args: argparse.Namespace,
    targets: list[Path],
    checked: CheckedRun,
    config: Config,
    text: str,
    exit_code: int,
) -> None:
    """Record a run that only printed its report, so that an unchanged re-run replays it."""
    summary = args.format == "github" and os.environ.get(SUMMARY_VARIABLE)
    side_effects = (
        args.output,
        args.write_baseline,
        args.changed,
        args.against,
        args.timestamps,
        summary,
    )
    # Other commands run this one (``report``) without a key: never recorded.
    key = getattr(args, "replay_key", None)
    if key is None or checked.depends is None or any(side_effects) or exit_code not in (0, 1):
        return
    # The waivers files the run looked for, found or not, besides those it read.
    looked_for = [config.base_dir / WAIVERS_FILE, Path(WAIVERS_FILE)]
    record(
        key,
        paths=args.paths,
        targets=targets,
        depends=checked.depends,
        inputs=[*_run_inputs(checked, config, args), *looked_for],
        limit=DEFAULT_MAX_BYTES,
        modules=check_module_files(checked.rules),
        stdout=text,
        exit_code=exit_code,
    )


def _colour(stream_is_tty: bool) -> bool:
    return stream_is_tty and "NO_COLOR" not in os.environ


def run(args: argparse.Namespace) -> int:
    clock = run_clock() if args.timestamps else None
    started = clock() if clock is not None else None
    config = _config(args)
    checker = Checker(config)
    if args.jobs < 1:
        raise UsageError("--jobs 必须至少为 1 / --jobs must be at least 1")
    if args.changed:
        run_inputs = (config.origin, _waivers_path(args, config), args.baseline)
        targets = changed_targets(args.paths, run_inputs=run_inputs)
    else:
        targets = find_targets(args.paths)
    waivers, baseline = _review_inputs(args, config)
    progress = progress_for(len(targets), args.quiet)
    # A status line for what the bar does not show: a large plan's phases, then
    # review and render.
    phase = phases_for(targets, args.quiet)
    checked = check_per_config(
        checker,
        targets,
        adjust=lambda found: _overridden(found, args),
        one_config=bool(args.config),
        jobs=args.jobs,
        progress=progress,
        cache=not args.no_cache,
        phase=phase if progress is None else None,
        against=args.against,
    )
    if phase:
        phase.done()
    severities = {active.rule.code: active.severity for active in checked.rules}
    if args.write_baseline:
        # Everything that is not waived (the old baseline's findings included) is accepted;
        # findings about waivers themselves never are.
        accepted = reviewed_report(checked, waivers, None, severities, plan_counts=False).findings
        from plancheck.review import baseline_of, write_baseline

        baseline = baseline_of(accepted, Path(args.write_baseline).as_posix())
        write_baseline(
            args.write_baseline, baseline, inputs=_inputs(checked, config, args, "baseline")
        )
        if not args.quiet:
            print(
                f"plancheck: wrote {len(baseline.entries)} findings to {baseline.path}",
                file=sys.stderr,
            )
    if phase:
        # Text is reviewed and rendered plan by plan: one phase.
        phase("reviewing" if args.format != "text" else "reviewing and rendering")
    colour = args.output is None and _colour(sys.stdout.isatty())
    root = Path(args.root) if args.root else None
    report = None
    if args.format == "text" or args.quiet:
        # Reviewed and rendered one plan at a time: memory does not grow with the plans.
        text, exit_code = stream_text(checked, waivers, baseline, severities, args, colour, root)
        if args.quiet:
            _remember(args, targets, checked, config, "", exit_code)
            return exit_code
    elif args.format == "junit":
        text, exit_code = stream_junit(checked, waivers, baseline, severities, args, root, started)
    else:
        report = reviewed_report(
            checked,
            waivers,
            baseline,
            severities,
            plan_counts=args.format in PER_PLAN_COUNTS,
        )
        exit_code = report.exit_code
        if phase:
            phase("rendering")
        text = _render(report, args, config, colour, root, clock, started)
    if phase:
        phase.done()
    summary_file = os.environ.get(SUMMARY_VARIABLE)
    if report is not None and args.format == "github" and summary_file:
        # Appended to, never replaced (see _summary), but never onto a file this run read.
        if any(same_file(summary_file, path) for path in _inputs(checked, config, args)):
            raise UsageError(
                f"{SUMMARY_VARIABLE} 指向输入文件 / names an input file: {summary_file}"
            )
        append_summary(summary_file, fit(render(report, "markdown", root=root), report.lang))
    if args.output:
        write_output(args.output, text, _inputs(checked, config, args))
    else:
        sys.stdout.write(text)
        _remember(args, targets, checked, config, text, exit_code)
    return exit_code


def _render(
    report: Report,
    args: argparse.Namespace,
    config: Config,
    colour: bool,
    root: Path | None,
    clock: Clock | None,
    started: datetime | None,
) -> str:
    # Only the HTML report shows the plans themselves; they are read again here so
    # that checking (possibly in other processes) stays the same for every format.
    material = (
        gather_material(report, max_file_bytes=config.max_file_bytes, max_values=config.max_values)
        if args.format == "html"
        else None
    )
    invocation = Invocation(report.exit_code, started, clock() if clock is not None else None)
    return render(
        report,
        args.format,
        colour=colour,
        statistics=args.statistics,
        root=root,
        show_waived=args.show_waived,
        material=material,
        invocation=invocation,
        failing_only=args.failing_only,
        junit_flavour=args.junit_flavour,
    )
