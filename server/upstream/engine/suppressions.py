"""``upstream: ignore[...]`` and ``upstream: ignore-file[...]`` comments in user code.

A comment alone on its line covers the next line; a comment after code covers its own line.
Ids may be full (``mongodb/shard-key-monotonic``) or short (``shard-key-monotonic``); no
brackets means every rule.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.document import Document
from upstream.engine.languages import LanguageSpec

MARKER = b"upstream:"
_DIRECTIVE = re.compile(r"upstream:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?")
ALL_RULES = "*"


@dataclass
class Suppressions:
    by_line: dict[int, set[str]] = field(default_factory=dict)
    file: set[str] = field(default_factory=set)

    def covers(self, rule: str, line: int) -> bool:
        names = self.file | self.by_line.get(line, set())
        if not names:
            return False
        short = rule.split("/", 1)[-1]
        return ALL_RULES in names or rule in names or short in names


@functools.cache
def _comment_query(spec: LanguageSpec) -> tree_sitter.Query:
    kinds = " ".join(f"({kind})" for kind in sorted(spec.comment_kinds))
    return tree_sitter.Query(spec.grammar, f"[{kinds}] @comment")


def find_suppressions(document: Document) -> Suppressions:
    found = Suppressions()
    if MARKER not in document.source:
        return found
    root = document.parse().root_node
    for _, captures in tree_sitter.QueryCursor(_comment_query(document.spec)).matches(root):
        for comment in captures.get("comment", []):
            _read_comment(document, comment, found)
    return found


def _read_comment(document: Document, comment: tree_sitter.Node, found: Suppressions) -> None:
    text = comment.text.decode("utf-8", "replace") if comment.text else ""
    for match in _DIRECTIVE.finditer(text):
        names = {name.strip() for name in (match.group(2) or "").split(",") if name.strip()}
        names = names or {ALL_RULES}
        if match.group(1) == "ignore-file":
            found.file |= names
            continue
        # The document's line, not tree-sitter's row: a lone "\r" ends only the former.
        start = document.position(comment.start_byte)
        before = document.line_text(start.line)[: start.column]
        target = start.line + 1 if not before.strip() else start.line
        found.by_line.setdefault(target, set()).update(names)
