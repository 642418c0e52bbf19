"""Re-check a document after edits by looking again only where the edits can matter.

A finding of a *local* rule (engine/locality.py) depends on its own top-level statement
alone, so after an edit the statements the edit and the reparse touched are checked again,
and every other finding of a local rule is kept with its offsets shifted. Rules that look at
the whole file run over the whole file with a query of their own, and a change to any
import (which every rule resolves names through) re-checks everything.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.compiler import LanguageRules
from upstream.engine.document import Document
from upstream.engine.findings import Edit, Finding
from upstream.engine.imports import (
    Imports,
    LazyImports,
    alias_assignments,
    binds_imported,
    find_imports,
    import_query,
)
from upstream.engine.languages import LanguageSpec
from upstream.engine.runner import (
    CheckOptions,
    Search,
    active_rules,
    find,
    finish,
    is_incomplete,
    overlaps,
)

Span = tuple[int, int]


@dataclass(frozen=True)
class ByteEdit:
    """``old_end - start`` bytes at ``start`` became ``new_end - start`` bytes."""

    start: int
    old_end: int
    new_end: int

    def shift(self, offset: int, inside_to_end: bool) -> int:
        if offset <= self.start:
            return offset
        if offset >= self.old_end:
            return offset + self.new_end - self.old_end
        return self.new_end if inside_to_end else self.start


@dataclass
class Baseline:
    """What a check found, kept to re-check the next version: the findings before
    suppressions, where the imports sit, and the edits made since."""

    findings: list[Finding]
    import_spans: list[Span]
    imports: Imports | None = None  # if they were needed
    # The rules that applied: they change only with the imports, the settings or the
    # project's versions, and each of those starts over with a full check.
    active: frozenset[str] = frozenset()
    # Where the file-wide rules that apply had candidates: with none, they need no search.
    wide_candidates: list[Span] = field(default_factory=list)
    edits: list[ByteEdit] = field(default_factory=list)
    # False when the check stopped short somewhere (is_incomplete): where it stopped depends
    # on the whole file, so the next version is checked in full.
    complete: bool = True


@dataclass(frozen=True)
class Result:
    findings: list[Finding]  # suppressions applied, sorted
    baseline: Baseline
    incremental: bool  # False when the whole file was checked


def check(
    document: Document,
    language: LanguageRules,
    options: CheckOptions,
    previous: Baseline | None = None,
    changed: Iterable[Span] = (),
) -> Result:
    """Findings for ``document``; with ``previous`` (the baseline of an earlier version and
    the edits since) and ``changed`` (tree-sitter's changed ranges between the two trees),
    only what the edits can affect is looked at again."""
    if previous is not None and previous.complete:
        result = _recheck(document, language, options, previous, list(changed))
        if result is not None:
            return result
    imports = LazyImports(document.spec, document.parse().root_node, document.source)
    active = frozenset(active_rules(document, language, imports, options))
    search = Search(imports=imports, active=active, watched=_file_wide(language, active))
    raw = find(document, language, options, search)
    baseline = Baseline(
        raw,
        _import_spans(document, imports=imports),
        imports.known,
        active,
        search.candidates,
        complete=not any(is_incomplete(finding) for finding in raw),
    )
    return Result(finish(document, raw), baseline, incremental=False)


def _file_wide(language: LanguageRules, active: frozenset[str]) -> frozenset[str]:
    return frozenset(rule for rule in active if not language.is_local(rule))


def _recheck(
    document: Document,
    language: LanguageRules,
    options: CheckOptions,
    previous: Baseline,
    changed: list[Span],
) -> Result | None:
    dirty = _dirty_span(previous.edits, changed)
    if dirty is None:
        baseline = dataclasses.replace(previous, edits=[])
        return Result(finish(document, previous.findings), baseline, incremental=True)
    root = document.parse().root_node
    region = _statements_around(root, dirty)
    imports = [_shift_span(span, previous.edits) for span in previous.import_spans]
    if any(_overlap(span, region) for span in imports) or _import_spans(document, region):
        return None
    kept = []
    for finding in previous.findings:
        if language.is_local(finding.rule):
            span = _shift_span((finding.start_byte, finding.end_byte), previous.edits)
            if not overlaps(span, region):
                kept.append(_shifted(document, finding, span, previous.edits))
    # No import changed: the imports found for the last check still hold.
    known = LazyImports(document.spec, root, document.source, previous.imports)
    # Local rules may ask the root about imports (engine/locality.py): those are outside
    # the region, so their statements are searched for `has` too.
    file_wide = _file_wide(language, previous.active)
    search = Search(
        within=region,
        local_only=True,
        imports=known,
        feed_ranges=_merged(span for span in imports if not overlaps(span, region)),
        active=previous.active,
        watched=file_wide,
    )
    fresh = find(document, language, options, search)
    # A file-wide rule reports only where its own pattern matches, and whether a node is
    # such a candidate depends on that node alone: no candidate before or now, no search.
    outside = [
        moved
        for moved in (_shift_span(span, previous.edits) for span in previous.wide_candidates)
        if not overlaps(moved, region)
    ]
    wide_candidates: list[Span] = []
    if outside or search.candidates:
        subset = language.subset(file_wide)
        everywhere = Search(imports=known, active=file_wide, watched=file_wide)
        fresh += find(document, subset, options, everywhere)
        wide_candidates = everywhere.candidates
    raw = kept + fresh
    if any(is_incomplete(finding) for finding in fresh):
        return None  # the edit reached a limit: the whole file decides what was searched
    baseline = Baseline(raw, imports, known.known, previous.active, wide_candidates)
    return Result(finish(document, raw), baseline, incremental=True)


def _dirty_span(edits: list[ByteEdit], changed: list[Span]) -> Span | None:
    """One span, in the current bytes, covering every edit and every changed range."""
    span: Span | None = None
    for edit in edits:
        if span is not None:
            span = (edit.shift(span[0], False), edit.shift(span[1], True))
        span = _union(span, (edit.start, edit.new_end))
    for part in changed:
        span = _union(span, part)
    return span


def _union(span: Span | None, other: Span) -> Span:
    return other if span is None else (min(span[0], other[0]), max(span[1], other[1]))


def _statements_around(root: tree_sitter.Node, span: Span) -> Span:
    """``span`` widened to whole top-level statements (those touching it count too)."""
    start, end = span
    for child in root.children:
        if child.end_byte >= span[0] and child.start_byte <= span[1]:
            start, end = min(start, child.start_byte), max(end, child.end_byte)
    return start, end


def _overlap(span: Span, region: Span) -> bool:
    # Touching counts: an import next to the edit may have been extended by it.
    return span[0] <= region[1] and span[1] >= region[0]


def _shift_span(span: Span, edits: list[ByteEdit]) -> Span:
    start, end = span
    for edit in edits:
        start, end = edit.shift(start, False), edit.shift(end, True)
    return start, end


def _shifted(document: Document, finding: Finding, span: Span, edits: list[ByteEdit]) -> Finding:
    """``finding`` moved to ``span`` (its bytes after ``edits``)."""
    # An edit before the finding may move it in bytes, in lines (a newline for a
    # character), or both.
    if all(edit.start > finding.end_byte for edit in edits):
        return finding
    start, end = span
    start_position, end_position = document.position(start), document.position(end)
    fix = finding.fix
    if fix is not None:
        fix_start, fix_end = _shift_span((fix.start_byte, fix.end_byte), edits)
        if (fix_start, fix_end) == (start, end):  # the usual fix: replace the node
            fix_positions = start_position, end_position
        else:
            fix_positions = document.position(fix_start), document.position(fix_end)
        fix = Edit(fix_start, fix_end, *fix_positions, fix.text, fix.safe)
    # The constructor, not dataclasses.replace: this runs for every finding after an edit.
    return Finding(
        finding.rule,
        finding.severity,
        finding.message,
        finding.docs,
        finding.path,
        start_position,
        end_position,
        start,
        end,
        finding.title,
        finding.deprecated,
        fix,
        finding.bindings,
    )


def _merged(spans: Iterable[Span]) -> list[Span]:
    """Spans with those a line break apart joined: one search for a block of imports."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= 2:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _import_spans(
    document: Document, within: Span | None = None, imports: LazyImports | None = None
) -> list[Span]:
    """The top-level statements that hold an import (or a `require`), in ``within``;
    ``imports``: the document's, when the check has them (else found here if needed)."""
    root = document.parse().root_node
    spans: set[Span] = set()
    queries = (
        import_query(document.spec),
        _import_kinds_query(document.spec),
        _version_flags_query(document.spec),
    )
    for query in queries:
        if query is None:
            continue
        cursor = tree_sitter.QueryCursor(query)
        if within is not None:
            cursor.set_byte_range(*within)
        for _, captures in cursor.matches(root):
            for nodes in captures.values():
                for node in nodes:
                    statement = root.child_with_descendant(node) or node
                    spans.add((statement.start_byte, statement.end_byte))
    # `xp = numpy` binds like an import, but only if it involves an imported name: every
    # other module-level `x = a.b` would make each edit beside one re-check the file.
    aliases = alias_assignments(document.spec, root, within)
    if aliases:
        found = imports.found if imports is not None else find_imports(document.spec, root)
        for target, value, assignment in aliases:
            if binds_imported(found, target, value):
                statement = root.child_with_descendant(assignment) or assignment
                spans.add((statement.start_byte, statement.end_byte))
    return sorted(spans)


@functools.cache
def _version_flags_query(spec: LanguageSpec) -> tree_sitter.Query | None:
    # `PY2 = sys.version_info[0] == 2` at module level decides compat branches anywhere in
    # the file (engine/compat.py): changing one re-checks the whole file, as an import does.
    if spec.name != "python":
        return None
    text = """((module (expression_statement (assignment left: (identifier) right: (_) @value)))
      (#match? @value "version|VERSION|PY[23]"))"""
    return tree_sitter.Query(spec.grammar, text)


@functools.cache
def _import_kinds_query(spec: LanguageSpec) -> tree_sitter.Query | None:
    # Every import statement, also those the import query reads nothing from (`from . import
    # x`): rules may ask about any of them (engine/locality.py).
    if not spec.import_kinds:
        return None
    kinds = " ".join(f"({kind})" for kind in sorted(spec.import_kinds))
    return tree_sitter.Query(spec.grammar, f"[{kinds}] @import")


__all__ = ["Baseline", "ByteEdit", "Result", "check"]
