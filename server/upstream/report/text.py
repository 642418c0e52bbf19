"""``path:line:col: RULE_ID message [docs]``, one finding a line (1-based, as editors jump)."""

from __future__ import annotations

from upstream.engine import Finding


def format_finding(finding: Finding) -> str:
    docs = f" [{finding.docs}]" if finding.docs else ""  # the engine's own notes have none
    return (
        f"{finding.path}:{finding.start.line + 1}:{finding.start.column + 1}: "
        f"{finding.rule} {finding.message}{docs}"
    )


def format_text(findings: list[Finding]) -> str:
    return "".join(format_finding(finding) + "\n" for finding in findings)
