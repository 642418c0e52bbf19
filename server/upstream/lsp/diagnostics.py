"""Findings to LSP diagnostics: the one adapter. The fix travels in ``data`` so a code action
never needs to check the file again."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from upstream.errors import Problem
from upstream.lsp.positions import UTF16, LineIndex
from upstream.model import Finding

SOURCE = "upstream"

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


def to_diagnostic(
    finding: Finding, index: LineIndex, version: int | None, encoding: str = UTF16
) -> types.Diagnostic:
    fix: dict[str, Any] | None = None
    if finding.fix is not None:
        edit_range = index.range(finding.fix.start_byte, finding.fix.end_byte, encoding)
        fix = {
            "range": _range_json(edit_range),
            "newText": finding.fix.text,
            "safe": finding.fix.safe,
        }
    return types.Diagnostic(
        range=index.range(finding.start_byte, finding.end_byte, encoding),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=finding.docs),
        source=SOURCE,
        tags=[types.DiagnosticTag.Deprecated] if finding.deprecated else None,
        data={
            "rule": finding.rule,
            "title": finding.title,
            "docs": finding.docs,
            "version": version,
            "fix": fix,
        },
    )


def _range_json(value: types.Range) -> dict[str, dict[str, int]]:
    return {
        "start": {"line": value.start.line, "character": value.start.character},
        "end": {"line": value.end.line, "character": value.end.character},
    }


def range_from_json(value: dict[str, dict[str, int]]) -> types.Range:
    return types.Range(
        start=types.Position(line=value["start"]["line"], character=value["start"]["character"]),
        end=types.Position(line=value["end"]["line"], character=value["end"]["character"]),
    )


def problem_diagnostic(problem: Problem) -> types.Diagnostic:
    """A pack error, shown on its line of the pack file."""
    line = max((problem.line or 1) - 1, 0)
    message = str(problem)
    prefix = f"{problem.path}:{problem.line}: " if problem.line is not None else f"{problem.path}: "
    if message.startswith(prefix):
        message = message[len(prefix) :]
    return types.Diagnostic(
        range=types.Range(
            start=types.Position(line=line, character=0),
            end=types.Position(line=line + 1, character=0),
        ),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
