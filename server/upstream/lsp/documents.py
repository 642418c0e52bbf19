"""Open documents: text as bytes, the syntax tree (edited with the text, reparsed when a check
needs it), and what changed since the document was opened (for new-code mode)."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from pathlib import Path

import tree_sitter
from lsprotocol import types
from pygls.uris import to_fs_path

from upstream.engine import Document, LanguageSpec, language_for_id, language_for_path
from upstream.engine.embedded import document_kind
from upstream.engine.incremental import Baseline, ByteEdit
from upstream.lsp.positions import UTF16, LineIndex


@dataclass
class OpenDocument:
    uri: str
    path: Path
    version: int
    source: bytes
    spec: LanguageSpec | None
    # The text when it was opened: new-code mode reports only lines changed since then.
    opened: bytes = b""
    # Parsed when a check needs it (``snapshot``), after the server's size check: a document
    # over maxFileSize is never parsed. Edits are applied to it as they come.
    tree: tree_sitter.Tree | None = None
    _tree_stale: bool = True
    # The last check kept for an incremental re-check: its result (with the edits made
    # since), the settings generation it ran under, and its tree with those edits applied.
    checked: Baseline | None = None
    checked_generation: int = -1
    checked_tree: tree_sitter.Tree | None = None
    _index: LineIndex | None = None
    _parser: tree_sitter.Parser | None = None

    @classmethod
    def open(cls, item: types.TextDocumentItem) -> OpenDocument:
        path = Path(to_fs_path(item.uri) or item.uri)
        spec = language_for_id(item.language_id) or language_for_path(path)
        source = item.text.encode("utf-8", "surrogatepass")
        return cls(item.uri, path, item.version, source, spec, opened=source)

    @property
    def checkable(self) -> bool:
        """Code in a language upstream reads, or a document whose code blocks it checks."""
        # A notebook opened as text is its JSON: its findings count in cells it cannot name.
        return self.spec is not None or document_kind(self.path) not in (None, "notebook")

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex.of(self.source)
        return self._index

    def _parse(self, spec: LanguageSpec) -> tree_sitter.Tree:
        if self.tree is None or self._tree_stale:
            if self._parser is None:
                self._parser = spec.parser()
            # The old tree, edited as the text was, makes this parse incremental.
            self.tree = (
                self._parser.parse(self.source, self.tree)
                if self.tree is not None
                else self._parser.parse(self.source)
            )
            self._tree_stale = False
        return self.tree

    def release(self) -> None:
        """Drop the tree and the last check, keeping the text: for a document not checked (over
        the size limit, binary) or replaced whole."""
        self.tree = self.checked = self.checked_tree = None

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
                self.release()
        self.version = version
        self._tree_stale = True

    def _apply_partial(self, change: types.TextDocumentContentChangePartial, encoding: str) -> None:
        index = self.index
        start = index.offset(change.range.start, encoding)
        end = max(start, index.offset(change.range.end, encoding))
        new_text = change.text.encode("utf-8", "surrogatepass")
        self.source = self.source[:start] + new_text + self.source[end:]
        self._index = None
        # A document never parsed (over the size limit) has no tree and needs no new index.
        if self.tree is not None or self.checked_tree is not None:
            self._edit_trees(index, start, end, start + len(new_text))

    def _edit_trees(self, before: LineIndex, start: int, end: int, new_end: int) -> None:
        edit = (
            start,
            end,
            new_end,
            before.point(start),
            before.point(end),
            self.index.point(new_end),
        )
        if self.tree is not None:
            self.tree.edit(*edit)
        if self.checked is not None and self.checked_tree is not None:
            self.checked_tree.edit(*edit)
            self.checked.edits.append(ByteEdit(start, end, new_end))

    def snapshot(self, generation: int) -> CheckPlan | None:
        """What a check of the current version needs, taken on the server's thread (edits
        keep arriving while a check runs in a worker)."""
        if self.spec is None:
            return None
        tree = self._parse(self.spec)
        # The line starts are the ones this document's index already found.
        document = Document(str(self.path), self.source, self.spec, tree.copy(), self.index.starts)
        previous, changed = None, []
        if (
            self.checked is not None
            and self.checked_tree is not None
            and self.checked_generation == generation
        ):
            previous = dataclasses.replace(self.checked, edits=list(self.checked.edits))
            ranges = self.checked_tree.changed_ranges(tree)
            changed = [(part.start_byte, part.end_byte) for part in ranges]
        return CheckPlan(document, self.version, generation, previous, changed)

    def remember(self, plan: CheckPlan, baseline: Baseline) -> None:
        """Keep a finished check for the next one, if no edit came in meanwhile."""
        if plan.version == self.version and plan.document.tree is not None:
            self.checked, self.checked_generation = baseline, plan.generation
            self.checked_tree = plan.document.tree

    def changed_lines(self) -> set[int]:
        """0-based lines of the current text that differ from the text at open."""
        current = self.source.splitlines()
        matcher = difflib.SequenceMatcher(None, self.opened.splitlines(), current, autojunk=False)
        changed: set[int] = set()
        for tag, _, _, first, last in matcher.get_opcodes():
            if tag in ("replace", "insert"):
                changed.update(range(first, last))
        return changed


@dataclass(frozen=True)
class CheckPlan:
    document: Document
    version: int
    generation: int
    previous: Baseline | None
    changed: list[tuple[int, int]]
