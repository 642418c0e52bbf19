"""Open documents: text as bytes, the syntax tree kept up to date incrementally, and what
changed since the document was opened (for new-code mode)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
from lsprotocol import types
from pygls.uris import to_fs_path

from upstream.languages import LanguageSpec, language_for_id, language_for_path
from upstream.lsp.positions import UTF16, LineIndex


@dataclass
class OpenDocument:
    uri: str
    path: Path
    version: int
    source: bytes
    spec: LanguageSpec | None
    # The text when it was opened: new-code mode reports only lines changed since then.
    baseline: list[bytes] = field(default_factory=list)
    tree: tree_sitter.Tree | None = None
    _index: LineIndex | None = None
    _parser: tree_sitter.Parser | None = None

    @classmethod
    def open(cls, item: types.TextDocumentItem) -> OpenDocument:
        path = Path(to_fs_path(item.uri) or item.uri)
        spec = language_for_id(item.language_id) or language_for_path(path)
        source = item.text.encode("utf-8", "surrogatepass")
        document = cls(item.uri, path, item.version, source, spec, source.splitlines())
        document.reparse()
        return document

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex.of(self.source)
        return self._index

    def reparse(self) -> None:
        if self.spec is None:
            return
        if self._parser is None:
            self._parser = self.spec.parser()
        self.tree = (
            self._parser.parse(self.source, self.tree)
            if self.tree
            else self._parser.parse(self.source)
        )

    def apply(
        self,
        changes: list[types.TextDocumentContentChangeEvent],
        version: int,
        encoding: str = UTF16,
    ) -> None:
        """Apply content changes in order, editing the tree so the reparse is incremental."""
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                self._apply_partial(change, encoding)
            else:
                self.source = change.text.encode("utf-8", "surrogatepass")
                self._index = None
                self.tree = None
        self.version = version
        self.reparse()

    def _apply_partial(self, change: types.TextDocumentContentChangePartial, encoding: str) -> None:
        index = self.index
        start = index.offset(change.range.start, encoding)
        end = max(start, index.offset(change.range.end, encoding))
        new_text = change.text.encode("utf-8", "surrogatepass")
        start_point, old_end_point = index.point(start), index.point(end)
        self.source = self.source[:start] + new_text + self.source[end:]
        self._index = None
        if self.tree is not None:
            new_end_point = self.index.point(start + len(new_text))
            self.tree.edit(
                start, end, start + len(new_text), start_point, old_end_point, new_end_point
            )

    def changed_lines(self) -> set[int]:
        """0-based lines of the current text that differ from the text at open."""
        current = self.source.splitlines()
        matcher = difflib.SequenceMatcher(None, self.baseline, current, autojunk=False)
        changed: set[int] = set()
        for tag, _, _, first, last in matcher.get_opcodes():
            if tag in ("replace", "insert"):
                changed.update(range(first, last))
        return changed
