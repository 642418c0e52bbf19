"""Apply fix edits to a document: all of a file's chosen edits, or none of them."""

from __future__ import annotations

from dataclasses import dataclass

from upstream.engine.findings import Edit, Finding
from upstream.engine.languages import LanguageSpec


@dataclass(frozen=True)
class FixResult:
    source: bytes
    applied: int
    # Edits left out because they overlap one applied before them.
    overlapping: int
    # Set when the fixed text would not parse where the original did: nothing is applied.
    refused: str | None = None


def chosen_edits(findings: list[Finding], unsafe: bool) -> list[Edit]:
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def non_overlapping(edits: list[Edit]) -> list[Edit]:
    """The edits in document order, leaving out any that overlaps one before it."""
    ordered = sorted(edits, key=lambda edit: (edit.start_byte, edit.end_byte))
    kept: list[Edit] = []
    end = -1
    for edit in ordered:
        if edit.start_byte < end or (kept and edit.start_byte == end == kept[-1].start_byte):
            continue
        kept.append(edit)
        end = edit.end_byte
    return kept


def apply_edits(source: bytes, edits: list[Edit], spec: LanguageSpec | None = None) -> FixResult:
    """Apply non-overlapping edits (earliest first wins); with ``spec``, refuse a result
    that introduces syntax errors."""
    kept = non_overlapping(edits)
    result = bytearray(source)
    for edit in reversed(kept):
        result[edit.start_byte : edit.end_byte] = edit.text.encode("utf-8")
    fixed = bytes(result)
    overlapping = len(edits) - len(kept)
    if spec is not None and kept and _breaks_syntax(spec, source, fixed):
        return FixResult(source, 0, overlapping, refused="the fixed file would not parse")
    return FixResult(fixed, len(kept), overlapping)


def _breaks_syntax(spec: LanguageSpec, before: bytes, after: bytes) -> bool:
    parser = spec.parser()
    if parser.parse(before).root_node.has_error:
        return False  # it did not parse before either; the fix is not to blame
    return parser.parse(after).root_node.has_error
