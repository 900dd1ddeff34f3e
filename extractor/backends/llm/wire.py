"""What goes over the wire, made cheap: the speed shims of the LLM backend.

A chat request is posted through the client's documented ``post`` with a body encoded once per
job where it repeats (``BodyEncoder``), and the reply is validated by pydantic rather than by
openai's lenient construction (``poster``). Neither changes what is sent or what is read.
"""

from __future__ import annotations

import copy
import json
from typing import Any


class BodyEncoder:
    """The JSON of a chat request, reusing the text of what every request of a job repeats.

    The tool schema (or ``response_format``) is about 11 KB of nested objects and the same in
    every request; encoding it once, not each time, takes most of the 0.15 ms a body costs.
    instructor builds a new (equal) object per request, so a reused text is checked by
    equality against a private copy of what it was made from.
    """

    REPEATED = ("tools", "response_format")

    def __init__(self) -> None:
        self._memo: dict[str, tuple[Any, str]] = {}

    def __call__(self, body: dict[str, Any]) -> bytes:
        members = []
        for key, value in body.items():
            memo = self._memo.get(key) if key in self.REPEATED else None
            if memo is not None and memo[0] == value:
                text = memo[1]
            else:
                text = json.dumps(value, ensure_ascii=False)
                if key in self.REPEATED:
                    self._memo[key] = (copy.deepcopy(value), text)
            members.append(f"{json.dumps(key)}:{text}")
        return ("{" + ",".join(members) + "}").encode("utf-8")


def poster(client: Any) -> Any:
    """``POST /chat/completions`` through the client's documented ``post`` (as for any endpoint).

    ``chat.completions.create`` would first walk the whole request (the tool schema is
    large) against its typed parameters, about 2 ms a request; instructor has built a
    plain JSON body already, sent here as encoded JSON (``BodyEncoder``; a body with
    anything JSON cannot hold goes through openai's own encoding). The reply becomes the
    same ``ChatCompletion``, validated by pydantic (a tenth of the cost of openai's lenient
    construction), or built leniently as openai would when a server strays from the schema.
    """
    from openai.types.chat import ChatCompletion

    encode = BodyEncoder()

    async def create(**body: Any) -> Any:
        try:
            content = encode(body)
        except (TypeError, ValueError):
            return await client.post("/chat/completions", body=body, cast_to=ChatCompletion)
        return as_completion(await client.post("/chat/completions", content=content, cast_to=object))

    return create


def as_completion(data: Any) -> Any:
    """A chat completion's JSON as openai's ``ChatCompletion`` (an online reply, or a Batch API answer's
    body): validated by pydantic, else built leniently as openai would when a server strays from the schema."""
    from openai.types.chat import ChatCompletion
    from pydantic import ValidationError

    try:
        return ChatCompletion.model_validate(data)
    except ValidationError:
        return ChatCompletion.construct(**data) if isinstance(data, dict) else data
