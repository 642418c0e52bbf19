"""Findings to LSP diagnostics: the one adapter. The fix travels in ``data`` so a code action
never needs to check the file again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cattrs
from lsprotocol import types
from pygls.protocol import default_converter

from upstream.engine import Finding
from upstream.errors import Problem
from upstream.lsp.positions import UTF16, LineIndex

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
    diagnostic: types.Diagnostic = _CONVERTER.structure(
        _diagnostic_json(finding, index, version, encoding), types.Diagnostic
    )
    return diagnostic


@dataclass(frozen=True)
class Prepared:
    """Message params already in JSON form: the converter passes them through untouched.

    A publish of a few hundred diagnostics spends longer in cattrs than the re-check took;
    built as plain dicts they cost a fraction of that.
    """

    json: dict[str, Any]


def converter() -> cattrs.Converter:
    """pygls' converter, plus the pass-through for Prepared params."""
    built: cattrs.Converter = default_converter()  # type: ignore[no-untyped-call]
    plain = built.get_unstructure_hook(types.PublishDiagnosticsNotification)

    def notification(message: types.PublishDiagnosticsNotification) -> Any:
        # The notification's generated hook expects the params class; Prepared skips it.
        params: Any = message.params
        if isinstance(params, Prepared):
            return {"jsonrpc": message.jsonrpc, "method": message.method, "params": params.json}
        return plain(message)

    built.register_unstructure_hook(types.PublishDiagnosticsNotification, notification)
    return built


_CONVERTER = converter()


def publish_params(
    uri: str,
    version: int | None,
    findings: list[Finding],
    index: LineIndex,
    encoding: str = UTF16,
) -> Prepared:
    """textDocument/publishDiagnostics params, the same JSON ``to_diagnostic`` gives."""
    return Prepared(
        {
            "uri": uri,
            "version": version,
            "diagnostics": [_diagnostic_json(f, index, version, encoding) for f in findings],
        }
    )


def _diagnostic_json(
    finding: Finding, index: LineIndex, version: int | None, encoding: str
) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "range": index.range_json(finding.fix.start_byte, finding.fix.end_byte, encoding),
            "newText": finding.fix.text,
            "safe": finding.fix.safe,
        }
    diagnostic: dict[str, Any] = {
        "range": index.range_json(finding.start_byte, finding.end_byte, encoding),
        "severity": _SEVERITY[finding.severity].value,
        "code": finding.rule,
        "source": SOURCE,
        "message": finding.message,
        "data": {
            "rule": finding.rule,
            "title": finding.title,
            "docs": finding.docs,
            "version": version,
            "fix": fix,
        },
    }
    if finding.docs:  # the engine's own notes have no page
        diagnostic["codeDescription"] = {"href": finding.docs}
    if finding.deprecated:
        diagnostic["tags"] = [types.DiagnosticTag.Deprecated.value]
    return diagnostic


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
