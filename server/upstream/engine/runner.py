"""Run a RuleSet over one document: one query walk, then Python filters on candidates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import tree_sitter

from upstream.engine.compat import CompatGuards
from upstream.engine.compiler import CompiledRule, LanguageRules
from upstream.engine.document import Document
from upstream.engine.findings import Edit, Finding, Severity
from upstream.engine.imports import LazyImports
from upstream.engine.matchers import EvalContext, capture_bindings
from upstream.engine.raw_query import regexes_allow
from upstream.engine.relatives import RelativeIndex
from upstream.engine.structural import ALIASED, Bindings, MatchContext, binding_text
from upstream.engine.suppressions import find_suppressions
from upstream.engine.templates import render
from upstream.engine.types import LazyTypes, ProjectIndex

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.packs.requirements import Requirement

# requirement, file -> True/False, or None when the project's version is unknown
VersionCheck = Callable[["Requirement", Path], "bool | None"]


@dataclass
class CheckOptions:
    """What the caller decides beyond the rules themselves."""

    versions: VersionCheck | None = None
    # A rule whose library version cannot be found still applies unless this is False.
    apply_when_version_unknown: bool = True
    is_enabled: Callable[[str], bool] = lambda rule_id: True
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    # Resolves import paths through the project's own modules (engine/types/project.py).
    project: ProjectIndex | None = None


def check_document(
    document: Document, language: LanguageRules, options: CheckOptions | None = None
) -> list[Finding]:
    """Every finding of ``language``'s rules in ``document``, suppressions applied, sorted."""
    return finish(document, find(document, language, options or CheckOptions()))


def finish(document: Document, findings: list[Finding]) -> list[Finding]:
    """Findings with suppression comments applied, sorted."""
    suppressions = find_suppressions(document)
    kept = [f for f in findings if not suppressions.covers(f.rule, f.start.line)]
    return sorted(kept, key=lambda finding: finding.sort_key)


Span = tuple[int, int]


@dataclass(frozen=True)
class Search:
    """How much of a document ``find`` looks at, and what the caller already knows.

    ``within`` limits the search to nodes that overlap that byte range (the root counts: it
    overlaps everything), and ``local_only`` to local rules: together they re-check the
    top-level statements an edit touched (see engine/incremental.py). ``feed_ranges`` are
    searched too, but only for what `has` parts look up from the root (the imports).
    ``active``: the rules that apply, when already known (see ``active_rules``).
    ``watched`` rules get the span of every candidate of theirs appended to ``candidates``.
    """

    within: Span | None = None
    local_only: bool = False
    imports: LazyImports | None = None
    feed_ranges: Sequence[Span] = ()
    active: Set[str] | None = None
    watched: Set[str] = frozenset()
    candidates: list[Span] = field(default_factory=list)


def find(
    document: Document,
    language: LanguageRules,
    options: CheckOptions,
    search: Search | None = None,
) -> list[Finding]:
    """Findings before suppressions, in no order (``search``: see ``Search``; default: all)."""
    search = search or Search()
    within, local_only, feed_ranges = search.within, search.local_only, search.feed_ranges
    active = search.active
    language.compile()
    if language.query is None:
        return []
    root = document.parse().root_node
    imports = search.imports or LazyImports(document.spec, root, document.source)
    if active is None:
        active = active_rules(document, language, imports, options)
    if local_only:
        active = {rule for rule in active if language.is_local(rule)}
    if not active and not search.watched:
        return []
    renamed = imports.renamed_last_names() if language.chain_names else set()
    query = language.query_for(renamed)
    assert query is not None
    relatives = RelativeIndex(language.slots) if language.slots else None
    candidates = []
    # The extra ranges (the imports, for a re-check of some statements) only feed `has`.
    ranges = [within] if within is None else [within, *(feed_ranges if relatives else ())]
    for number, byte_range in enumerate(ranges):
        cursor = tree_sitter.QueryCursor(query)
        if byte_range is not None:
            cursor.set_byte_range(*byte_range)
        for index, captures in cursor.matches(root):
            predicates = language.predicates[index]
            if predicates and not regexes_allow(predicates, captures):
                continue
            if relatives is not None:
                for feed in language.feeds[index]:
                    nodes = captures.get(feed.capture)
                    if nodes:
                        relatives.add(feed.slot, nodes[0])
            if language.dispatch[index] and number == 0:
                candidates.append((index, captures))
    if relatives is not None:
        relatives.freeze()
    types = LazyTypes(document.spec, root, language.types, document.path, options.project)
    base = MatchContext(document.spec, imports, document.source, types=types)
    guards = CompatGuards(root, imports) if document.spec.name == "python" else None
    contexts: dict[str, EvalContext] = {}
    findings: dict[tuple[str, int, int], Finding] = {}
    for index, captures in candidates:
        for generator in language.dispatch[index]:
            rule = generator.rule
            nodes = captures.get(generator.capture)
            if not nodes:
                continue
            node = nodes[0]
            key = (rule.full_id, node.start_byte, node.end_byte)
            span = (node.start_byte, node.end_byte)
            if within is not None and not overlaps(span, within):
                continue
            if rule.full_id in search.watched:
                search.candidates.append(span)
            if rule.full_id not in active or key in findings:
                continue
            context = contexts.get(rule.full_id)
            if context is None:
                constrained = dataclasses.replace(base, constraints=rule.constraints)
                context = contexts[rule.full_id] = EvalContext(
                    constrained, document.source, relatives
                )
            initial: Bindings = {}
            if generator.matcher.query is not None:
                initial = capture_bindings(captures, generator.capture)
            bindings = rule.matcher.test(node, initial, context, generated_by=generator.matcher)
            if bindings is None or not all(w.allows(bindings, context) for w in rule.where):
                continue
            if (
                guards is not None
                and rule.requirements
                and guards.excludes(node, rule.requirements)
            ):
                continue  # compat code for a version the rule is not about
            findings[key] = _finding(document, rule, node, bindings, options)
    return list(findings.values())


