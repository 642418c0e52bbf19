"""Run a RuleSet over one document: one query walk, then Python filters on candidates."""

from __future__ import annotations

import dataclasses
import re
import weakref
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import tree_sitter

from upstream.engine.compat import CompatGuards
from upstream.engine.compiler import CompiledRule, Generator, LanguageRules
from upstream.engine.context import FileContext, in_test_code
from upstream.engine.document import Document
from upstream.engine.findings import Edit, Finding, Severity
from upstream.engine.imports import LazyImports
from upstream.engine.languages import JAVASCRIPT_LIKE
from upstream.engine.matchers import WALK, CompiledMatcher, EvalContext, capture_bindings
from upstream.engine.raw_query import regexes_allow
from upstream.engine.relatives import RelativeIndex
from upstream.engine.structural import (
    ALIASED,
    Bindings,
    Budget,
    BudgetExhausted,
    MatchContext,
    binding_text,
)
from upstream.engine.suppressions import find_suppressions
from upstream.engine.templates import references, render
from upstream.engine.types import LazyTypes, ProjectIndex

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.packs.requirements import Requirement

# requirement, file -> True/False, or None when the project's version is unknown
VersionCheck = Callable[["Requirement", Path], "bool | None"]

# Syntax-tree levels the query searches. Real code stays under 250 (the deepest seen, 808,
# is a CPython parser stress test); below that the walk costs the square of the depth
# (5,000 nested calls took 20 s), and past 65,535 levels tree-sitter never finishes.
MAX_DEPTH = 500
# Matching steps per rule per document (structural.Budget): a second or two of matching,
# ten times what any rule took on any file of the benchmark corpus (96,000, on 1.6 MB).
MAX_STEPS = 1_000_000
# A longer document is searched in pieces of about this size: the query's matches hold
# every captured node, and one pass over 1 MB of calls held 1.25 GB.
CHUNK_BYTES = 64 * 1024
_END = 0xFFFFFFFF  # a byte range's end past any document (an empty node at the end counts)


@dataclass
class CheckOptions:
    """What the caller decides beyond the rules themselves."""

    versions: VersionCheck | None = None
    # A rule whose library version cannot be found still applies unless this is False.
    apply_when_version_unknown: bool = True
    is_enabled: Callable[[str], bool] = lambda rule_id: True
    severity_overrides: dict[str, Severity] = field(default_factory=dict)
    # The agent profile: a rule tagged `deprecated` reports an error unless overridden.
    deprecated_as_errors: bool = False
    # Resolves import paths through the project's own modules (engine/types/project.py).
    project: ProjectIndex | None = None


def check_document(
    document: Document, language: LanguageRules, options: CheckOptions | None = None
) -> list[Finding]:
    """Every finding of ``language``'s rules in ``document``, suppressions applied, sorted."""
    return finish(document, find(document, language, options or CheckOptions()))


