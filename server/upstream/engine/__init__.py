"""The rule engine: compile packs to queries, run them over documents, produce findings.

It knows nothing of LSP or the command line.
"""

from __future__ import annotations

from upstream.engine.compiler import RuleSet
from upstream.engine.document import Document
from upstream.engine.runner import CheckOptions, check_document
from upstream.languages import LanguageSpec
from upstream.model import Finding


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


__all__ = ["CheckOptions", "Document", "check", "check_document"]
