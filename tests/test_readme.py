"""The README's examples stay true: its configuration and waivers blocks are valid."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from plancheck import Config
from plancheck.review import parse_waivers
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", README, flags=re.DOTALL)


def _block(starting_with: str) -> str:
    return next(block for block in YAML_BLOCKS if block.startswith(starting_with))


def test_configuration_example_is_a_valid_config() -> None:
    data = YAML(typ="safe").load(_block("select:"))
    config = Config.model_validate(data)
    assert config.lang == "zh" and "PC305" in config.ignore


def test_waivers_example_is_a_valid_waivers_file() -> None:
    waivers = parse_waivers(_block("waivers:"), "waivers.yaml")
    assert len(waivers.waivers) == 1 and not waivers.invalid


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in first_block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[0].endswith("plancheck check corpus/baoji-2011-2015")
    assert "pytest" in commands[1]
