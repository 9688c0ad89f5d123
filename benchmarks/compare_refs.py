"""Before and after: the same commands from two git refs, alternated under one load.

``python benchmarks/compare_refs.py BEFORE [AFTER]`` exports each ref's sources with
``git archive`` (AFTER defaults to the working tree) and runs every command alternately
from the two, so a busy machine slows both alike. It prints a markdown table of median
CPU seconds and peak RSS. The "after" side gets ``--no-cache`` where the ref supports it,
except for the warm re-run, whose first, unmeasured run fills the cache. Benchmarks
measure; they assert nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import run_once
from _plans import write_large, write_many

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "baoji-2011-2015"


def _export(ref: str, into: Path) -> Path:
    """``ref``'s ``src/`` folder (with the rule files it reads), exported into ``into``."""
    archive = subprocess.run(  # noqa: S603 - fixed git command, ref given by the user
        ["git", "archive", "--format=tar", ref, "src", "rules", "schemas"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    into.mkdir(parents=True)
    tar_path = into / "src.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _supports_no_cache(env: Mapping[str, str]) -> bool:
    shown = subprocess.run(
        [sys.executable, "-m", "plancheck", "check", "--help"],
        capture_output=True,
        text=True,
        env=dict(env),
        check=False,
    )
    return "--no-cache" in shown.stdout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="git ref of the 'before' side")
    parser.add_argument("after", nargs="?", help="git ref of the 'after' side (default: here)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        sources = {
            "before": _export(args.before, folder / "before"),
            "after": _export(args.after, folder / "after") if args.after else ROOT / "src",
        }
        for src in sources.values():
            # As installed wheels are: a run must not pay for compiling every module
            # (PYTHONDONTWRITEBYTECODE would otherwise make each run compile from source).
            compileall.compile_dir(src, quiet=1)
        envs = {
            side: {
                **os.environ,
                "PYTHONPATH": str(src),
                "PLANCHECK_CACHE_DIR": str(folder / f"cache-{side}"),
            }
            for side, src in sources.items()
        }
        no_cache = {side: _supports_no_cache(env) for side, env in envs.items()}
        plans = folder / "plans"
        write_many(plans, 400)
        large = write_large(folder, 10_000)
        check = [sys.executable, "-m", "plancheck", "check"]
        cases: list[tuple[str, list[str], bool, int]] = [
            ("--version", [sys.executable, "-m", "plancheck", "--version"], False, args.repeat),
            ("check Baoji", [*check, str(CORPUS), "-q"], True, args.repeat),
            ("400 plans, all rules", [*check, str(plans), "-q"], True, args.repeat),
            ("400 plans, --jobs 2", [*check, str(plans), "-q", "--jobs", "2"], True, args.repeat),
            ("10k-project plan", [*check, str(large), "-q"], True, 1),
            ("400 plans, warm re-run", [*check, str(plans), "-q"], False, args.repeat),
        ]
        print("| command | before CPU s | after CPU s | speed-up | before RSS MB | after RSS MB |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, command, uncached, runs in cases:
            argv_of = {
                side: [*command, *(["--no-cache"] if uncached and no_cache[side] else [])]
                for side in envs
            }
            for side in envs:  # warm-up: fills the caches and the page cache
                run_once(argv_of[side], None, envs[side])
            cpu: dict[str, list[float]] = {side: [] for side in envs}
            rss: dict[str, float] = dict.fromkeys(envs, 0.0)
            for _ in range(runs):
                for side in envs:
                    measured = run_once(argv_of[side], None, envs[side])
                    cpu[side].append(measured.cpu)
                    rss[side] = max(rss[side], measured.peak_rss_mb)
            before, after = (statistics.median(cpu[side]) for side in ("before", "after"))
            print(
                f"| {name} | {before:.3f} | {after:.3f} | {before / after:.2f}× "
                f"| {rss['before']:.0f} | {rss['after']:.0f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
