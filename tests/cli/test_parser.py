"""A run builds only its command's parser; what every command accepts and shows is the same."""

from __future__ import annotations

import argparse

import pytest

from plancheck.cli import _COMMANDS, build_parser, main


def _command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    raise AssertionError("no commands")


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_a_command_alone_parses_and_helps_as_among_all(command: str) -> None:
    alone = _command_parser(build_parser(command), command)
    among = _command_parser(build_parser(), command)
    assert alone.format_help() == among.format_help()
    assert alone.format_usage() == among.format_usage()


def test_only_the_named_command_is_built() -> None:
    parser = build_parser("check")
    assert sorted(_command_parser(parser, "check").prog.split()) == ["check", "plancheck"]
    with pytest.raises(KeyError):
        _command_parser(parser, "diff")


def test_every_command_is_listed_when_none_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    for command in _COMMANDS:
        assert f"    {command}" in shown


def test_a_misspelt_command_is_refused_with_every_choice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["chek", "x"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'chek'" in error
    for command in _COMMANDS:
        assert repr(command) in error
