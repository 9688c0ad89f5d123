"""plancheck's benchmark suite: side-by-side measurements written to benchmarks/results/.

Run it through ``nox -s bench`` (which installs the peers: check-jsonschema, PyYAML and,
when npm is available, Spectral), or directly with ``python benchmarks/suite.py``.
``--quick`` uses smaller sizes. Every scenario runs its commands interleaved in one run,
so a busy machine slows them alike; figures are medians of the repeats, peak RSS is the
maximum. Each ratio is printed beside the target it is judged against. Benchmarks
measure; they assert nothing.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import Measurement, interleaved
from _plans import write_large, write_many

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "baoji-2011-2015"
RESULTS = ROOT / "benchmarks" / "results"
SPECTRAL = ROOT / "benchmarks" / ".tools" / "node_modules" / ".bin" / "spectral"
FOUR_RULES = "PC101,PC201,PC401,PC501"

# Loads every file given with PyYAML's C loader: the floor for "read these plans".
_FLOOR = (
    "import sys, yaml\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, encoding='utf-8') as handle:\n"
    "        yaml.load(handle, Loader=yaml.CSafeLoader)\n"
)


@dataclass(frozen=True, slots=True)
class Ratio:
    scenario: str
    what: str
    value: float | None
    target: str
    met: bool | None


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _plancheck(*args: str, cached: bool = False) -> list[str]:
    # Repeats must measure checking, not the result cache the first repeat filled.
    uncached = ["--no-cache"] if args[:1] == ("check",) and not cached and _has_cache() else []
    return _python("-m", "plancheck", *args, *uncached)


def _floor(paths: Sequence[Path]) -> list[str]:
    return _python("-c", _FLOOR, *map(str, paths))


def _ratio(
    scenario: str, what: str, a: Measurement, b: Measurement | None, bound: float, cpu: bool
) -> Ratio:
    if b is None:
        return Ratio(scenario, what, None, f"≤ {bound}×", None)
    value = (a.cpu / b.cpu) if cpu else (a.wall / b.wall)
    return Ratio(scenario, what, value, f"≤ {bound}×", value <= bound)


def _tool(name: str) -> str | None:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    return found or shutil.which(name)


@functools.cache
def _has_cache() -> bool:
    return _supports("--no-cache")


def _supports(option: str) -> bool:
    import subprocess

    shown = subprocess.run(  # noqa: S603 - a fixed command
        _python("-m", "plancheck", "check", "--help"), capture_output=True, text=True, check=False
    )
    return option in shown.stdout


def startup(repeat: int) -> tuple[list[Measurement], list[Ratio]]:
    files = sorted(CORPUS.glob("*.yaml"))
    commands: list[tuple[str, Sequence[str]]] = [
        ("python -c pass", _python("-c", "pass")),
        ("plancheck --version", _plancheck("--version")),
        ("plancheck check baoji", _plancheck("check", str(CORPUS), "-q")),
    ]
    checker = _tool("check-jsonschema")
    if checker is not None:
        # One run over the same eight files plancheck reads (its exit code is not the
        # point: part files do not match the whole-plan schema).
        schema = str(ROOT / "schemas" / "plan.schema.json")
        argv = [checker, "--schemafile", schema, *map(str, files)]
        commands.append(("check-jsonschema baoji", argv))
    with tempfile.TemporaryDirectory() as folder:
        if _has_cache():
            caches = str(Path(folder) / "caches")
            commands.append(
                (
                    "plancheck check baoji, empty cache",
                    _python("-c", _EMPTY_CACHE, caches, "check", str(CORPUS), "-q"),
                )
            )
        mini = write_many(Path(folder), 1, projects=3)[0]
        commands.append(("plancheck check mini", _plancheck("check", str(mini), "-q")))
        if SPECTRAL.is_file():
            ruleset = ROOT / "benchmarks" / "spectral.yaml"
            commands.append(
                (
                    "spectral lint mini",
                    [str(SPECTRAL), "lint", "--ruleset", str(ruleset), "-q", str(mini)],
                )
            )
        measured = interleaved(commands, repeat)
    by = {m.name: m for m in measured}
    cold = by["plancheck check baoji"]
    ratios = [
        _ratio(
            "startup",
            "cold Baoji / check-jsonschema (CPU)",
            cold,
            by.get("check-jsonschema baoji"),
            0.5,
            True,
        )
    ]
    empty = by.get("plancheck check baoji, empty cache")
    jsonschema = by.get("check-jsonschema baoji")
    if empty is not None and jsonschema is not None:
        ratios.append(
            Ratio(
                "startup",
                "Baoji, empty cache / check-jsonschema (CPU)",
                empty.cpu / jsonschema.cpu,
                "—",
                None,
            )
        )
    ratios.append(
        _ratio(
            "startup",
            "plancheck mini / Spectral mini (CPU)",
            by["plancheck check mini"],
            by.get("spectral lint mini"),
            0.25,
            True,
        )
    )
    return measured, ratios


def many_plans(count: int, repeat: int) -> tuple[list[Measurement], list[Ratio]]:
    with tempfile.TemporaryDirectory() as folder:
        paths = write_many(Path(folder) / "plans", count)
        target = str(Path(folder) / "plans")
        measured = interleaved(
            [
                (f"PyYAML CSafeLoader {count}", _floor(paths)),
                (
                    f"plancheck {count}, four rules",
                    _plancheck("check", target, "-q", "--select", FOUR_RULES),
                ),
                (f"plancheck {count}, all rules", _plancheck("check", target, "-q")),
            ],
            repeat,
        )
    floor, four, every = measured
    name = f"{count} plans"
    return measured, [
        _ratio(name, "four rules / CSafeLoader floor (CPU)", four, floor, 2.0, True),
        _ratio(name, "all rules / CSafeLoader floor (CPU)", every, floor, 3.0, True),
    ]


def large_plans(sizes: Sequence[int], repeat: int) -> tuple[list[Measurement], list[Ratio]]:
    measured: list[Measurement] = []
    ratios: list[Ratio] = []
    with tempfile.TemporaryDirectory() as folder:
        # A plan this large needs more than the default value limit (documented bound:
        # 5,000,000); the configuration beside it raises it, as a user would.
        (Path(folder) / ".plancheck.yaml").write_text("max_values: 5000000\n", encoding="utf-8")
        for size in sizes:
            path = write_large(Path(folder), size)
            pair = interleaved(
                [
                    (f"PyYAML CSafeLoader {size} projects", _floor([path])),
                    (f"plancheck {size} projects", _plancheck("check", str(path), "-q")),
                ],
                repeat,
            )
            measured += pair
            ratio = _ratio(
                f"{size} projects", "plancheck / floor (CPU)", pair[1], pair[0], 1.2, True
            )
            if size < 100_000:
                # The target is the 100k-project plan; smaller ones show how time
                # per project goes (start-up weighs on a 1k-project plan).
                ratio = Ratio(ratio.scenario, ratio.what, ratio.value, ratio.target, None)
            ratios.append(ratio)
            rss = pair[1].peak_rss_mb
            ratios.append(
                Ratio(
                    f"{size} projects",
                    "peak RSS (MB)",
                    rss,
                    "≤ 400",
                    rss <= 400 if size >= 100_000 else None,
                )
            )
    return measured, ratios


def jobs(count: int, repeat: int) -> tuple[list[Measurement], list[Ratio]]:
    with tempfile.TemporaryDirectory() as folder:
        write_many(Path(folder) / "plans", count)
        target = str(Path(folder) / "plans")
        measured = interleaved(
            [
                (f"--jobs 1, {count} plans", _plancheck("check", target, "-q", "--jobs", "1")),
                (f"--jobs 2, {count} plans", _plancheck("check", target, "-q", "--jobs", "2")),
            ],
            repeat,
        )
    one, two = measured
    speedup = one.wall / two.wall
    # wait4 counts the workers' CPU in their parent's: what --jobs 2 costs beyond the
    # work itself is the parent's share (and the workers' start-up).
    overhead = two.cpu / one.cpu - 1
    return measured, [
        Ratio("jobs", "--jobs 1 wall / --jobs 2 wall", speedup, "≥ 1.7×", speedup >= 1.7),
        Ratio("jobs", "--jobs 2 CPU beyond --jobs 1 CPU", overhead, "≤ 0.1", overhead <= 0.1),
    ]


# Runs plancheck (the arguments after the first) with a cache folder of its own below the
# folder named first, new at each repeat: a user's first run, which also fills the cache
# (the cold rows run with --no-cache, so that repeats measure checking).
_EMPTY_CACHE = (
    "import os, sys, time\n"
    "os.environ['PLANCHECK_CACHE_DIR'] = os.path.join(sys.argv[1], str(time.time_ns()))\n"
    "from plancheck.cli import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


# Appends a comment to the plan named first, then runs plancheck with the rest of the
# arguments: each repeat finds one plan changed since the run before.
_EDIT_ONE = (
    "import sys, time\n"
    "with open(sys.argv[1], 'a', encoding='utf-8') as handle:\n"
    "    handle.write(f'# {time.time_ns()}\\n')\n"
    "from plancheck.cli import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def warm(count: int, repeat: int) -> tuple[list[Measurement], list[Ratio]]:
    """The same unchanged plans checked again (a result cache makes this cheap), and
    the same plans with one of them edited (the per-plan cache, not the replay)."""
    with tempfile.TemporaryDirectory() as folder:
        write_many(Path(folder) / "plans", count)
        target = str(Path(folder) / "plans")
        env = {**os.environ, "PLANCHECK_CACHE_DIR": str(Path(folder) / "cache")}
        # Before a result cache exists, the "cold" run is simply the first one.
        cold = interleaved(
            [(f"cold, {count} plans", _plancheck("check", target, "-q"))],
            repeat,
            cwd=folder,
            env=env,
        )[0]
        warmed = interleaved(
            [(f"warm, {count} plans", _plancheck("check", target, "-q", cached=True))],
            repeat,
            cwd=folder,
            env=env,
        )[0]
        edited = str(Path(target) / "plan-00000.yaml")
        one_edited = interleaved(
            [
                (
                    f"warm, 1 of {count} plans edited",
                    _python("-c", _EDIT_ONE, edited, "check", target, "-q"),
                )
            ],
            repeat,
            cwd=folder,
            env=env,
        )[0]
    # CPU, not wall: on a shared machine wall time measures the neighbours.
    value = warmed.cpu / cold.cpu
    partly = one_edited.cpu / cold.cpu
    return [cold, warmed, one_edited], [
        Ratio("warm", "warm / cold (CPU)", value, "≤ 0.1×", value <= 0.1),
        Ratio("warm", "one plan edited / cold (CPU)", partly, "—", None),
    ]


def many_small_memory(count: int) -> tuple[list[Measurement], list[Ratio]]:
    with tempfile.TemporaryDirectory() as folder:
        write_many(Path(folder) / "plans", count, projects=3)
        target = str(Path(folder) / "plans")
        measured = interleaved(
            [(f"plancheck {count} small plans", _plancheck("check", target, "-q"))],
            1,
            warmup=0,
        )
    rss = measured[0].peak_rss_mb
    return measured, [Ratio(f"{count} small plans", "peak RSS (MB)", rss, "≤ 300", rss <= 300)]


def _markdown(measurements: list[Measurement], ratios: list[Ratio], meta: dict[str, str]) -> str:
    out = ["# plancheck benchmarks", ""]
    out += [f"- {key}: {value}" for key, value in meta.items()]
    out += ["", "## Against the targets", "", "| scenario | ratio | value | target | met |"]
    out += ["| --- | --- | --- | --- | --- |"]
    for ratio in ratios:
        value = "n/a (peer not installed)" if ratio.value is None else f"{ratio.value:.2f}"
        met = "—" if ratio.met is None else ("yes" if ratio.met else "**no**")
        out.append(f"| {ratio.scenario} | {ratio.what} | {value} | {ratio.target} | {met} |")
    out += ["", "## Measurements", "", "| command | wall s | CPU s | peak RSS MB | exit |"]
    out += ["| --- | ---: | ---: | ---: | --- |"]
    for m in measurements:
        codes = ",".join(map(str, m.exit_codes))
        out.append(f"| {m.name} | {m.wall:.3f} | {m.cpu:.3f} | {m.peak_rss_mb:.0f} | {codes} |")
    return "\n".join(out) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _plot(measurements: list[Measurement], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    names = [m.name for m in measurements]
    figure, axes = plt.subplots(1, 2, figsize=(12, max(3, len(names) * 0.35)))
    axes[0].barh(names, [m.wall for m in measurements])
    axes[0].set_xlabel("wall time (s, median)")
    axes[1].barh(names, [m.peak_rss_mb for m in measurements])
    axes[1].set_xlabel("peak RSS (MB)")
    axes[1].set_yticklabels([])
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    return True


def _compile_plancheck() -> None:
    """Byte-compile plancheck as installing its wheel does.

    An editable install under ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every
    module from source on every run (about a third of a cold check), which no installed
    copy does, and which the peers, installed from wheels, never pay either.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("plancheck")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    parser.add_argument(
        "--only",
        choices=("startup", "many", "large", "jobs", "warm", "memory"),
        action="append",
        help="run only these scenarios (repeatable)",
    )
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else 5
    wanted = set(args.only or ("startup", "many", "large", "jobs", "warm", "memory"))
    measurements: list[Measurement] = []
    ratios: list[Ratio] = []
    _compile_plancheck()

    def add(result: tuple[list[Measurement], list[Ratio]]) -> None:
        measurements.extend(result[0])
        ratios.extend(result[1])
        for ratio in result[1]:
            value = "n/a" if ratio.value is None else f"{ratio.value:.2f}"
            print(f"{ratio.scenario:>22} | {ratio.what:<40} {value:>8}  target {ratio.target}")

    if "startup" in wanted:
        add(startup(repeat * 2))
    if "many" in wanted:
        for count in (400,) if args.quick else (400, 2000):
            add(many_plans(count, 1 if count > 400 else repeat))
    if "large" in wanted:
        add(large_plans((1000, 10_000) if args.quick else (1000, 10_000, 100_000), 1))
    if "jobs" in wanted:
        add(jobs(400 if args.quick else 2000, 1))
    if "warm" in wanted:
        add(warm(400, 1))
    if "memory" in wanted:
        add(many_small_memory(2000 if args.quick else 10_000))
    meta = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "mode": "quick" if args.quick else "full",
    }
    _write(args.out / "results.md", _markdown(measurements, ratios, meta))
    document = {
        "meta": meta,
        "ratios": [_as_dict(ratio) for ratio in ratios],
        "measurements": [
            {
                "name": m.name,
                "wall": m.wall,
                "cpu": m.cpu,
                "peak_rss_mb": m.peak_rss_mb,
                "exit_codes": m.exit_codes,
                "runs": len(m.runs),
            }
            for m in measurements
        ],
    }
    _write(args.out / "results.json", json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    if _plot(measurements, args.out / "results.png"):
        print(f"plot: {args.out / 'results.png'}")
    print(f"results: {args.out / 'results.md'}")
    return 0


def _as_dict(ratio: Ratio) -> dict[str, object]:
    return {
        "scenario": ratio.scenario,
        "what": ratio.what,
        "value": ratio.value,
        "target": ratio.target,
        "met": ratio.met,
    }


if __name__ == "__main__":
    raise SystemExit(main())
