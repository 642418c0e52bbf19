"""Validated packs remembered on disk (packs/cached.py): used when nothing changed, never
when something did, and never in the way when the cache is broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lines, run_cli, write_pack
from upstream.engine import LANGUAGES, CheckOptions, RuleSet, check
from upstream.packs import load_rule_set
from upstream.packs.cached import DiskPackCache

RULES = """\
rules:
  - id: old-call
    title: old() is gone
    languages: [python]
    message: use new()
    docs: https://example.org/docs
    match:
      pattern: old($$$)
  - id: raw-call
    title: a raw query
    languages: [python]
    message: raw {{F}}
    docs: https://example.org/docs
    match:
      query: '((call function: (identifier) @F) @match (#match? @F "^raw_"))'
"""
CODE = "old(1)\nraw_thing()\nfine()\n"


def _found(rule_set: RuleSet) -> list[tuple[str, int, str]]:
    findings = check(CODE, LANGUAGES["python"], rule_set, "t.py", CheckOptions())
    return [
        (finding.rule, line, finding.message)
        for finding, line in zip(findings, lines(findings), strict=True)
    ]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "packs", RULES)


@pytest.fixture
def cache(tmp_path: Path) -> DiskPackCache:
    return DiskPackCache(tmp_path / "cache")


def _entries(cache: DiskPackCache) -> list[Path]:
    return sorted(cache.folder.glob("*.pickle")) if cache.folder.is_dir() else []


def _refuse_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pack was read although the cache has it")

    monkeypatch.setattr("upstream.packs.load_pack", refuse)


def test_a_second_load_comes_from_the_cache_and_finds_the_same(
    pack: Path, cache: DiskPackCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_rule_set([pack], cache=cache)
    assert not first.problems and len(_entries(cache)) == 1
    expected = _found(first.rule_set)
    assert expected == [("t/old-call", 1, "use new()"), ("t/raw-call", 2, "raw raw_thing")]
    _refuse_reading(monkeypatch)
    second = load_rule_set([pack], cache=cache)
    python = second.rule_set.for_language("python")
    assert python is not None
    [raw] = [rule.matcher.query for rule in python.rules if rule.matcher.query is not None]
    assert "query" not in raw.__dict__  # not compiled until a document needs it
    assert _found(second.rule_set) == expected


def test_an_edited_rule_file_is_read_again(pack: Path, cache: DiskPackCache) -> None:
    load_rule_set([pack], cache=cache)
    (pack / "rules.yaml").write_text(RULES.replace("use new()", "call new()"), "utf-8")
    assert _found(load_rule_set([pack], cache=cache).rule_set)[0][2] == "call new()"
    # A new rule file counts too.
    (pack / "more.yaml").write_text(
        RULES.replace("id: old-call", "id: other").replace("id: raw-call", "id: raw2"), "utf-8"
    )
    rules = {found[0] for found in _found(load_rule_set([pack], cache=cache).rule_set)}
    assert rules == {"t/old-call", "t/raw-call", "t/other", "t/raw2"}
    assert len(_entries(cache)) == 3


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_entry_means_loading_again(
    pack: Path, cache: DiskPackCache, garbage: bytes
) -> None:
    expected = _found(load_rule_set([pack], cache=cache).rule_set)
    [entry] = _entries(cache)
    entry.write_bytes(garbage)
    loaded = load_rule_set([pack], cache=cache)
    assert not loaded.problems and _found(loaded.rule_set) == expected
    assert entry.read_bytes() != garbage  # stored again


def test_a_pack_with_problems_is_not_cached(tmp_path: Path, cache: DiskPackCache) -> None:
    broken = write_pack(tmp_path / "packs", RULES.replace("old($$$)", "old(("))
    assert load_rule_set([broken], cache=cache).problems
    assert _entries(cache) == []
    assert load_rule_set([broken], cache=cache).problems  # still reported


def test_unsaved_pack_text_in_the_editor_bypasses_the_cache(
    pack: Path, cache: DiskPackCache
) -> None:
    load_rule_set([pack], cache=cache)
    overlay = {(pack / "rules.yaml").resolve(): RULES.replace("use new()", "typed, unsaved")}
    loaded = load_rule_set([pack], overlay=overlay, cache=cache)
    assert _found(loaded.rule_set)[0][2] == "typed, unsaved"
    assert _found(load_rule_set([pack], cache=cache).rule_set)[0][2] == "use new()"


def test_a_cache_folder_that_cannot_be_written_only_means_loading(
    pack: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    cache = DiskPackCache(blocker)
    for _ in range(2):
        loaded = load_rule_set([pack], cache=cache)
        assert not loaded.problems and len(_found(loaded.rule_set)) == 2


def test_the_cli_uses_the_cache(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "code.py"
    source.write_text(CODE)
    user_cache = tmp_path / "user-cache"
    monkeypatch.setenv("UPSTREAM_CACHE_DIR", str(user_cache))
    args = ("check", "--pack", str(pack), "--no-bundled", "--no-cache", str(source))
    runs = [run_cli(*args) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and "raw raw_thing" in runs[0].stdout
    assert len(list((user_cache / "validated-packs").glob("*.pickle"))) == 1