def finish(document: Document, findings: list[Finding]) -> list[Finding]:
    """Findings with suppression comments applied, sorted."""
    if not findings:
        return findings  # no comment to look for (nor a tree to parse for one)
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
    """Findings before suppressions, in no order (``search``: see ``Search``; default: all),
    and warnings where they may be incomplete (``is_incomplete``)."""
    search = search or Search()
    within, local_only = search.within, search.local_only
    active = search.active
    root = document.parse().root_node
    imports = search.imports or LazyImports(document.spec, root, document.source)
    if active is None:
        active = active_rules(document, language, imports, options)
    if local_only:
        active = {rule for rule in active if language.is_local(rule)}
    if not active and not search.watched:
        return []
    # Only the patterns of the rules that apply are walked (the gates are known by now):
    # the queries of the gate groups they belong to, each compiled once per process.
    parts = language.parts_for(active | search.watched)
    for part in parts:
        part.compile()
    parts = [part for part in parts if part.query is not None]
    if not parts:
        return []
    renamed = imports.renamed_last_names() if any(p.chain_names for p in parts) else set()
    relatives = RelativeIndex(language.slots) if language.slots else None
    types = LazyTypes(document.spec, root, language.types, document.path, options.project)
    base = MatchContext(document.spec, imports, document.source, types=types)
    guards = CompatGuards(root, imports) if document.spec.name == "python" else None
    contexts: dict[str, EvalContext] = {}
    findings: dict[tuple[str, int, int], Finding] = {}
    stopped: dict[str, Finding] = {}  # rules out of steps, with the warning saying so

    def consider(generator: Generator, node: tree_sitter.Node, captured: Bindings | None) -> None:
        rule = generator.rule
        key = (rule.full_id, node.start_byte, node.end_byte)
        span = (node.start_byte, node.end_byte)
        if within is not None and not overlaps(span, within):
            return
        if rule.full_id in search.watched:
            search.candidates.append(span)
        if rule.full_id not in active or key in findings or rule.full_id in stopped:
            return
        context = contexts.get(rule.full_id)
        if context is None:
            constrained = dataclasses.replace(
                base,
                constraints=rule.constraints,
                budget=Budget(MAX_STEPS),
                known_types_only=_known_types_only(document, language, rule, imports, options),
            )
            context = contexts[rule.full_id] = EvalContext(constrained, document.source, relatives)
        initial: Bindings = captured if captured is not None else {}
        try:
            bindings = rule.matcher.test(node, initial, context, generated_by=generator.matcher)
            if bindings is None or not all(w.allows(bindings, context) for w in rule.where):
                return
        except BudgetExhausted:
            stopped[rule.full_id] = _out_of_steps(document, rule, node)
            return
        if rule.definition.context == "application" and in_test_code(node, document.spec):
            return  # a test's own use of what the rule warns applications about
        if guards is not None and rule.requirements and guards.excludes(node, rule.requirements):
            return  # compat code for a version the rule is not about
        findings[key] = _finding(document, rule, node, bindings, options)

    wanted = active | search.watched
    pending: list[tuple[LanguageRules, list[Later]]] = []
    for part in parts:
        query = part.query_for(renamed)
        assert query is not None
        pending.append((part, _walk(root, part, query, search, relatives, wanted, consider)))
    if relatives is not None:
        relatives.freeze()
    for part, later in pending:
        for index, node, captured in later:
            for generator in part.dispatch[index]:
                if generator.rule.full_id in wanted and _looks_up(generator.rule):
                    consider(generator, node, captured)
    notes = [*stopped.values(), *_depth_note(document, root, active, within)]
    return [*findings.values(), *notes]


# A match kept for later: its query pattern, the node it reports, a raw query's captures.
Later = tuple[int, tree_sitter.Node, Bindings | None]
Consider = Callable[[Generator, tree_sitter.Node, Bindings | None], None]


def _walk(
    root: tree_sitter.Node,
    language: LanguageRules,
    query: tree_sitter.Query,
    search: Search,
    relatives: RelativeIndex | None,
    wanted: Set[str],
    consider: Consider,
) -> list[Later]:
    """Walk the query over the document: feed every hit to ``relatives``, ``consider`` each
    candidate of a ``wanted`` rule at once, except those of rules that look up
    ``relatives`` (complete only at the end): those are returned, as no more than the node
    they report (a whole document's capture dicts do not fit in memory)."""
    later: list[Later] = []
    # A pattern pins one child of an unordered container, so a call with 2,000 such
    # children is 2,000 matches of the same node in a row: the same candidate each time.
    last: dict[int, int] = {}
    for number, (index, captures) in _matches(root, query, search, relatives is not None):
        predicates = language.predicates[index]
        if predicates and not regexes_allow(predicates, captures):
            continue
        if relatives is not None:
            for feed in language.feeds[index]:
                nodes = captures.get(feed.capture)
                if nodes:
                    relatives.add(feed.slot, nodes[0])
        generators = language.dispatch[index]
        if number or not generators:
            continue  # the extra ranges (the imports, for a re-check) only feed `has`
        nodes = captures.get(generators[0].capture)
        if not nodes:
            continue
        captured = None
        if generators[0].matcher.query is not None:
            captured = capture_bindings(captures, generators[0].capture)
        elif last.get(index) == nodes[0].id:
            continue
        last[index] = nodes[0].id
        deferred = False
        for generator in generators:
            if generator.rule.full_id not in wanted:
                continue
            if _looks_up(generator.rule):
                deferred = True
            else:
                consider(generator, nodes[0], captured)
        if deferred:
            later.append((index, nodes[0], captured))
    return later


