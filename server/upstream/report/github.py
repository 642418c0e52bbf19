"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per
finding, which the runner turns into an annotation on the pull request's diff.

https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
"""

from __future__ import annotations

from pathlib import Path

from upstream.engine import Finding
from upstream.report.shared import in_cell, message_with_docs, relative_posix

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice", "hint": "notice"}


def _data(text: str) -> str:
    # The message: `%`, CR and LF are escaped, so one finding stays one command.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # A property value also ends at `,` and `:`.
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding], root: Path) -> str:
    lines = []
    for finding in findings:
        properties: dict[str, object] = {"file": relative_posix(finding.path, root)}
        if finding.cell is None:  # a notebook cell's lines are not the file's: file-level
            properties["line"] = finding.start.line + 1
            properties["endLine"] = finding.end.line + 1
            if finding.start.line == finding.end.line:
                # Columns are only allowed on a one-line annotation.
                properties["col"] = finding.start.column + 1
                properties["endColumn"] = finding.end.column + 1
        properties["title"] = f"{finding.rule}: {finding.title}" if finding.title else finding.rule
        spelled = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
        message = _data(in_cell(finding) + message_with_docs(finding))
        lines.append(f"::{_COMMANDS[finding.severity]} {spelled}::{message}\n")
    return "".join(lines)
