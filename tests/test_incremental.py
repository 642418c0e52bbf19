"""Incremental re-checks find exactly what a full check of the same text finds.

Random edit sequences (typing, deleting, opening a string that swallows the rest of the
file, adding imports and suppression comments) over real pack test files with many findings;
after every edit the incremental result must equal a fresh check.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import rule_yaml, write_pack
from hypothesis import given, settings
from hypothesis import strategies as st
from upstream.engine import LANGUAGES, CheckOptions, Document, RuleSet, check_document
from upstream.engine.incremental import Baseline, ByteEdit, check
from upstream.packs import bundled_pack_paths, load_rule_set

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    "python": [
        ROOT / "rules/pymongo/tests/collection.py",
        ROOT / "rules/python-ecosystem/tests/pydantic_v1.py",
        ROOT / "rules/python-ecosystem/tests/langchain_legacy.py",
        ROOT / "rules/python-ecosystem/tests/sqlalchemy_cassandra.py",
        ROOT / "rules/openai/tests/chat.py",
        # Rules that ask types (file-wide) and compat branches.
        ROOT / "rules/pymongo/tests/inference.py",
        ROOT / "rules/pymongo/tests/compat.py",
        ROOT / "rules/python-ecosystem/tests/pydantic_inference.py",
    ],
    "javascript": [
        ROOT / "rules/mongodb-node/tests/driver.js",
        ROOT / "rules/mongodb-node/tests/inference.js",
    ],
}
SNIPPETS = [
    "x",
    " ",
    "\n",
    '"',
    "(",
    ")",
    ":",
    "\n    ",
    "import os\n",
    "from openai import ChatCompletion as CC\n",
    "# upstream: ignore\n",
    "db.c.insert({})\n",
    "openai.ChatCompletion.create(model='x')\n",
    "class M(BaseModel):\n    class Config:\n        orm_mode = True\n",
    # A rebinding and a version flag change what statements elsewhere mean.
    "orders = []\n",
    "PYMONGO_3 = pymongo.version_tuple[0] < 4\n",
    "if PYMONGO_3:\n    orders.insert(doc, w=0)\n",
]


@functools.cache
def bundled_rules() -> RuleSet:
    return load_rule_set(bundled_pack_paths()).rule_set


@pytest.fixture
def rule_set() -> RuleSet:
    return bundled_rules()


class Editor:
    """What the language server keeps per document: the text, its tree, and the baseline
    tree of the last check with every edit since applied to it."""

    def __init__(self, language: str, source: bytes) -> None:
        self.spec = LANGUAGES[language]
        self.parser = self.spec.parser()
        self.source = source
        self.tree = self.parser.parse(source)
        self.checked_tree = self.tree.copy()
        self.baseline: Baseline | None = None

    def edit(self, start: int, end: int, text: bytes) -> None:
        start_point, old_end_point = _point(self.source, start), _point(self.source, end)
        self.source = self.source[:start] + text + self.source[end:]
        new_end = start + len(text)
        args = (start, end, new_end, start_point, old_end_point, _point(self.source, new_end))
        self.tree.edit(*args)
        self.checked_tree.edit(*args)
        self.tree = self.parser.parse(self.source, self.tree)
        if self.baseline is not None:
            self.baseline.edits.append(ByteEdit(start, end, new_end))

    def check(self, rule_set: RuleSet) -> tuple[list[object], bool]:
        rules = rule_set.for_language(self.spec.name)
        assert rules is not None
        changed = [(r.start_byte, r.end_byte) for r in self.checked_tree.changed_ranges(self.tree)]
        document = Document("t", self.source, self.spec, self.tree)
        result = check(document, rules, CheckOptions(), self.baseline, changed)
        self.baseline, self.checked_tree = result.baseline, self.tree.copy()
        return [_key(f) for f in result.findings], result.incremental


def _point(source: bytes, offset: int) -> tuple[int, int]:
    line = source.count(b"\n", 0, offset)
    return line, offset - (source.rfind(b"\n", 0, offset) + 1)


def _key(finding):
    return (finding.rule, finding.start_byte, finding.end_byte, finding.start, finding.message)


def full_findings(rule_set: RuleSet, editor: Editor) -> list[object]:
    rules = rule_set.for_language(editor.spec.name)
    assert rules is not None
    document = Document("t", editor.source, editor.spec)
    return [_key(f) for f in check_document(document, rules, CheckOptions())]


def assert_edits_recheck_as_fresh(
    rule_set: RuleSet, editor: Editor, steps: list[tuple[float, int, str]]
) -> None:
    """Apply each edit ``(where in the text 0..1, length replaced, new text)`` and require
    the incremental re-check to equal a fresh check every time."""
    editor.check(rule_set)
    for where, length, text in steps:
        start = int(where * len(editor.source))
        end = min(len(editor.source), start + length)
        editor.edit(start, end, text.encode())
        found, _ = editor.check(rule_set)
        assert found == full_findings(rule_set, editor)


edits = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.integers(0, 12),
        st.sampled_from(SNIPPETS) | st.just(""),
    ),
    min_size=1,
    max_size=6,
)


@pytest.mark.parametrize(
    "language, path", [(language, path) for language, paths in FILES.items() for path in paths]
)
@settings(
    max_examples=12,
    deadline=None,
)
@given(steps=edits)
def test_incremental_equals_full(language, path, steps):
    # The rule set is not an argument: Hypothesis would print it with a failing example.
    assert_edits_recheck_as_fresh(bundled_rules(), Editor(language, path.read_bytes()), steps)


def test_an_edit_inside_a_function_rechecks_incrementally(rule_set):
    source = (ROOT / "rules/pymongo/tests/collection.py").read_bytes()
    editor = Editor("python", source)
    before, incremental = editor.check(rule_set)
    assert not incremental and before
    at = source.rindex(b"\n", 0, len(source) - 2)
    editor.edit(at, at, b"\nzzz = 1")
    after, incremental = editor.check(rule_set)
    assert incremental and after == before == full_findings(rule_set, editor)


def test_an_edit_to_an_import_rechecks_the_whole_file(rule_set):
    source = b"import openai\n\nopenai.ChatCompletion.create(model='x')\n"
    editor = Editor("python", source)
    before, _ = editor.check(rule_set)
    assert before
    editor.edit(7, 13, b"mylib")  # import mylib: the call is no longer openai's
    after, incremental = editor.check(rule_set)
    assert not incremental and after == full_findings(rule_set, editor)


def test_an_alias_assignment_rechecks_the_whole_file_only_if_it_binds_an_import(rule_set):
    # `ai = openai` binds like an import: editing it re-checks the file. `users = db.users`
    # binds nothing imports resolve through: an edit beside it stays incremental.
    source = (
        b"import openai\nai = openai\n\nlimit = 1\n\nusers = db.users\n\n"
        b"ai.ChatCompletion.create()\n"
    )
    editor = Editor("python", source)
    before, _ = editor.check(rule_set)
    assert before
    at = source.index(b"users")
    editor.edit(at, at, b"all_")
    after, incremental = editor.check(rule_set)
    assert incremental and len(after) == len(before) and after == full_findings(rule_set, editor)
    at = editor.source.index(b"= openai") + 2
    editor.edit(at, at + len(b"openai"), b"mylib")  # `ai = mylib`: no longer openai's
    after, incremental = editor.check(rule_set)
    assert not incremental and after == full_findings(rule_set, editor) == []


def test_a_file_wide_rule_alone_is_searched_when_an_edit_adds_its_candidate(tmp_path):
    # The only rule is file-wide and there is no candidate before the edit: the re-check
    # must still notice the candidate the edit adds (no local rule runs to see it).
    pack = write_pack(
        tmp_path,
        rule_yaml(
            """
            match:
              all:
                - pattern: legacy_call($$$)
                - inside: { kind: module, has: { pattern: enable_legacy() } }
            """
        ),
    )
    rule_set = load_rule_set([pack]).rule_set
    rules = rule_set.for_language("python")
    assert rules is not None and not rules.is_local("t/r")
    editor = Editor("python", b"enable_legacy()\n\nx = 1\n")
    assert editor.check(rule_set)[0] == []
    editor.edit(len(editor.source), len(editor.source), b"legacy_call(1)\n")
    found, incremental = editor.check(rule_set)
    assert incremental and found == full_findings(rule_set, editor) and len(found) == 1


def test_a_file_that_stopped_a_check_short_is_checked_in_full_again(rule_set):
    # Where the depth limit cut the search depends on the whole tree, not on the statements
    # an edit touched: after such a check, the next version is checked in full.
    nested = b"f(" * 600 + b"eval(x)" + b")" * 600
    editor = Editor("python", b"import openai\n" + nested + b"\n\nx = 1\n")
    before, _ = editor.check(rule_set)
    assert [key[0] for key in before] == ["upstream/nested-too-deeply"]
    editor.edit(len(editor.source), len(editor.source), b"y = 2\n")
    after, incremental = editor.check(rule_set)
    assert not incremental and after == before == full_findings(rule_set, editor)
    # Edit the nesting away: the incremental path would have kept the stale warning.
    start = editor.source.index(b"f(")
    editor.edit(start, start + len(nested), b"g()")
    after, incremental = editor.check(rule_set)
    assert not incremental and after == full_findings(rule_set, editor) == []