_LOOKS_UP: weakref.WeakKeyDictionary[CompiledRule, bool] = weakref.WeakKeyDictionary()


def _looks_up(rule: CompiledRule) -> bool:
    """Whether a `has` or `inside` of ``rule`` looks in the RelativeIndex, which holds every
    hit only once the walk is over (the rule's candidates wait for it)."""
    known = _LOOKS_UP.get(rule)
    if known is None:
        parts: list[CompiledMatcher] = []
        pending = [rule.matcher]
        while pending:
            matcher = pending.pop()
            parts.extend(p for p in (matcher.has, matcher.inside) if p is not None)
            pending.extend(matcher.parts())
        known = _LOOKS_UP[rule] = any(part.slot not in (None, WALK) for part in parts)
    return known


Match = tuple[int, dict[str, list[tree_sitter.Node]]]


def _matches(
    root: tree_sitter.Node, query: tree_sitter.Query, search: Search, feeding: bool
) -> Iterator[tuple[int, Match]]:
    """The query's matches with the number of the range they come from: 0 for the range
    searched (``search.within`` or the whole document), then the feed ranges."""
    within = search.within
    if within is None:
        for match in _pieces(root, query):
            yield 0, match
        return
    for number, (start, end) in enumerate([within, *(search.feed_ranges if feeding else ())]):
        cursor = _cursor(query)
        cursor.set_byte_range(start, end)
        for match in cursor.matches(root):
            yield number, match


def _cursor(query: tree_sitter.Query) -> tree_sitter.QueryCursor:
    cursor = tree_sitter.QueryCursor(query)
    # Deeper, patterns do not start and the walk does not go (see _depth_note).
    cursor.set_max_start_depth(MAX_DEPTH)
    return cursor


def _pieces(root: tree_sitter.Node, query: tree_sitter.Query) -> Iterator[Match]:
    """Every match of the whole document, once, searched piece by piece.

    A cursor limited to a byte range reports each match whose root (for a pattern of
    siblings, their parent) overlaps the range, so a match whose root spans pieces comes
    from each of them; the first one that reports it started it. A match that captures a
    node before the piece started in an earlier piece; one captured past the piece's end is
    remembered, for the later pieces to drop.
    """
    starts = _piece_starts(root, CHUNK_BYTES)
    if len(starts) == 1:
        yield from _cursor(query).matches(root)
        return
    # By pattern: the few that match across pieces (at the module, a class) are looked up.
    later: dict[int, set[tuple[object, ...]]] = {}
    for start, end in zip(starts, [*starts[1:], _END], strict=True):
        cursor = _cursor(query)
        cursor.set_byte_range(start, end)
        for index, captures in cursor.matches(root):
            nodes = [node for group in captures.values() for node in group]
            if not nodes or min(node.start_byte for node in nodes) < start:
                continue  # nothing to report, or started in an earlier piece
            seen = later.get(index)
            key = _match_key(captures) if seen is not None else None
            if seen is not None and key in seen:
                continue
            if any(node.end_byte > end or node.start_byte >= end for node in nodes):
                later.setdefault(index, set()).add(key or _match_key(captures))
            yield index, captures


def _match_key(captures: dict[str, list[tree_sitter.Node]]) -> tuple[object, ...]:
    return tuple((name, *(node.id for node in nodes)) for name, nodes in captures.items())


