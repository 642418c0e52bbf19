"""GitLab Code Quality: the JSON list a job's ``artifacts:reports:codequality`` uploads,
shown in the merge request widget and the diff.

https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from upstream.engine import Finding
from upstream.report.fingerprints import stable_fingerprints
from upstream.report.shared import in_cell, message_with_docs, relative_posix

# GitLab's scale is info, minor, major, critical, blocker.
_SEVERITY = {"error": "major", "warning": "minor", "info": "info", "hint": "info"}


def _lines(finding: Finding) -> dict[str, int]:
    if finding.cell is not None:
        return {"begin": 1}  # a notebook: the cell and its line are in the description
    return {"begin": finding.start.line + 1, "end": finding.end.line + 1}


def format_gitlab(findings: list[Finding], root: Path) -> str:
    issues: list[dict[str, Any]] = []
    for finding, fingerprint in zip(findings, stable_fingerprints(findings, root), strict=True):
        issues.append(
            {
                "description": in_cell(finding) + message_with_docs(finding),
                "check_name": finding.rule,
                "fingerprint": fingerprint,
                "severity": _SEVERITY[finding.severity],
                "location": {
                    "path": relative_posix(finding.path, root),
                    "lines": _lines(finding),
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
