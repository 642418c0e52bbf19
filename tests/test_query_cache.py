"""The validated-query cache: a merged query that compiled cleanly is not compiled again at
load just to validate it; any change to the packs compiles (and so validates) it again."""

from __future__ import annotations

from pathlib import Path

from conftest import rule_yaml, run_cli, write_pack
from upstream.engine import LANGUAGES, CheckOptions, Document, check_document
from upstream.packs import bundled_pack_paths, load_rule_set
from upstream.packs.validated import DiskQueryCache

CODE = b"import datetime\nstamp = datetime.datetime.utcnow()\nlegacy_call(1)\n"


def _python_findings(paths: list[Path], cache: DiskQueryCache) -> tuple[bool, list[str]]:
    rule_set = load_rule_set(paths, validated=cache).rule_set
    rules = rule_set.for_language("python")
    assert rules is not None
    compiled_at_load = rules.compiled
    document = Document("m.py", CODE, LANGUAGES["python"])
    return compiled_at_load, [f.rule for f in check_document(document, rules, CheckOptions())]


def test_a_clean_query_is_compiled_once_then_left_to_first_use(tmp_path: Path) -> None:
    cache = DiskQueryCache(tmp_path / "cache")
    pack = write_pack(tmp_path / "packs", rule_yaml("match:\n  pattern: legacy_call($X)"))
    paths = [*bundled_pack_paths(), pack]
    first = _python_findings(paths, cache)
    assert first[0] and first[1]  # compiled at load, and it finds things
    assert any(cache.folder.iterdir())
    second = _python_findings(paths, cache)
    assert second == (False, first[1])  # not compiled at load; the same findings

    # Another rule is another query: compiled, and validated, at load again. (Another
    # argument count would not be: the query finds every call by name, the same text.)
    write_pack(tmp_path / "packs", rule_yaml("match:\n  pattern: older_call($X)"))
    assert _python_findings(paths, cache)[0]


def test_a_cache_that_cannot_be_written_only_costs_a_compile(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would go")
    cache = DiskQueryCache(blocked)
    paths = list(bundled_pack_paths())
    assert _python_findings(paths, cache)[0]
    assert _python_findings(paths, cache)[0]  # nothing remembered, nothing broken


def test_check_twice_gives_the_same_report(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_bytes(CODE)
    first = run_cli("check", "--no-cache", "m.py", cwd=tmp_path)
    second = run_cli("check", "--no-cache", "m.py", cwd=tmp_path)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and "utcnow" in first.stdout
