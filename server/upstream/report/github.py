"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per
finding, which the runner turns into an annotation on the pull request's diff.

https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
"""

from __future__ import annotations

from pathlib import Path

from upstream.engine import Finding
from upstream.report.shared import message_with_docs, relative_posix

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
        properties = {
            "file": relative_posix(finding.path, root),
            "line": finding.start.line + 1,
            "endLine": finding.end.line + 1,
            "col": finding.start.column + 1,
            "endColumn": finding.end.column + 1,
            "title": f"{finding.rule}: {finding.title}" if finding.title else finding.rule,
        }
        if properties["line"] != properties["endLine"]:
            # Columns are only allowed on a one-line annotation.
            del properties["col"], properties["endColumn"]
        spelled = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
        message = _data(message_with_docs(finding))
        lines.append(f"::{_COMMANDS[finding.severity]} {spelled}::{message}\n")
    return "".join(lines)
