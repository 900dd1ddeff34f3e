"""Response cache (diskcache): final validated extractions keyed by everything that changes them.

The key is the SHA-256 of canonical JSON of: model, base URL, mode, prompt name,
version and hash, the user-message template, the response schema, the request
parameters and the document text. Nothing secret goes in: the API key is not a
parameter of the key. Only successes are stored; a failed document is asked again on
the next run.

Values are JSON bytes, never pickles: diskcache's own ``Disk`` (and its ``JSONDisk``,
which calls it) unpickles any row whose mode column says "pickle", so anyone who can
write to the cache directory could run code in the next ``trialx extract``. The disk
used here reads back only string keys and bytes values; any other row is a cache miss
with an ``UnreadableCacheEntry`` warning, and is overwritten by the fresh answer.
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
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


class UnreadableCacheEntry(UserWarning):
    """A cache entry this version cannot read safely (tampered, or written otherwise): it is a miss."""


class _Refused(ValueError):
    """A row the bytes-only disk will not decode."""


@functools.cache
def _bytes_only_disk() -> type:
    """diskcache's ``Disk`` that decodes only string keys and bytes values, never a pickle.

    Built on first use, so importing this module does not import diskcache (and sqlite3).
    """
    import diskcache
    from diskcache.core import MODE_BINARY, MODE_RAW

    class BytesOnlyDisk(diskcache.Disk):  # type: ignore[misc]
        def get(self, key: Any, raw: bool) -> Any:
            if not raw:
                raise _Refused("its key is a pickle")
            return super().get(key, raw)

        def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
            if mode not in (MODE_RAW, MODE_BINARY):
                raise _Refused(f"its value is stored in diskcache mode {mode}, not as bytes")
            return super().fetch(mode, filename, value, read)

    return BytesOnlyDisk


class ResponseCache:
    """A diskcache directory holding JSON bytes by key (opened on first use)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self._cache: Any = None

    def _open(self) -> Any:
        if self._cache is None:
            import diskcache

            # Every setting is given, so none is read from the directory's Settings table.
            settings = {**diskcache.DEFAULT_SETTINGS, "size_limit": 2**34}
            self._cache = diskcache.Cache(str(self.directory), disk=_bytes_only_disk(), **settings)
        return self._cache

    def get(self, key: str) -> bytes | None:
        """The bytes stored under ``key``; None for a miss, or (with a warning) an unreadable entry."""
        if self._cache is None and not self.directory.exists():
            return None
        try:
            value = self._open().get(key)
        except (_Refused, OSError) as exc:
            self.unreadable(key, str(exc))
            return None
        if value is None or isinstance(value, bytes):
            return value
        self.unreadable(key, f"its value is a {type(value).__name__}, not JSON bytes")
        return None

    def unreadable(self, key: str, why: str) -> None:
        """Warn that the entry under ``key`` is treated as a miss, and why."""
        warnings.warn(f"response cache {self.directory}: entry {key[:12]} ignored ({why}); "
                      "the document is asked again", UnreadableCacheEntry, stacklevel=2)

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
