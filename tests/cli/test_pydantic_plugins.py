"""The command line loads no pydantic plugin unless the user asks pydantic for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plancheck.cli import _PYDANTIC_PLUGINS

PLUGIN = """\
import os
from pathlib import Path

Path(os.environ["PLUGIN_MARKER"]).write_text("loaded", encoding="utf-8")


class Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = Plugin()
"""


def _installed_plugin(folder: Path) -> Path:
    """A distribution with a ``pydantic`` entry point, importable from ``folder``."""
    (folder / "tracing_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = folder / "tracing_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: tracing-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[pydantic]\ntracing = tracing_plugin:plugin\n", encoding="utf-8"
    )
    return folder / "marker"


def _check(tmp_path: Path, setting: str | None) -> tuple[subprocess.CompletedProcess[str], Path]:
    site = tmp_path / "site"
    site.mkdir()
    marker = _installed_plugin(site)
    plan = tmp_path / "plan.yaml"
    plan.write_text("id: p\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != _PYDANTIC_PLUGINS}
    env |= {"PYTHONPATH": str(site), "PLUGIN_MARKER": str(marker), "NO_COLOR": "1"}
    if setting is not None:
        env[_PYDANTIC_PLUGINS] = setting
    done = subprocess.run(
        [sys.executable, "-m", "plancheck", "check", str(plan), "--no-cache", "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    return done, marker


def test_no_pydantic_plugin_is_loaded_by_default(tmp_path: Path) -> None:
    done, marker = _check(tmp_path, None)
    assert done.returncode in (0, 1), done.stderr
    assert not marker.exists()


@pytest.mark.parametrize("setting", ["", "other"])
def test_the_user_can_load_pydantic_plugins_with_pydantic_s_switch(
    tmp_path: Path, setting: str
) -> None:
    done, marker = _check(tmp_path, setting)
    assert done.returncode in (0, 1), done.stderr
    assert marker.read_text(encoding="utf-8") == "loaded"
