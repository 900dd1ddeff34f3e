"""Versioned prompts: ``prompts/<name>/v<N>.md``, the system message of one extraction.

A prompt is named ``name@N`` (``extract@2``); a bare ``name`` is its highest version.
The name, version and SHA-256 of the file's bytes travel with every result and into
the cache key. Prompt files are found, in order, in ``--prompts-dir`` /
``TRIALX_PROMPTS_DIR``, then in the package's own ``extractor/prompts`` (package data,
read with ``importlib.resources``: a link to the top-level ``prompts/`` in the source
tree, real files in a wheel however it is installed).

instructor renders messages as Jinja templates whenever its ``context`` is truthy. The
backend passes the document only as a validation context that reads as false to that
test (see ``backend.ValidationContext``), so nothing is rendered; should an instructor
release render it anyway, a prompt with Jinja syntax (``{{``, ``{%``, ``{#``) would
change meaning, so the loader refuses one.

A prompt file may start with a header between two ``---`` lines, ``key: value`` a line, which
is not sent to the model. Its one key is ``schema``: the response schema the model is shown
with this prompt, ``full`` (the default: every field with its description) or ``lean``
(``response.LeanExtraction``: the same records, a schema without prose, the prompt saying the
conventions once). The header is part of the file's hash.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from extractor.backends import BackendConfigError
from extractor.backends.llm.response import RESPONSE_MODELS, Extraction

#: The user message (``str.format``: braces inside the document are data, not fields).
USER_TEMPLATE = "Extract the trial records of this document.\n\n{title}<document>\n{document}\n</document>"
#: The title, when the input has one apart from the text: context for the model, not a source of evidence.
TITLE_TEMPLATE = "<title>\n{title}\n</title>\n(The title is context: quote evidence only from the document.)\n\n"


def user_message(document: str, title: str | None = None) -> str:
    """The user message for one document (or part of one), with its title when it has one."""
    return USER_TEMPLATE.format(document=document, title=TITLE_TEMPLATE.format(title=title) if title else "")
_JINJA = re.compile(r"\{\{|\{%|\{#")
_HEADER_FENCE = "---"
#: Header keys and their defaults.
_HEADER_DEFAULTS = {"schema": "full"}
_VERSION_FILE = re.compile(r"^v(\d+)\.md$")


@dataclass(frozen=True)
class Prompt:
    """One prompt version.

    Attributes:
        name: Prompt family (``extract``).
        version: Version number.
        text: The system message (the file without its header).
        sha256: Hash of the file's bytes.
        path: Where it was read from.
        schema: The response schema its header names (a key of ``response.RESPONSE_MODELS``).
    """

    name: str
    version: int
    text: str
    sha256: str
    path: str
    schema: str = "full"

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def response_model(self) -> type[Extraction]:
        """The model the answer is asked for and validated with."""
        return RESPONSE_MODELS[self.schema]


def _header(text: str, path: object) -> tuple[dict[str, str], str]:
    """The header's settings and the text after it (see the module docstring).

    Raises:
        BackendConfigError: an unknown key or value, or a header without its closing line;
            the message names the file and line.
    """
    lines = text.split("\n")
    if lines[0].strip() != _HEADER_FENCE:
        return dict(_HEADER_DEFAULTS), text
    found = dict(_HEADER_DEFAULTS)
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == _HEADER_FENCE:
            return found, "\n".join(lines[number:]).lstrip("\n")
        if not line.strip():
            continue
        key, sep, value = (part.strip() for part in line.partition(":"))
        if not sep or key not in _HEADER_DEFAULTS:
            raise BackendConfigError(f"{path}:{number}: the header takes 'schema: {'|'.join(RESPONSE_MODELS)}' and "
                                     f"ends with a '---' line, not {line.strip()!r}")
        if key == "schema" and value not in RESPONSE_MODELS:
            raise BackendConfigError(f"{path}:{number}: unknown schema {value!r}; "
                                     f"schemas: {', '.join(RESPONSE_MODELS)}")
        found[key] = value
    raise BackendConfigError(f"{path}:1: the header opened with '---' has no closing '---' line")


def search_path(prompts_dir: str | None = None) -> list[Traversable]:
    """Directories searched for prompts, first match wins: the user's, then the bundled ones."""
    dirs: list[Traversable] = [Path(prompts_dir)] if prompts_dir else []
    dirs.append(resources.files("extractor") / "prompts")
    return dirs


def versions(name: str, prompts_dir: str | None = None) -> dict[int, Traversable]:
    """Versions of prompt ``name`` in the first directory that has it."""
    for base in search_path(prompts_dir):
        folder = base / name
        if folder.is_dir():
            found = {int(m.group(1)): p for p in folder.iterdir() if (m := _VERSION_FILE.match(p.name))}
            if found:
                return found
    return {}


@functools.lru_cache(maxsize=32)
def load(spec: str, prompts_dir: str | None = None) -> Prompt:
    """Load ``name`` (latest) or ``name@N``.

    Raises:
        BackendConfigError: no such prompt or version, or the file holds Jinja syntax.
    """
    name, _, wanted = spec.partition("@")
    found = versions(name, prompts_dir)
    if not found:
        where = ", ".join(str(d) for d in search_path(prompts_dir))
        raise BackendConfigError(f"no prompt {name!r} (looked for {name}/v<N>.md in {where}); "
                                 "pass --prompt NAME or --prompts-dir DIR")
    try:
        version = int(wanted.lstrip("v")) if wanted else max(found)
        path = found[version]
    except (ValueError, KeyError):
        raise BackendConfigError(f"prompt {name!r} has no version {wanted!r}; versions: "
                                 f"{', '.join(str(v) for v in sorted(found))}") from None
    data = path.read_bytes()
    settings, text = _header(data.decode("utf-8"), path)
    if _JINJA.search(text):
        raise BackendConfigError(f"{path} holds Jinja syntax ({{{{, {{% or {{#), which instructor would render")
    return Prompt(name=name, version=version, text=text, sha256=hashlib.sha256(data).hexdigest(), path=str(path),
                  schema=settings["schema"])
