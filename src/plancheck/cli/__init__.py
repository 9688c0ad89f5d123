"""The command line: ``plancheck check|diff|report|rules|explain|schema|trace|extract``."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from plancheck._version import __version__

_PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"
# Allocations between young-generation collections while the commands are imported.
_STARTUP_GC_THRESHOLD = 100_000


# Each command and the module that adds its parser, in the order `plancheck --help` lists
# them (one module may add several commands).
_COMMANDS = {
    "check": "_check",
    "diff": "_diff",
    "report": "_report",
    "rules": "_rules",
    "explain": "_rules",
    "schema": "_schema",
    "trace": "_trace",
    "progress": "_plan_progress",
    "extract": "_extract",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with a known ``command``, only that command's.

    A run names its command first, so only that command's module is imported and only
    its parser built: the others cost a few milliseconds of every start-up. Anything
    else (``--help``, an option first, a misspelt command) gets every command.
    """
    parser = argparse.ArgumentParser(
        prog="plancheck",
        description="Check government development plans (规划) for compliance and consistency.",
    )
    parser.add_argument("--version", action="version", version=f"plancheck {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    wanted = [_COMMANDS[command]] if command in _COMMANDS else _COMMANDS.values()
    for module in dict.fromkeys(wanted):
        # The commands (and the engine behind them) are imported here, not at import
        # time, so that `plancheck --version` starts instantly.
        add: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]
        add = import_module(f"plancheck.cli.{module}").add_parser
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        # What argparse's version action prints, without building every command.
        print(f"plancheck {__version__}")
        return 0
    replay_key = None
    if arguments[:1] == ["check"] and "--no-cache" not in arguments:
        # An unchanged run prints its recorded report before the checker is imported.
        from plancheck.cli import _replay

        try:
            replay_key = _replay.replay_key(arguments)
        except (OSError, ValueError):  # no working directory, a closed stdout
            replay_key = None
        replayed = _replay.replay(replay_key) if replay_key is not None else None
        if replayed is not None:
            sys.stdout.write(replayed[0])
            return replayed[1]
    # Pydantic plugins (tracing tools) are found by reading every installed package's
    # metadata before the first model is built, a cost that grows with the environment,
    # and they may change how plans validate. The command line loads none unless the
    # user sets pydantic's own switch (to "" to load them all).
    os.environ.setdefault(_PYDANTIC_PLUGINS, "__all__")
    thresholds = gc.get_threshold()
    # Importing the commands makes many long-lived objects and little garbage: the
    # collections the default threshold would trigger meanwhile only re-scan them.
    gc.set_threshold(_STARTUP_GC_THRESHOLD, thresholds[1], thresholds[2])
    try:
        parser = build_parser(arguments[0] if arguments else None)
        args = parser.parse_args(arguments)
    finally:
        gc.set_threshold(*thresholds)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    if hasattr(args, "replay_key"):
        args.replay_key = replay_key
    # Everything imported so far lives as long as the process: moving it out of the
    # collector's reach keeps full collections from re-scanning it during the run.
    gc.freeze()
    from plancheck.cli._errors import UsageError
    from plancheck.engine.catalogue import RuleFileError
    from plancheck.engine.config import ConfigError
    from plancheck.engine.registry import PluginError
    from plancheck.outputs import visible

    try:
        code: int = args.run(args)
    except (UsageError, ConfigError, RuleFileError, PluginError) as exc:
        print(f"plancheck: error: {visible(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:
        line = f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
        print(f"plancheck: error: {visible(line)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("plancheck: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for the user unless asked
        if args.debug:
            import traceback  # only here: it brings linecache and textwrap

            traceback.print_exc()
        detail = visible(f"{type(exc).__name__}: {exc}")
        print(f"plancheck: internal error: {detail} (--debug shows more)", file=sys.stderr)
        return 2
    return code
