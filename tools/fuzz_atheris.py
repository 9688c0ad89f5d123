"""Coverage-guided fuzzing of plancheck's loader with atheris (libFuzzer for Python).

The property is the loader's contract: ``load_plan`` never raises for bad input; it
returns a plan, or diagnostics with input-family codes (PC001-PC009) and positions
inside the file. With ``--check`` every input that loads is also checked with all rules
and rendered in every output format, and a PC000 (a rule failing internally) is a crash.

    pip install atheris
    python tools/fuzz_atheris.py --make-seeds fuzz-seeds   # the corpus plan's YAML files
    python tools/fuzz_atheris.py fuzz-seeds -max_total_time=600
    python tools/fuzz_atheris.py --check fuzz-seeds -max_len=65536

Other arguments are libFuzzer's (``-help=1``). A crash is written to ``crash-<hash>``;
replay it with ``python tools/fuzz_atheris.py crash-<hash>``.

This file is a tool, not a test: pytest does not collect it (``testpaths`` is ``tests``
and its name does not start with ``test_``) and the package never imports it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LOAD_CODE = re.compile(r"PC00[0-9]")


def make_seeds(folder: Path) -> None:
    """Copy every YAML file of the corpus into ``folder`` as a libFuzzer seed."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, path in enumerate(sorted(CORPUS.rglob("*.yaml"))):
        (folder / f"seed-{number:03d}-{path.name}").write_bytes(path.read_bytes())


def main(argv: list[str]) -> None:
    if len(argv) > 2 and argv[1] == "--make-seeds":
        make_seeds(Path(argv[2]))
        return
    check = "--check" in argv
    argv = [arg for arg in argv if arg != "--check"]

    import atheris  # imported here so --make-seeds works without it

    with atheris.instrument_imports():
        from plancheck import Checker
        from plancheck.loading import LoadResult, load_plan
        from plancheck.outputs import FORMATS, render

    # A RAM-backed folder when there is one: every input is written to a file.
    shm = Path("/dev/shm")  # noqa: S108 - only as mkdtemp's parent: a private, random name
    folder = Path(tempfile.mkdtemp(prefix="plancheck-atheris-", dir=shm if shm.is_dir() else None))
    path = folder / "plan.yaml"
    checker = Checker() if check else None

    def one_input(data: bytes) -> None:
        path.write_bytes(data)
        result = load_plan(path)
        if not isinstance(result, LoadResult) or (result.plan is None and not result.diagnostics):
            raise AssertionError(f"load_plan answered neither a plan nor diagnostics: {result!r}")
        for diagnostic in result.diagnostics:
            if not LOAD_CODE.fullmatch(diagnostic.code) or diagnostic.line < 1:
                raise AssertionError(f"malformed diagnostic: {diagnostic!r}")
        if checker is None or result.plan is None:
            return
        report = checker.check_path(path)
        internal = [f.message_en for f in report.findings if f.rule == "PC000"]
        if internal:
            raise AssertionError(f"a rule failed internally: {internal}")
        full = checker.report([report])
        for output_format in FORMATS:
            render(full, output_format)

    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
