"""The command line as a user reads it: help texts, messages with brackets, README agreement."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
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
    assert _squeezed("[default: (the usable cores)]") in shown


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


# --- README and CLI agree -------------------------------------------------------------------

README = Path(__file__).resolve().parent.parent / "README.md"
#: README sections (## headings) -> the commands whose options their prose names.
SECTION_COMMANDS = {
    "Using it": ("extract", "merge"),
    "Evaluation": ("eval", "compare", "gold-check"),
    "The LLM backend": ("extract",),
    "Export": ("export",),
    "Review in the browser": ("review",),
    "Batch jobs: the OpenAI Batch API and vLLM's batch runner": (
        "batch prepare", "batch submit", "batch status", "batch cancel", "batch collect"),
}
#: The README says ``trialx eval`` takes the same model settings as ``extract``.
SETTINGS_COMMANDS = ("extract", "eval")


def _options(path: str) -> set[str]:
    return {name for param in _commands()[path].params for name in (*param.opts, *param.secondary_opts)}


def _readme_sections() -> dict[str, str]:
    """README text by ``##`` heading (its ``###`` subsections included)."""
    parts = re.split(r"^## (.+)$", README.read_text(encoding="utf-8"), flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _code_lines(text: str) -> list[str]:
    """Lines of fenced code blocks, and inline code spans that start with ``trialx``."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.M | re.S)
    spans = re.findall(r"`(trialx [^`]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    return [line for block in blocks for line in block.splitlines()] + spans


def _readme_commands() -> list[str]:
    """Every ``trialx ...`` command line the README shows, comments cut."""
    lines = [line.split("   #")[0].split(" # ")[0].strip() for line in _code_lines(README.read_text(encoding="utf-8"))]
    return [line[line.index("trialx "):] for line in lines if re.match(r"(\S*/)?trialx ", line)]


def _argv(line: str) -> list[str]:
    """A README command line as arguments: optional brackets opened, the first of ``a|b`` kept."""
    tokens = shlex.split(line.replace("[", " ").replace("]", " "))[1:]
    return [token.split("|")[0] for token in tokens if token != "|"]


def test_readme_shows_commands_as_shell_would_run_them():
    for line in _readme_commands():
        outside = re.sub(r"\[[^\]]*\]", "", line)
        assert not re.search(r"\|\s*(\S*/)?trialx\b", outside), f"README pipes one trialx into another: {line}"


@pytest.mark.parametrize("line", _readme_commands())
def test_every_readme_command_line_parses(line):
    result = invoke(*_argv(line), "--help")
    assert result.exit_code == 0, f"{line!r}: {result.output}"


def test_every_option_readme_names_exists():
    sections = _readme_sections()
    assert set(SECTION_COMMANDS) <= set(sections), "a README section the test reads was renamed"
    for title, commands in SECTION_COMMANDS.items():
        prose = re.sub(r"^```.*?^```", "", sections[title], flags=re.M | re.S)
        known = set().union(*(_options(c) for c in commands))
        named = {m for span in re.findall(r"`([^`]+)`", prose) if not span.startswith("trialx ")
                 for m in re.findall(r"(?<![\w-])--[a-z][a-z-]*", span)}
        assert named - known == set(), f"README section {title!r} names options {', '.join(commands)} lack"


def test_every_llm_setting_in_the_readme_table_exists_for_extract_and_eval():
    table = re.search(r"^### Settings$(.*?)^###? ", README.read_text(encoding="utf-8"), flags=re.M | re.S)
    assert table, "README has no ### Settings section"
    rows = [row.split("|")[1] for row in table.group(1).splitlines() if row.startswith("| `--")]
    flags = {flag for cell in rows for flag in re.findall(r"--[a-z-]+", cell)}
    assert len(flags) > 15
    for command in SETTINGS_COMMANDS:
        assert flags - _options(command) == set(), f"trialx {command} lacks settings the README lists"
