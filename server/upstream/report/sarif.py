"""SARIF 2.1.0, as GitHub code scanning reads it.

Paths are relative to ``%SRCROOT%`` (the folder the check ran from) and columns count
Unicode code points, which the run declares with ``columnKind``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from upstream import __version__
from upstream.engine import Finding
from upstream.packs import Pack, Rule
from upstream.report.fingerprints import stable_fingerprints
from upstream.report.shared import in_cell, message_with_docs

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note", "hint": "note"}


def _descriptor(rule_id: str, rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "name": rule.id,
        "shortDescription": {"text": rule.title},
        "helpUri": rule.docs,
        "help": {"text": f"{rule.title}. See {rule.docs}"},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": list(rule.tags)},
    }
    if rule.explanation:
        descriptor["fullDescription"] = {"text": rule.explanation.strip()}
        descriptor["help"]["markdown"] = rule.explanation.strip()
    return descriptor


def _uri(path: str, root: Path) -> str:
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return candidate.resolve().as_uri()


def _region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.start.line + 1,
        "startColumn": finding.start.column + 1,
        "endLine": finding.end.line + 1,
        "endColumn": finding.end.column + 1,
    }


def _result(finding: Finding, index: int | None, root: Path, fingerprint: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(finding.path, root), "uriBaseId": "%SRCROOT%"},
            "region": _region(finding),
        }
    }
    if finding.cell is not None:
        # A notebook cell's lines are not the file's: the location is the file, and the
        # cell with the region inside it are properties (no fix: its region would be wrong).
        region = location["physicalLocation"].pop("region")
        location["properties"] = {"cell": finding.cell, "cellRegion": region}
    result: dict[str, Any] = {"ruleId": finding.rule}
    if index is not None:  # the engine's own notes belong to no rule of the run
        result["ruleIndex"] = index
    result["level"] = _LEVELS[finding.severity]
    result["message"] = {"text": in_cell(finding) + message_with_docs(finding)}
    result["locations"] = [location]
    # GitHub code scanning matches alerts across uploads by these, before the line.
    result["partialFingerprints"] = {"upstreamFinding/v1": fingerprint}
    if finding.fix is not None and finding.cell is None:
        result["fixes"] = [
            {
                "description": {"text": f"Apply the fix for {finding.rule}"},
                "artifactChanges": [
                    {
                        "artifactLocation": location["physicalLocation"]["artifactLocation"],
                        "replacements": [
                            {
                                "deletedRegion": _region(finding),
                                "insertedContent": {"text": finding.fix.text},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def format_sarif(findings: list[Finding], packs: tuple[Pack, ...], root: Path) -> str:
    """One SARIF run holding every loaded rule and every finding."""
    rules: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    for pack in packs:
        for rule in pack.rules:
            rule_id = pack.full_id(rule)
            index_of[rule_id] = len(rules)
            rules.append(_descriptor(rule_id, rule))
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "upstream",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(finding, index_of.get(finding.rule), root, fingerprint)
                    for finding, fingerprint in zip(
                        findings, stable_fingerprints(findings, root), strict=True
                    )
                ],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