def overlaps(span: tuple[int, int], within: tuple[int, int]) -> bool:
    """Whether a node's bytes overlap ``within`` (an empty node: lies in it)."""
    start, end = within
    return (span[0] < end and span[1] > start) or start <= span[0] < end


def active_rules(
    document: Document,
    language: LanguageRules,
    imports: LazyImports,
    options: CheckOptions,
) -> set[str]:
    """The rules that apply to this document: enabled, imported, version allowed."""
    active = set()
    path = Path(document.path)
    through_project: dict[tuple[str, ...], bool] = {}
    for rule in language.rules:
        if not options.is_enabled(rule.full_id):
            continue
        wanted = list(language.import_gates.get(rule.full_id, ())) or rule.definition.imports
        if wanted and not imports.imports_any(wanted):
            if not rule.asks_types:
                continue
            key = tuple(wanted)
            if key not in through_project:
                through_project[key] = _imported_through_project(document, key, imports, options)
            if not through_project[key]:
                continue
        if not _versions_allow(rule, path, options):
            continue
        active.add(rule.full_id)
    return active


def _imported_through_project(
    document: Document, wanted: tuple[str, ...], imports: LazyImports, options: CheckOptions
) -> bool:
    """Whether a project module this file imports imports one of ``wanted``: the
    ``imports:`` gate of a rule that asks what a value is (`from .db import users`)."""
    if options.project is None or not document.path:
        return False
    own = imports.found.modules
    return bool(own) and options.project.provides(document.path, own, wanted)


def _versions_allow(rule: CompiledRule, path: Path, options: CheckOptions) -> bool:
    if not rule.requirements or options.versions is None:
        return True
    for requirement in rule.requirements:
        verdict = options.versions(requirement, path)
        if verdict is None:
            verdict = options.apply_when_version_unknown
        if not verdict:
            return False
    return True


def _finding(
    document: Document,
    rule: CompiledRule,
    node: tree_sitter.Node,
    bindings: Bindings,
    options: CheckOptions,
) -> Finding:
    spec = rule.definition
    start, end = document.position(node.start_byte), document.position(node.end_byte)
    fix = None
    template = spec.fix_for(rule.spec.name)
    if template is not None and not _names_aliased(template.template, bindings):
        fix = Edit(
            start_byte=node.start_byte,
            end_byte=node.end_byte,
            start=start,
            end=end,
            text=render(template.template, bindings, document.source),
            safe=template.safe,
        )
    return Finding(
        rule=rule.full_id,
        severity=options.severity_overrides.get(rule.full_id, spec.severity),
        message=render(spec.message, bindings, document.source),
        docs=spec.docs,
        path=document.path,
        start=start,
        end=end,
        start_byte=node.start_byte,
        end_byte=node.end_byte,
        title=spec.title,
        deprecated=spec.deprecated,
        fix=fix,
        bindings={
            name: binding_text(value, document.source)
            for name, value in bindings.items()
            if not name.startswith(ALIASED)
        },
    )


def _names_aliased(template: str, bindings: Bindings) -> bool:
    """Whether the fix spells a name the file only has under an alias (`openai` after
    `import openai as oa`): such a fix would not run, so it is not offered."""
    for name in bindings:
        if name.startswith(ALIASED + "."):
            head = name[len(ALIASED) + 1 :]
            if re.search(rf"(?<![\w.$]){re.escape(head)}(?![\w$])", template):
                return True
    return False
