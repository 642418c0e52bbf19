"""Hover on a finding: the rule's title, message, explanation, the library versions its
version gate saw, and the docs link."""

from __future__ import annotations

from lsprotocol import types

from upstream.engine import Finding
from upstream.packs import Rule
from upstream.workspace.version_report import LibraryVersion


def hover_markdown(
    finding: Finding, rule: Rule | None, versions: tuple[LibraryVersion, ...] = ()
) -> str:
    parts = [f"**{finding.title or finding.rule}** `{finding.rule}`", finding.message]
    if rule is not None and rule.explanation:
        parts.append(rule.explanation.strip())
    if versions:
        parts.append("Applies to " + "; ".join(_version_line(v) for v in versions))
    if finding.docs:
        parts.append(f"[Documentation]({finding.docs})")
    return "\n\n".join(parts)


def _version_line(version: LibraryVersion) -> str:
    """`pymongo 3.12.0 (lockfile: uv.lock:40)`, as the rule's version gate saw it."""
    where = f"{version.origin}: `{version.where}`" if version.where else version.origin
    return f"{version.name} {version.version}" + (f" ({where})" if where else "")


def hover_for(
    findings: list[tuple[Finding, Rule | None, tuple[LibraryVersion, ...]]],
    hover_range: types.Range,
) -> types.Hover:
    text = "\n\n---\n\n".join(hover_markdown(*entry) for entry in findings)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=hover_range,
    )
