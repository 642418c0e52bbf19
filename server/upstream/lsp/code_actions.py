"""Code actions: apply a finding's fix, suppress it on its line or in the file, open its
docs, and ``source.fixAll.upstream`` for every safe fix in the file."""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from upstream.engine import Finding, apply_edits, chosen_edits, non_overlapping
from upstream.lsp.diagnostics import SOURCE, range_from_json
from upstream.lsp.documents import OpenDocument
from upstream.lsp.positions import UTF16

FIX_ALL_KIND = "source.fixAll.upstream"
OPEN_DOCS_COMMAND = "upstream.openDocs"
_IGNORE = re.compile(r"upstream:\s*ignore\[([^\]]*)\]")
_IGNORE_FILE = re.compile(r"upstream:\s*ignore-file\[([^\]]*)\]")


def _edit(document: OpenDocument, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    identifier = types.OptionalVersionedTextDocumentIdentifier(
        uri=document.uri, version=document.version
    )
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(text_document=identifier, edits=edits)]
    )


def _wants(only: list[str] | None, kind: str) -> bool:
    if not only:
        return True
    return any(kind == wanted or kind.startswith(wanted + ".") for wanted in only)


def actions_for_diagnostic(
    document: OpenDocument, diagnostic: types.Diagnostic, encoding: str = UTF16
) -> list[types.CodeAction]:
    data: Any = diagnostic.data
    if diagnostic.source != SOURCE or not isinstance(data, dict) or "rule" not in data:
        return []
    rule = str(data["rule"])
    actions: list[types.CodeAction] = []
    fix = data.get("fix")
    if isinstance(fix, dict) and data.get("version") == document.version:
        edit = types.TextEdit(range=range_from_json(fix["range"]), new_text=fix["newText"])
        label = "Fix" if fix.get("safe", True) else "Fix (review: unsafe)"
        actions.append(
            types.CodeAction(
                title=f"{label}: {data.get('title') or rule}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=bool(fix.get("safe", True)),
                edit=_edit(document, [edit]),
            )
        )
    comment = document.spec.line_comment if document.spec else "#"
    line = diagnostic.range.start.line
    actions.append(
        types.CodeAction(
            title=f"Suppress {rule} on this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(document, [suppress_line_edit(document, line, rule, comment, encoding)]),
        )
    )
    actions.append(
        types.CodeAction(
            title=f"Suppress {rule} in this file",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(document, [suppress_file_edit(document, rule, comment, encoding)]),
        )
    )
    docs = data.get("docs")
    if isinstance(docs, str):
        actions.append(
            types.CodeAction(
                title=f"Open documentation for {rule}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                command=types.Command(
                    title="Open documentation", command=OPEN_DOCS_COMMAND, arguments=[docs]
                ),
            )
        )
    return actions


def _lines(document: OpenDocument) -> list[str]:
    # The index's lines, so a lone "\r" ends one here as in the diagnostics.
    index = document.index
    return [
        document.source[start : index.line_end(line)].decode("utf-8", "replace")
        for line, start in enumerate(index.starts)
    ]


def _line_end(document: OpenDocument, line: int, encoding: str) -> types.Position:
    index = document.index
    return index.position(index.line_end(line), encoding)


def _merge(match: re.Match[str], text: str, rule: str) -> str:
    names = [name.strip() for name in match.group(1).split(",") if name.strip()]
    if rule not in names:
        names.append(rule)
    return text[: match.start(1)] + ", ".join(names) + text[match.end(1) :]


def suppress_line_edit(
    document: OpenDocument, line: int, rule: str, comment: str, encoding: str = UTF16
) -> types.TextEdit:
    """Add ``rule`` to a suppression comment on the line above, or insert one there."""
    lines = _lines(document)
    line = min(line, len(lines) - 1)
    above = lines[line - 1] if line > 0 else None
    if above is not None and above.strip().startswith(comment):
        match = _IGNORE.search(above)
        if match is not None:
            return types.TextEdit(
                range=types.Range(
                    start=types.Position(line=line - 1, character=0),
                    end=_line_end(document, line - 1, encoding),
                ),
                new_text=_merge(match, above.rstrip("\r"), rule),
            )
    indent = re.match(r"[ \t]*", lines[line])
    prefix = indent.group(0) if indent else ""
    start = types.Position(line=line, character=0)
    return types.TextEdit(
        range=types.Range(start=start, end=start),
        new_text=f"{prefix}{comment} upstream: ignore[{rule}]\n",
    )


def suppress_file_edit(
    document: OpenDocument, rule: str, comment: str, encoding: str = UTF16
) -> types.TextEdit:
    """Add ``rule`` to the file's ignore-file comment, or insert one at the top (after a
    shebang or encoding line)."""
    lines = _lines(document)
    for number, text in enumerate(lines):
        match = _IGNORE_FILE.search(text)
        if match is not None and text.strip().startswith(comment):
            return types.TextEdit(
                range=types.Range(
                    start=types.Position(line=number, character=0),
                    end=_line_end(document, number, encoding),
                ),
                new_text=_merge(match, text.rstrip("\r"), rule),
            )
    line = 0
    while line < len(lines) and (
        (line == 0 and lines[0].startswith("#!")) or re.match(r"^#.*coding[:=]", lines[line])
    ):
        line += 1
    start = types.Position(line=line, character=0)
    return types.TextEdit(
        range=types.Range(start=start, end=start),
        new_text=f"{comment} upstream: ignore-file[{rule}]\n",
    )


def fix_all_action(
    document: OpenDocument, findings: list[Finding], encoding: str = UTF16
) -> types.CodeAction | None:
    """Every safe fix in the file as one edit, if the result still parses."""
    edits = non_overlapping(chosen_edits(findings, unsafe=False))
    if not edits:
        return None
    if apply_edits(document.source, edits, document.spec).refused:
        return None
    index = document.index
    text_edits = [
        types.TextEdit(range=index.range(e.start_byte, e.end_byte, encoding), new_text=e.text)
        for e in edits
    ]
    return types.CodeAction(
        title="upstream: apply all safe fixes",
        kind=FIX_ALL_KIND,
        edit=_edit(document, text_edits),
    )


def code_actions(
    document: OpenDocument,
    params: types.CodeActionParams,
    findings: list[Finding],
    encoding: str = UTF16,
) -> list[types.CodeAction]:
    only = [str(kind) for kind in params.context.only] if params.context.only else None
    actions: list[types.CodeAction] = []
    if _wants(only, types.CodeActionKind.QuickFix):
        for diagnostic in params.context.diagnostics:
            actions.extend(actions_for_diagnostic(document, diagnostic, encoding))
    if only and any(FIX_ALL_KIND.startswith(kind) for kind in only):
        fix_all = fix_all_action(document, findings, encoding)
        if fix_all is not None:
            actions.append(fix_all)
    return actions
