"""``path:line:col: RULE_ID message [docs]``, one finding a line (1-based, as editors jump);
``nb.ipynb:cell 3:line:col: ...`` in a notebook."""

from __future__ import annotations

from upstream.engine import Finding
from upstream.report.shared import cell_prefix


def format_finding(finding: Finding) -> str:
    docs = f" [{finding.docs}]" if finding.docs else ""  # the engine's own notes have none
    where = f"{cell_prefix(finding)}{finding.start.line + 1}:{finding.start.column + 1}"
    return f"{finding.path}:{where}: {finding.rule} {finding.message}{docs}"


def format_text(findings: list[Finding]) -> str:
    return "".join(format_finding(finding) + "\n" for finding in findings)
