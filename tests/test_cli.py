"""The command line as a user reads it: help texts, messages with brackets, README agreement."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli import EXIT_USAGE, app

WIDE = {"COLUMNS": "200"}


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env=WIDE)


def _commands() -> dict[str, Any]:
    """Every command by its path after ``trialx`` (``extract``, ``cache stats``, ...)."""
    found: dict[str, Any] = {}

    def walk(command: Any, path: tuple[str, ...]) -> None:
        if hasattr(command, "commands"):  # a group (typer bundles its own click)
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found[" ".join(path)] = command

    walk(typer.main.get_command(app), ())
    return found


def _squeezed(text: str) -> str:
    """Text without whitespace and the help panels' box lines, so wrapped help compares whole."""
    return re.sub(r"[\s│╭╮╰╯─]", "", text)


@pytest.mark.parametrize("path", sorted(_commands()))
def test_help_shows_every_option_help_verbatim(path):
    shown = _squeezed(invoke(*path.split(), "--help").output)
    for param in _commands()[path].params:
        help_text = getattr(param, "help", None)
        if help_text:
            assert _squeezed(help_text) in shown, f"trialx {path} --help lost text of {param.name}: {help_text!r}"


def test_help_shows_the_defaults_written_in_words():
    shown = _squeezed(invoke("extract", "--help").output)
    assert _squeezed("[default: (<output>.errors.jsonl)]") in shown
    assert _squeezed("[default: (when stderr is a terminal)]") in shown


def test_error_prints_a_bracketed_path_verbatim(tmp_path):
    missing = str(tmp_path / "in" / "[bold]x" / "nosuch.txt")
    result = invoke("extract", missing, "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == EXIT_USAGE
    assert missing in result.stderr


def test_config_error_names_its_key_and_table(tmp_path):
    config = tmp_path / "trialx.toml"
    config.write_text('[llm]\nmodel = "m"\nbase_url = "http://127.0.0.1:9/v1"\ncolour = "blue"\n')
    result = invoke("extract", "examples/", "-o", str(tmp_path / "out.jsonl"), "--backend", "openai",
                    "--config", str(config))
    assert result.exit_code == EXIT_USAGE
    assert "unknown [llm] keys: colour" in result.stderr
