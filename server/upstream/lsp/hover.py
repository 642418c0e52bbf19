"""Hover on a finding: the rule's title, message, explanation and docs link."""

from __future__ import annotations

from lsprotocol import types

from upstream.engine import Finding
from upstream.packs import Rule


def hover_markdown(finding: Finding, rule: Rule | None) -> str:
    parts = [f"**{finding.title or finding.rule}** `{finding.rule}`", finding.message]
    if rule is not None and rule.explanation:
        parts.append(rule.explanation.strip())
    parts.append(f"[Documentation]({finding.docs})")
    return "\n\n".join(parts)


def hover_for(findings: list[tuple[Finding, Rule | None]], hover_range: types.Range) -> types.Hover:
    text = "\n\n---\n\n".join(hover_markdown(finding, rule) for finding, rule in findings)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=hover_range,
    )
