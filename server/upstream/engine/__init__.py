"""The rule engine: compile packs to queries, run them over documents, produce findings.

It knows nothing of LSP, the command line or the project; the rest of upstream imports it
from here. ``incremental`` (re-checks of edited documents) is the language server's.
"""

from __future__ import annotations

from upstream.engine.compiler import (
    CompiledRule,
    LanguageRules,
    RuleSet,
    build_rule_set,
    compile_pack,
)
from upstream.engine.document import Document, line_starts
from upstream.engine.findings import Edit, Finding, Position, Severity
from upstream.engine.fixes import FixResult, apply_edits, chosen_edits, non_overlapping
from upstream.engine.languages import LANGUAGES, LanguageSpec, language_for_id, language_for_path
from upstream.engine.runner import CheckOptions, VersionCheck, check_document
from upstream.engine.types import ProjectIndex


def check(
    text: str | bytes,
    language: LanguageSpec,
    rule_set: RuleSet,
    path: str = "<text>",
    options: CheckOptions | None = None,
) -> list[Finding]:
    """Findings of ``rule_set`` in one document of ``language``."""
    rules = rule_set.for_language(language.name)
    if rules is None:
        return []
    source = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return check_document(Document(path, source, language), rules, options)


__all__ = [
    "LANGUAGES",
    "CheckOptions",
    "CompiledRule",
    "Document",
    "Edit",
    "Finding",
    "FixResult",
    "LanguageRules",
    "LanguageSpec",
    "Position",
    "ProjectIndex",
    "RuleSet",
    "Severity",
    "VersionCheck",
    "apply_edits",
    "build_rule_set",
    "check",
    "check_document",
    "chosen_edits",
    "compile_pack",
    "language_for_id",
    "language_for_path",
    "line_starts",
    "non_overlapping",
]
