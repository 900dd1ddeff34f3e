"""Response cache (diskcache): final validated extractions keyed by everything that changes them.

The key is the SHA-256 of canonical JSON of: model, base URL, mode, prompt name,
version and hash, the user-message template, the response schema, the request
parameters and the document text. Nothing secret goes in: the API key is not a
parameter of the key. Only successes are stored; a failed document is asked again on
the next run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

#: Bump when the stored value's shape changes.
CACHE_FORMAT = 1


def parts_digest(parts: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of what, besides the document, changes the answer."""
    canonical = json.dumps(dict(parts, cache_format=CACHE_FORMAT), sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def cache_key(digest: str, document: str, title: str | None = None) -> str:
    """Key of one document (its text and title) under the settings whose ``parts_digest`` is ``digest``."""
    head = f"{digest}\n" if title is None else f"{digest}\ntitle:{title}\n"
    return hashlib.sha256(f"{head}{document}".encode()).hexdigest()


class ResponseCache:
    """A diskcache directory holding JSON bytes by key (opened on first use)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self._cache: Any = None

    def _open(self) -> Any:
        if self._cache is None:
            import diskcache

            self._cache = diskcache.Cache(str(self.directory), size_limit=2**34)
        return self._cache

    def get(self, key: str) -> bytes | None:
        if self._cache is None and not self.directory.exists():
            return None
        value = self._open().get(key)
        return value if isinstance(value, bytes) else None

    def put(self, key: str, value: bytes) -> None:
        self._open().set(key, value)

    def stats(self) -> dict[str, Any]:
        """Entries, bytes on disk and path."""
        if not self.directory.exists():
            return {"path": str(self.directory), "entries": 0, "size_bytes": 0}
        cache = self._open()
        size = sum(f.stat().st_size for f in self.directory.rglob("*") if f.is_file())
        return {"path": str(self.directory), "entries": len(cache), "size_bytes": size}

    def clear(self) -> int:
        """Remove every entry; return how many there were."""
        if not self.directory.exists():
            return 0
        return int(self._open().clear())

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


def describe_size(size: float) -> str:
    """Bytes for people: 512 B, 3.4 MB."""
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
