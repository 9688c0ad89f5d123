"""A run without configuration takes the defaults without building the Config model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plancheck.engine.config import Config, default_config, load_config


def test_the_defaults_equal_a_validated_empty_configuration(tmp_path: Path) -> None:
    validated = Config.model_validate({})
    assert default_config() == validated
    assert default_config().model_dump() == validated.model_dump()
    assert load_config(tmp_path) == validated


def test_a_run_without_configuration_never_builds_the_model(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("id: p\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from plancheck.cli import main\n"
        "from plancheck.engine.config import Config\n"
        "code = main(sys.argv[1:])\n"
        "print(code, Config.__pydantic_complete__)\n"
    )
    for options in ([], ["--no-cache", "--format", "sarif"], ["--select", "PC1"]):
        done = subprocess.run(
            [sys.executable, "-c", probe, "check", str(plan), *options],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        code, built = done.stdout.splitlines()[-1].split()
        assert (code in ("0", "1"), built) == (True, "False"), (options, done.stderr)
    (tmp_path / ".plancheck.yaml").write_text("select: [PC1]\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", str(plan)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    code, built = done.stdout.splitlines()[-1].split()
    assert (code in ("0", "1"), built) == (True, "True"), done.stderr