def _piece_starts(root: tree_sitter.Node, size: int) -> list[int]:
    """Where pieces of about ``size`` bytes start: at node starts, inside a node only when
    the node alone is longer."""
    starts = [0]
    pending = list(reversed(root.children)) if root.end_byte > size else []
    while pending:
        node = pending.pop()
        if node.end_byte - starts[-1] <= size:
            continue  # fits in the current piece
        if node.end_byte - node.start_byte > size:
            pending.extend(reversed(node.children))
        elif node.start_byte > starts[-1]:
            starts.append(node.start_byte)
    return starts


_OUT_OF_STEPS = (
    f"upstream stopped matching this rule in this file after {MAX_STEPS:,} steps (a costly "
    "pattern, or unusual code): its findings here may be incomplete"
)
# The one finding that belongs to no pack: the engine saying where it stopped looking.
NESTED_TOO_DEEPLY = "upstream/nested-too-deeply"
_TOO_DEEP = (
    f"skipped: code nested more than {MAX_DEPTH} levels deep, from here on, was not "
    "searched for any rule"
)


def is_incomplete(finding: Finding) -> bool:
    """Whether ``finding`` says a check stopped short (a rule out of steps, deep code)."""
    return finding.rule == NESTED_TOO_DEEPLY or (
        finding.start_byte == finding.end_byte and finding.message == _OUT_OF_STEPS
    )


def _depth_note(
    document: Document, root: tree_sitter.Node, active: Set[str], within: Span | None
) -> list[Finding]:
    """One warning for the document when the query could not search the whole tree."""
    deep = _too_deep(root, MAX_DEPTH)
    if deep is None or not active:
        return []
    if within is not None and not overlaps((deep.start_byte, deep.end_byte), within):
        return []
    return [_warning(document, deep, NESTED_TOO_DEEPLY, _TOO_DEEP, "Code nested too deeply")]


def _too_deep(root: tree_sitter.Node, limit: int) -> tree_sitter.Node | None:
    """The first node more than ``limit`` levels below ``root``, or None.

    Only subtrees with enough nodes to reach that deep are entered, so this costs a few
    nodes of an ordinary file.
    """
    pending = [(root, 0)]
    while pending:
        node, depth = pending.pop()
        if depth > limit:
            return node
        for child in reversed(node.children):
            # The child's deepest node is at most its node count below ``node``.
            if depth + child.descendant_count > limit:
                pending.append((child, depth + 1))
    return None


def _out_of_steps(document: Document, rule: CompiledRule, node: tree_sitter.Node) -> Finding:
    """A warning of ``rule``'s own, at the start of ``node``: its findings may be incomplete."""
    spec = rule.definition
    return _warning(document, node, rule.full_id, _OUT_OF_STEPS, spec.title, spec.docs)


def _severity(rule: CompiledRule, options: CheckOptions) -> Severity:
    spec = rule.definition
    default: Severity = spec.severity
    if options.deprecated_as_errors and "deprecated" in spec.tags:
        default = "error"
    return options.severity_overrides.get(rule.full_id, default)


def _warning(
    document: Document,
    node: tree_sitter.Node,
    rule_id: str,
    message: str,
    title: str,
    docs: str = "",
) -> Finding:
    """A warning, empty, at the start of ``node``: where the check stopped short."""
    at = document.position(node.start_byte)
    return Finding(
        rule=rule_id,
        severity="warning",
        message=message,
        docs=docs,
        path=document.path,
        start=at,
        end=at,
        start_byte=node.start_byte,
        end_byte=node.start_byte,
        title=title,
    )


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
    """The rules that apply to this document: enabled, for this kind of file (test code,
    ``paths:``), imported, version allowed."""
    active = set()
    path = Path(document.path)
    # `context:` and `paths:` (engine/context.py), judged relative to the project root.
    file = FileContext(document.path, options.project.root if options.project else None)
    verdicts: dict[Requirement, bool | None] = {}
    for group in language.gate_groups():
        rules = group.rules
        if group.wanted and not imports.imports_any(list(group.wanted)):
            opened: tuple[CompiledRule, ...] = ()
            if group.typed and (
                _imported_through_project(document, group.wanted, imports, options)
                or _imported_in_project(document, group.wanted, imports, options)
            ):
                opened = group.typed
            depended = tuple(
                rule
                for rule in group.by_dependency
                if rule not in opened and _depended_on(rule, path, options, verdicts)
            )
            if not opened and not depended:
                continue
            rules = opened + depended
        for rule in rules:
            if not options.is_enabled(rule.full_id) or not file.admits(rule.definition):
                continue
            if _versions_allow(rule, path, options, verdicts):
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


