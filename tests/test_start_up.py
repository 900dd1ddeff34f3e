"""Start-up: patterns compiled from one parse, compiled patterns kept between runs (``patterns._Kept``). Each
gives the very pattern ``re.compile`` gives, or one with the same matches."""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import pytest

from extractor import patterns
from extractor.backends.rules import design
from extractor.backends.rules.text import folded
from extractor.patterns import needed_words, needed_words_of, quick

PLAIN = [
    (r"hazard ratio", 0),
    (r"(?P<n>\d+) (?:patients|participants)", 0),
    (r"\d+(?:[.·]\d+)?\s*%", re.IGNORECASE),
    (r"(?i)overall survival", 0),
    (r"^(?:a|b)c$", re.MULTILINE),
    (r"[^.;]{1,40}?\b(?:group|arm)s?\b", re.IGNORECASE | re.DOTALL),
]


@pytest.mark.parametrize("pattern, flags", PLAIN)
def test_a_pattern_compiled_from_quicks_own_parse_is_res_own(pattern: str, flags: int) -> None:
    """The pattern object made from the parse quick() read equals re.compile's: same text, flags and code."""
    args = patterns._plain_args(pattern, flags)
    assert args is not None
    assert patterns._engine(args) == re.compile(pattern, flags)


@pytest.mark.parametrize("pattern, flags, text", [
    (r"\b(?:≥|x)\d+", 0, "x3 ≥5 and ≥ 7, y9 x≥2"),
    (r"\b(?:é|e)t\w*", re.IGNORECASE, "Étude et ÉTAT été net"),
    (r"\s+(?:and|or)\b", re.IGNORECASE, "A\u00a0AND b\u2003or c"),
])
def test_a_hint_past_ascii_finds_what_re_finds(pattern: str, flags: int, text: str) -> None:
    """The hint's characters past ASCII are kept as one range: matches there are found as re finds them."""
    assert [m.span() for m in quick(pattern, flags).finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("pattern, flags", [
    (r"\b(?:median )?overall survival", 0),
    (r"(?:were|was) (?:randomi[sz]ed|enrolled)", 0),
    (r"(?i)were randomized", 0),
    (r"were randomized", re.IGNORECASE),
])
def test_needed_words_read_without_compiling_are_the_compiled_patterns(pattern: str, flags: int) -> None:
    assert set(needed_words_of(pattern, flags)) == set(needed_words(re.compile(pattern, flags)))


def test_an_enrolment_shape_finds_what_the_pattern_as_written_finds() -> None:
    """A shape's pattern is compiled by quick() (kept between runs): its matches are re.compile's."""
    source = r"(?P<n>\d+|[a-z]+-[a-z]+)\s+patients\s+were\s+(?:randomi[sz]ed|enrolled)"
    shape = design._shape(source)
    assert set(shape.needs) == set(needed_words(folded(source)))
    text = "In all, 120 Patients were Randomized; Forty-Two patients WERE enrolled. 7 patients were treated"
    spans = [m.span("n") for m in re.finditer(source, text, re.IGNORECASE)]
    assert [m.span("n") for m in shape.pattern.finditer(text)] == spans
    assert [m.span("n") for p in (8, 38) if (m := shape.pattern.match(text, p))] == spans
    assert shape.fast is not None and [m.span("n") for m in shape.fast.finditer(text.lower())] == spans


@pytest.fixture
def kept_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """quick() keeping its patterns in a file of its own, read afresh by each ``use()``."""
    path = tmp_path / "kept" / "patterns.marshal"

    def use() -> patterns._Kept:
        kept = patterns._Kept(path)
        monkeypatch.setattr(patterns, "_kept", lambda: kept)
        return kept

    return path, use


def test_a_kept_pattern_is_read_back_not_compiled(kept_file, monkeypatch: pytest.MonkeyPatch) -> None:
    path, use = kept_file
    first = use()
    made = quick(r"\b(?:median )?overall survival", re.IGNORECASE)
    first.close()
    assert path.exists()
    use()
    monkeypatch.setattr(patterns, "_quick_args", lambda *_: pytest.fail("compiled again"))
    again = quick(r"\b(?:median )?overall survival", re.IGNORECASE)
    assert again == made  # the same code, flags and text
    assert again.search("MEDIAN Overall Survival").group(0) == "MEDIAN Overall Survival"


def test_a_run_that_compiles_nothing_new_writes_nothing(kept_file, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern read back, a look-ahead one too ("(?=[gs]|$)(?:...)"): the file is left as it is."""
    path, use = kept_file
    look_ahead = r"(?:grade )?$"
    first = use()
    assert quick(look_ahead).pattern.startswith("(?=[g]|$)")
    quick(r"\bpost[- ]?hoc\b")
    first.close()
    written = path.stat().st_mtime_ns
    second = use()
    monkeypatch.setattr(patterns, "_quick_args", lambda *_: pytest.fail("compiled again"))
    assert quick(look_ahead).search("no grade").span() == re.search(look_ahead, "no grade").span()
    quick(r"\bpost[- ]?hoc\b")
    assert not second.added
    second.close()
    assert path.stat().st_mtime_ns == written


def _write(path: Path, key: str, entries: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(marshal.dumps({"key": key, "entries": entries}))


def test_patterns_kept_by_another_python_are_not_used(kept_file) -> None:
    """A file written by another Python (another key) is ignored: its patterns may be compiled otherwise."""
    path, use = kept_file
    other = patterns._plain_args("xyz", 0)
    _write(path, patterns._KEPT_KEY.replace(sys.version, "3.10.0 (other)"), {("quick", "abc", 0): other})
    kept = use()
    assert kept.entries == {}
    assert quick("abc").search("xyz abc").group(0) == "abc"


def test_a_kept_pattern_re_refuses_or_made_for_another_text_is_compiled_again(kept_file) -> None:
    path, use = kept_file
    _write(path, patterns._KEPT_KEY, {("quick", "abc", 0): ("abc", 32, [1, 2, 3], 0, {}, ()),  # invalid code
                                       ("quick", "def", 0): patterns._plain_args("xyz", 0)})
    use()
    assert quick("abc").search("xyz abc").group(0) == "abc"
    assert quick("def").search("xyz def").group(0) == "def"


def test_a_file_that_cannot_be_read_or_written_is_no_failure(tmp_path: Path) -> None:
    (tmp_path / "garbage.marshal").write_bytes(b"\x00not marshal")
    assert patterns._Kept(tmp_path / "garbage.marshal").entries == {}
    (tmp_path / "a-file").write_text("")
    kept = patterns._Kept(tmp_path / "a-file" / "patterns.marshal")  # its directory cannot be made
    kept.put("quick", "abc", 0, patterns._plain_args("abc", 0))
    kept.close()
    assert not (tmp_path / "a-file").is_dir()


def test_where_patterns_are_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIALX_PATTERN_CACHE", "off")
    assert patterns.kept_path() is None
    monkeypatch.setenv("TRIALX_PATTERN_CACHE", str(tmp_path))
    path = patterns.kept_path()
    assert path is not None and path.parent == tmp_path and sys.implementation.cache_tag in path.name
    monkeypatch.delenv("TRIALX_PATTERN_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert patterns.kept_path().parent == tmp_path / "trialx"
