"""A JSON list of findings with 1-based positions (and, in a notebook, the 1-based ``cell``
its positions count in)."""

from __future__ import annotations

import json
from typing import Any

from upstream.engine import Finding


def finding_dict(finding: Finding) -> dict[str, Any]:
    cell = {} if finding.cell is None else {"cell": finding.cell}  # lines count in the cell
    return {
        "rule": finding.rule,
        "path": finding.path,
        **cell,
        "line": finding.start.line + 1,
        "column": finding.start.column + 1,
        "end_line": finding.end.line + 1,
        "end_column": finding.end.column + 1,
        "severity": finding.severity,
        "message": finding.message,
        "docs": finding.docs,
        "fix": finding.fix.text if finding.fix is not None else None,
    }


def format_json(findings: list[Finding]) -> str:
    return json.dumps([finding_dict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"