def _imported_in_project(
    document: Document, wanted: tuple[str, ...], imports: LazyImports, options: CheckOptions
) -> bool:
    """The gate of a rule that asks types, in a JavaScript module (one that imports
    something: not a mongosh script of globals): a project file that imports one of
    ``wanted`` is enough, since values come from any project file by member name (`req.db`
    set by the router's middleware). Such a rule then passes known values only
    (``_known_types_only``)."""
    if options.project is None or not document.path or not imports.found.modules:
        return False
    javascript = document.spec.name in JAVASCRIPT_LIKE
    return javascript and options.project.imported_in_javascript(wanted)


def _known_types_only(
    document: Document,
    language: LanguageRules,
    rule: CompiledRule,
    imports: LazyImports,
    options: CheckOptions,
) -> bool:
    """Whether ``rule`` applies to this document only through another project file's
    import of its library (``_imported_in_project``), so that an unknown value is no
    evidence the library is in play."""
    wanted = language.gate_of(rule)
    if not wanted or not rule.asks_types or imports.imports_any(list(wanted)):
        return False
    if rule.definition.gate == "dependency" and _depended_on(rule, Path(document.path), options):
        return False
    return not _imported_through_project(document, wanted, imports, options)


def _depended_on(
    rule: CompiledRule,
    path: Path,
    options: CheckOptions,
    verdicts: dict[Requirement, bool | None] | None = None,
) -> bool:
    """Whether the project's manifests (near ``path``) list a package the rule's
    ``requires:`` names, whatever the version: its ``gate: dependency``."""
    if options.versions is None:
        return False
    verdicts = {} if verdicts is None else verdicts
    for requirement in rule.requirements:
        listed = dataclasses.replace(requirement, specifier=type(requirement.specifier)())
        if listed not in verdicts:
            verdicts[listed] = options.versions(listed, path)
        if verdicts[listed]:
            return True
    return False


def _versions_allow(
    rule: CompiledRule,
    path: Path,
    options: CheckOptions,
    verdicts: dict[Requirement, bool | None],
) -> bool:
    """Whether the project's versions allow ``rule``; ``verdicts`` keeps each requirement's
    answer for this document (many rules share one, `mongodb>=5.0`, and asking walks the
    folders up to the manifests)."""
    if not rule.requirements or options.versions is None:
        return True
    for requirement in rule.requirements:
        if requirement not in verdicts:
            verdicts[requirement] = options.versions(requirement, path)
        verdict = verdicts[requirement]
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
    if (
        template is not None
        and _all_bound(template.template, bindings)
        and not _names_aliased(template.template, bindings)
    ):
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
        severity=_severity(rule, options),
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


def _all_bound(template: str, bindings: Bindings) -> bool:
    """Whether the match bound every metavariable the fix writes: in a rule whose `any:`
    branches bind different names, a branch without ``$M`` gets no fix rather than one
    that writes ``$M`` literally."""
    return references(template)[1] <= bindings.keys()


def _names_aliased(template: str, bindings: Bindings) -> bool:
    """Whether the fix spells a name the file only has under an alias (`openai` after
    `import openai as oa`): such a fix would not run, so it is not offered."""
    for name in bindings:
        if name.startswith(ALIASED + "."):
            head = name[len(ALIASED) + 1 :]
            if re.search(rf"(?<![\w.$]){re.escape(head)}(?![\w$])", template):
                return True
    return False
