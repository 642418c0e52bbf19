"""Compile packs into a RuleSet: per language, one tree-sitter query for all rules.

Each rule contributes its generator patterns to its language's query; a match's pattern
index says which rule (and which generator) to try. Compiling the merged query once is what
keeps a document to one walk however many rules are loaded; a document that only some rules
apply to walks the queries of those rules' gate groups (``LanguageRules.parts_for``, see
docs/engine.md).
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import importlib.metadata
import threading
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import tree_sitter

from upstream import __version__
from upstream.engine.languages import LANGUAGES, LanguageSpec
from upstream.engine.locality import is_local
from upstream.engine.matchers import (
    FUNCTION_KINDS,
    MATCH_CAPTURE,
    WALK,
    CompiledMatcher,
    CompiledWhere,
    MatcherError,
    compile_matcher,
    compile_where,
)
from upstream.engine.pattern import (
    Kind,
    PatternError,
    PatternNode,
    chain_last_names,
    metavariable_names,
    parse_pattern,
    pattern_query,
)
from upstream.engine.raw_query import KnownQueries, Predicates
from upstream.engine.templates import references
from upstream.engine.types.model import (
    CLASS_PREFIX,
    TypeModel,
    build_model,
    is_builtin,
    unknown_references,
)
from upstream.errors import Problem

if TYPE_CHECKING:
    # Types only: packs import the engine at run time, so the engine must not import them.
    from upstream.packs.requirements import Requirement
    from upstream.packs.schema import Pack, Rule, TypeDeclaration

ROOT_CAPTURE = "upstream.root"
_TREE_SITTER = importlib.metadata.version("tree-sitter")
# Rule subsets with their own query: the rules that apply to a document, and the file-wide
# ones among them. Files with the same imports share one; pip and setuptools need 14.
_SUBSETS_KEPT = 64


@dataclass(frozen=True, eq=False)
class CompiledRule:
    full_id: str
    pack: Pack
    definition: Rule  # the rule as its pack states it
    spec: LanguageSpec
    matcher: CompiledMatcher
    where: tuple[CompiledWhere, ...]
    requirements: tuple[Requirement, ...]
    # Findings depend only on their own top-level statement (see engine/locality.py).
    local: bool = False

    @property
    def constraints(self) -> dict[str, CompiledWhere]:
        return {where.name: where for where in self.where}

    @property
    def asks_types(self) -> bool:
        return any(where.types is not None for where in self.where)


@dataclass(frozen=True)
class Generator:
    rule: CompiledRule
    matcher: CompiledMatcher
    capture: str


@dataclass(frozen=True)
class Feed:
    """A generator of a `has`/`inside` part: its hits go to the RelativeIndex slot."""

    slot: int
    matcher: CompiledMatcher
    capture: str


@dataclass(frozen=True)
class GateGroup:
    """Rules that share one ``imports:`` gate."""

    wanted: tuple[str, ...]
    rules: tuple[CompiledRule, ...]
    # Those that ask what a value is: a project module may import the library for the file.
    typed: tuple[CompiledRule, ...]
    # Those with `gate: dependency`: the project depending on the library is enough.
    by_dependency: tuple[CompiledRule, ...] = ()


@dataclass
class LanguageRules:
    spec: LanguageSpec
    rules: list[CompiledRule] = field(default_factory=list)
    query: tree_sitter.Query | None = None
    # query pattern index -> the generators it stands for, and its regex predicates
    dispatch: list[list[Generator]] = field(default_factory=list)
    predicates: list[Predicates] = field(default_factory=list)
    # query pattern index -> the `has`/`inside` slots its hits feed; how many slots
    feeds: list[list[Feed]] = field(default_factory=list)
    slots: int = 0
    # `query` pins dotted names by their last name. A file with an import that renames one
    # of `chain_names` (`from pandas import Int64Index as I`, `import pandas as pd`) needs a
    # variant with the same pattern indexes in which the groups that pin one of those names
    # leave it open; compiled on first need, one per set of renamed names.
    chain_names: frozenset[str] = frozenset()
    # One generator per query pattern group, in query order, the group's text in `query`, and
    # the last names it pins: the variants are written from them.
    _group_matchers: list[CompiledMatcher] = field(default_factory=list)
    _group_texts: list[str] = field(default_factory=list)
    _group_names: list[frozenset[str]] = field(default_factory=list)
    # Keyed by the groups a variant loosens: name sets that loosen the same groups share one.
    _renamed_queries: dict[tuple[int, ...], tree_sitter.Query] = field(default_factory=dict)
    _local_ids: frozenset[str] | None = None
    _gate_groups: list[GateGroup] | None = None
    _subsets: dict[frozenset[str], LanguageRules] = field(default_factory=dict)
    # The merged query is built by compile(), at load or (lazy loading) on first use.
    compiled: bool = False
    # Query only the gate groups that apply to a document (``parts_for``); pin a metavariable
    # member name to the values its rule allows (``pattern_query``'s ``names``). Off only
    # in the tests that compare the findings of both ways.
    narrow: bool = True
    pin_names: bool = True
    problems: list[Problem] = field(default_factory=list)
    # The object model the packs declare for this language (engine/types).
    types: TypeModel = field(default_factory=TypeModel)
    # rule id -> what satisfies its `imports:` besides the list itself: for a rule that
    # asks types, the modules its pack's type declarations name (`flask_pymongo` gives
    # PyMongo collections too).
    import_gates: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # The language server checks documents on worker threads: what is built on first need
    # (the query, the renamed-import variant, subsets) is built under this lock, once.
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def compile(self) -> list[Problem]:
        """Build the merged query once; the rules it had to leave out, as problems."""
        with self._lock:
            if not self.compiled:
                self.problems = _merge_queries(self)
                self.compiled = True
        return self.problems

    def gate_groups(self) -> list[GateGroup]:
        """The rules grouped by their ``imports:`` gate (an empty gate: none), so a
        document tests each gate once, not once per rule: a pack about a library the
        file does not import costs one lookup."""
        if self._gate_groups is None:
            groups: dict[tuple[str, ...], list[CompiledRule]] = {}
            for rule in self.rules:
                groups.setdefault(self.gate_of(rule), []).append(rule)
            self._gate_groups = [
                GateGroup(
                    wanted,
                    tuple(rules),
                    tuple(r for r in rules if r.asks_types),
                    tuple(r for r in rules if r.definition.gate == "dependency"),
                )
                for wanted, rules in groups.items()
            ]
        return self._gate_groups

    def gate_of(self, rule: CompiledRule) -> tuple[str, ...]:
        """The modules a file must import for ``rule`` to apply (empty: no gate)."""
        return self.import_gates.get(rule.full_id, ()) or tuple(rule.definition.imports)

    def is_local(self, rule_id: str) -> bool:
        if self._local_ids is None:
            self._local_ids = frozenset(rule.full_id for rule in self.rules if rule.local)
        return rule_id in self._local_ids

    def parts_for(self, rule_ids: Set[str]) -> list[LanguageRules]:
        """The rule sets whose queries a document that ``rule_ids`` apply to walks: one per
        gate group with a rule among them (each compiled once, whatever else the document
        imports), or this whole set when nothing is left out or it does not narrow."""
        if not self.narrow or all(rule.full_id in rule_ids for rule in self.rules):
            return [self]
        parts = []
        for group in self.gate_groups():
            ids = frozenset(rule.full_id for rule in group.rules)
            if not ids.isdisjoint(rule_ids):
                parts.append(self.subset(ids))
        return parts

    def subset(self, rule_ids: frozenset[str]) -> LanguageRules:
        """These rules only, with a query of their own (built on first need, a few kept).

        Slots stay as numbered for all the rules, so the matchers are shared unchanged.
        """
        with self._lock:
            found = self._subsets.get(rule_ids)
            if found is None:
                found = LanguageRules(self.spec, [r for r in self.rules if r.full_id in rule_ids])
                _number_slots(self)  # before the subset's: one numbering for both
                found.slots = self.slots
                found.types = self.types
                found.import_gates = self.import_gates
                found.narrow = False  # it holds only the rules asked for
                found.pin_names = self.pin_names
                # A rule the grammar rejects is reported here if the whole set never compiles.
                self.problems.extend(p for p in found.compile() if p not in self.problems)
                if len(self._subsets) >= _SUBSETS_KEPT:
                    self._subsets.pop(next(iter(self._subsets)))
                self._subsets[rule_ids] = found
        return found

    def query_for(self, renamed: set[str]) -> tree_sitter.Query | None:
        """The query for a file whose imports rename these last names."""
        names = frozenset(renamed & self.chain_names)
        if not names:
            return self.query
        with self._lock:
            return self._renamed(names)

    def _renamed(self, names: frozenset[str]) -> tree_sitter.Query:
        """The variant in which only the groups pinning one of ``names`` leave it open: a
        file with `import pandas as pd` keeps `read_csv` pinned (`pd.read_csv` still spells
        it), and only patterns whose last name is `pandas` itself are loosened."""
        loosened = tuple(i for i, pinned in enumerate(self._group_names) if pinned & names)
        query = self._renamed_queries.get(loosened)
        if query is None:
            spec, matchers = self.spec, self._group_matchers
            texts = list(self._group_texts)
            for index in loosened:
                texts[index] = matchers[index].generator_query(spec, renamed=True)
            for index in _rejected(spec, texts, loosened):
                matcher = matchers[index]
                pattern = matcher.pattern
                texts[index] = (
                    pattern_query(spec, pattern, loose=True)
                    if pattern is not None
                    else matcher.generator_query(spec)
                )
            query = tree_sitter.Query(self.spec.grammar, "\n".join(texts))
            self._renamed_queries[loosened] = query
        return query


@dataclass
class RuleSet:
    packs: tuple[Pack, ...]
    languages: dict[str, LanguageRules]
    rules: dict[str, tuple[Pack, Rule]]

    def for_language(self, name: str) -> LanguageRules | None:
        return self.languages.get(name)


def compile_pack(
    pack: Pack, known: KnownQueries | None = None
) -> tuple[list[CompiledRule], list[Problem]]:
    """Compile every rule of a pack for each of its languages; problems name file:line.
    ``known``: facts about the pack's raw queries from an earlier load, filled in with new
    ones (a query known there is compiled when first run, not here)."""
    compiled: list[CompiledRule] = []
    problems: list[Problem] = []
    for rule in pack.rules:
        file, line = pack.rule_locations.get(rule.id, (pack.path, 1))
        try:
            compiled.extend(_compile_rule(pack, rule, known))
        except (MatcherError, ValueError) as error:
            problems.append(Problem(file, line, f"rule {rule.id}: {error}"))
    return compiled, problems


def _compile_rule(pack: Pack, rule: Rule, known: KnownQueries | None) -> list[CompiledRule]:
    requirements = rule.requirements()
    matchers: dict[str, CompiledMatcher] = {}
    for language in rule.languages:
        spec = LANGUAGES[language]
        place = f"match.{language}" if isinstance(rule.match, dict) else "match"
        matcher = compile_matcher(spec, rule.matcher_for(language), place, known)
        if not matcher.generators():
            raise MatcherError(
                f"{place}: needs a pattern, kind or query to say where to look "
                "(regex, not, inside and has only filter)"
            )
        _check_fix_references(rule, language, matcher)
        matchers[language] = matcher
    bound_somewhere = set().union(*(m.names for m in matchers.values()))
    for name in sorted(references(rule.message)[0] - bound_somewhere):
        raise MatcherError(f"message: {{{{{name}}}}} is not bound by the match")
    filtered = set().union(*(m.filtered_names() for m in matchers.values()))
    for name in rule.where:
        if name not in filtered:
            raise MatcherError(f"where.{name}: the match binds no metavariable {name}")
    result = []
    for language, matcher in matchers.items():
        spec = LANGUAGES[language]
        # A per-language match may bind a name only some languages use: `where` on it
        # applies where it is bound.
        where = tuple(
            compile_where(spec, name, constraint)
            for name, constraint in rule.where.items()
            if name in matcher.filtered_names()
        )
        # What a name holds depends on statements elsewhere in the file (its assignment, a
        # method that sets `self.x`), so a rule that asks for types is file-wide.
        local = is_local(matcher, spec) and not any(w.types is not None for w in where)
        result.append(
            CompiledRule(pack.full_id(rule), pack, rule, spec, matcher, where, requirements, local)
        )
        # A removed or deprecated callable is as wrong passed on as called; a rule about a
        # call's shape (`ObjectId()` without `new`) is not about the callable.
        twin = _reference_twin(matcher, spec, set(rule.where)) if rule.deprecated else None
        twin = _either(twin, _declared_references(rule, spec))
        if twin is not None:
            # The same rule, without its fix (a call's rewrite does not fit a reference).
            plain = rule.model_copy(update={"fix": None})
            twin_where = tuple(w for w in where if w.name in twin.filtered_names())
            result.append(
                CompiledRule(
                    pack.full_id(rule), pack, plain, spec, twin, twin_where, requirements, local
                )
            )
    return result


def _declared_references(rule: Rule, spec: LanguageSpec) -> CompiledMatcher | None:
    """The rule's ``references:`` patterns, each matched only where passed or stored."""
    twins = []
    for index, text in enumerate(rule.references):
        try:
            pattern = parse_pattern(spec, text)
        except PatternError as error:
            raise MatcherError(f"references[{index}]: {error}: {text!r}") from None
        if pattern.kind is Kind.MULTI or pattern.type in ("call", "call_expression"):
            raise MatcherError(f"references[{index}]: a reference is a name, not a call: {text!r}")
        names = frozenset(metavariable_names(text))
        twins.append(CompiledMatcher(pattern=pattern, names=names, reference=True))
    return _either(*twins)


def _either(*matchers: CompiledMatcher | None) -> CompiledMatcher | None:
    """One matcher for any of ``matchers`` (None: none given)."""
    present = [matcher for matcher in matchers if matcher is not None]
    if len(present) <= 1:
        return present[0] if present else None
    names = frozenset().union(*(matcher.names for matcher in present))
    return CompiledMatcher(any=tuple(present), names=names)


def _reference_twin(
    matcher: CompiledMatcher, spec: LanguageSpec, filtered: set[str]
) -> CompiledMatcher | None:
    """For a rule that is only a call pattern (or a choice of them) whose arguments may be
    none (`$C.count()`, `datetime.datetime.utcnow()`, `$C.m($$$)`): a matcher of the callable
    itself where it is passed or stored, not called (`retry(coll.count)`,
    `Column(DateTime, default=datetime.datetime.utcnow)`), which the rule is as much about.
    A `$$$` that a `where` filters (`count($$$ARGS)` with a filter required) may not be
    empty, so that rule is not about the bare callable."""
    patterns = [matcher] if matcher.pattern is not None else list(matcher.any)
    if not patterns or any(_extra_keys(part) for part in patterns):
        return None
    callables = []
    for part in patterns:
        assert part.pattern is not None
        callee = _callable_of(part.pattern, spec, filtered)
        if callee is not None:
            callables.append(callee)
    if not callables:
        return None
    return _either(
        *(
            CompiledMatcher(pattern=callee, names=_bound_names(callee), reference=True)
            for callee in callables
        )
    )


def _bound_names(pattern: PatternNode) -> frozenset[str]:
    return frozenset(
        node.name
        for node in pattern.walk()
        if node.kind in (Kind.META, Kind.MULTI) and node.name is not None
    )


def _extra_keys(matcher: CompiledMatcher) -> bool:
    return (
        matcher.pattern is None
        or matcher.query is not None
        or matcher.regex is not None
        or matcher.kinds is not None
        or bool(matcher.all or matcher.any)
        or any(part is not None for part in (matcher.not_, matcher.inside, matcher.has))
    )


def _callable_of(
    pattern: PatternNode, spec: LanguageSpec, filtered: set[str]
) -> PatternNode | None:
    if pattern.type not in ("call", "call_expression"):
        return None
    callee = next((child for child in pattern.children if child.field == "function"), None)
    arguments = next((child for child in pattern.children if child.field == "arguments"), None)
    if callee is None or arguments is None or callee.kind is Kind.META:
        return None
    runs = [child for child in arguments.children if child.named]
    if not all(run.kind is Kind.MULTI and run.name not in filtered for run in runs):
        return None
    if callee.kind is not Kind.CHAIN and callee.type not in spec.member_kinds:
        return None
    return dataclasses.replace(callee, field=None)


def _check_fix_references(rule: Rule, language: str, matcher: CompiledMatcher) -> None:
    fix = rule.fix_for(language)
    if fix is not None:
        braces, dollars = references(fix.template)
        for name in sorted((braces | dollars) - matcher.names):
            raise MatcherError(f"fix: ${name} is not bound by the match")


class QueryCache(Protocol):
    """Digests (``query_digest``) of merged queries that compiled with no problem before."""

    def __contains__(self, digest: object) -> bool: ...

    def add(self, digest: str) -> None: ...


def build_rule_set(
    packs: list[Pack],
    compiled: list[CompiledRule],
    lazy: bool = False,
    validated: QueryCache | None = None,
) -> tuple[RuleSet, list[Problem]]:
    """Group compiled rules by language and merge their generators into one query each.

    A rule whose query the grammar rejects is left out with a problem; the rest still run.
    ``lazy`` leaves each language's query to its first document (a server that opens one
    Python file need not wait for the Java, Go and SQL queries); its problems then wait too.
    ``validated``: a language whose merged query compiled cleanly before is left to its
    first need as if lazy (a document walks only its active rules' query anyway), since
    compiling it now would only show again that it has no problem.
    """
    languages: dict[str, LanguageRules] = {}
    for rule in compiled:
        languages.setdefault(rule.spec.name, LanguageRules(rule.spec)).rules.append(rule)
    problems: list[Problem] = []
    declarations = [declaration for pack in packs for declaration in pack.types]
    for name, rules in languages.items():
        rules.types = build_model(declarations, name)
        rules.import_gates = _import_gates(rules, name)
        problems.extend(_type_problems(packs, rules))
        if lazy:
            continue
        digest = query_digest(rules) if validated is not None else None
        if validated is not None and digest in validated:
            continue
        found = rules.compile()
        problems.extend(found)
        if validated is not None and digest is not None and not found:
            validated.add(digest)
    by_id = {pack.full_id(rule): (pack, rule) for pack in packs for rule in pack.rules}
    return RuleSet(tuple(packs), languages, by_id), problems


def _import_gates(language: LanguageRules, name: str) -> dict[str, tuple[str, ...]]:
    """For each rule that asks types: its `imports:` plus the modules whose names give a
    value of a type it asks for, directly or through other types' results (Flask-PyMongo's
    client gives PyMongo collections)."""
    gates = {}
    for rule in language.rules:
        if not rule.asks_types or not rule.definition.imports:
            continue
        wanted = {
            asked.removeprefix(CLASS_PREFIX).removesuffix("]")
            for where in rule.where
            for asked in where.types or ()
        }
        declarations = [d for d in rule.pack.types if name in d.languages]
        reaching = _reaching(declarations, wanted)
        modules = {
            path.lstrip("@").split(".")[0]
            for declaration in declarations
            if declaration.name in reaching
            for path in (*declaration.names, *declaration.factories)
        }
        gates[rule.full_id] = tuple(sorted(set(rule.definition.imports) | modules))
    return gates


def _reaching(declarations: list[TypeDeclaration], wanted: set[str]) -> set[str]:
    """The declared types from which a value of a ``wanted`` type can be reached."""
    reaching = {d.name for d in declarations if d.name in wanted}
    changed = True
    while changed:
        changed = False
        for declaration in declarations:
            if declaration.name not in reaching and declaration.referenced() & reaching:
                reaching.add(declaration.name)
                changed = True
    return reaching


def _type_problems(packs: list[Pack], language: LanguageRules) -> list[Problem]:
    """Type names that no loaded pack declares: in a rule's `where`, or a type's result."""
    problems = []
    model = language.types
    for type_name, missing in unknown_references(model):
        owner = next((p for p in packs if any(t.name == type_name for t in p.types)), None)
        place = owner.path if owner is not None else "types"
        problems.append(Problem(place, None, f"type {type_name}: unknown type {missing!r}"))
    for rule in language.rules:
        rule_id = rule.definition.id
        for constraint in rule.where:
            for wanted in sorted(constraint.types or ()):
                name = wanted.removeprefix(CLASS_PREFIX).removesuffix("]")
                if name in model.types or is_builtin(name):
                    continue
                file, line = rule.pack.rule_locations.get(rule_id, (rule.pack.path, 1))
                message = f"where.{constraint.name}.type: no pack declares type {name!r}"
                problems.append(Problem(file, line, f"rule {rule_id}: {message}"))
    return problems


def _owners(language: LanguageRules) -> list[Generator | Feed]:
    """What writes the merged query: every rule's generators, then the `has`/`inside` feeds."""
    owners: list[Generator | Feed] = [
        Generator(rule, generator, _capture(generator))
        for rule in language.rules
        for generator in rule.matcher.generators()
    ]
    return [*owners, *_feeds(language)] if owners else []


def query_digest(language: LanguageRules) -> str | None:
    """A digest of the merged query ``language`` compiles: the engine's and tree-sitter's
    versions, the grammar's node kinds and fields, and the query text (None: no query)."""
    owners = _owners(language)
    if not owners:
        return None
    grammar = language.spec.grammar
    digest = hashlib.sha256()
    symbols = [grammar.node_kind_for_id(i) or "" for i in range(grammar.node_kind_count)]
    fields = [grammar.field_name_for_id(i) or "" for i in range(1, grammar.field_count + 1)]
    header = [__version__, _TREE_SITTER, language.spec.name, str(grammar.abi_version)]
    for part in (*header, *symbols, *fields):
        digest.update(part.encode() + b"\0")
    for chunk in _chunks(language, owners):
        digest.update(chunk.encode() + b"\n")
    return digest.hexdigest()


def _chunks(language: LanguageRules, owners: list[Generator | Feed]) -> list[str]:
    return [
        owner.matcher.generator_query(language.spec, names=_allowed_names(language, owner))
        for owner in owners
    ]


def _allowed_names(language: LanguageRules, owner: Generator | Feed) -> dict[str, frozenset[str]]:
    """The metavariables a rule's ``where`` allows only a list of values (``in:``), for its
    generators' queries. Not for `has`/`inside` feeds: those index every hit, and which one
    a part takes first decides its bindings. Not where a function passed by name stands
    for its definition (``kind:`` of functions): then the value is not the name."""
    if not language.pin_names or not isinstance(owner, Generator):
        return {}
    return {
        where.name: where.values
        for where in owner.rule.where
        if where.values and not (where.kinds and where.kinds & FUNCTION_KINDS)
    }


def _merge_queries(language: LanguageRules) -> list[Problem]:
    spec = language.spec
    owners = _owners(language)
    if not owners:
        return []
    chunks = _chunks(language, owners)
    problems: list[Problem] = []
    try:
        return _install(language, chunks, owners)
    except tree_sitter.QueryError:
        pass
    # Only when the one compile fails are the culprits looked for, retried with
    # unconstrained names, and as a last resort left out.
    unfed: set[int] = set()
    for index in _rejected(spec, chunks, range(len(chunks))):
        owner = owners[index]
        owner.matcher.loose_query = True
        chunks[index] = owner.matcher.generator_query(spec)
        if _compiles(spec, chunks[index]):
            continue
        chunks[index] = ""
        if isinstance(owner, Feed):
            unfed.add(owner.slot)
            continue
        rule = owner.rule
        file, line = rule.pack.rule_locations.get(rule.definition.id, (rule.pack.path, 1))
        problems.append(
            Problem(file, line, f"rule {rule.definition.id}: no {spec.name} query for its match")
        )
    if unfed:
        # A slot missing some of its hits would miss matches: those parts walk instead.
        for index, owner in enumerate(owners):
            if isinstance(owner, Feed) and owner.slot in unfed:
                chunks[index] = ""
        _unslot(language, unfed)
    return problems + _install(language, chunks, owners)


def _capture(generator: CompiledMatcher) -> str:
    return ROOT_CAPTURE if generator.query is None else generator.query.capture


def _relative_parts(language: LanguageRules) -> Iterator[CompiledMatcher]:
    pending = [rule.matcher for rule in language.rules]
    while pending:
        matcher = pending.pop()
        pending.extend(matcher.parts())
        yield from (part for part in (matcher.has, matcher.inside) if part is not None)


def _number_slots(language: LanguageRules) -> None:
    """Give every `has`/`inside` part that has generators a slot, once, numbered across all
    of the language's rules: its subsets share the matchers, so they share the numbering."""
    for part in _relative_parts(language):
        if part.slot is None:
            generators = part.generators()
            # A bare `$X` finds every node: walking is cheaper than indexing them all.
            indexed = generators and not any(g.finds_everything for g in generators)
            part.slot = language.slots if indexed else WALK
            language.slots += 1 if indexed else 0


def _feeds(language: LanguageRules) -> list[Feed]:
    """The feeds of every `has`/`inside` part that has a slot (numbered first if need be)."""
    _number_slots(language)
    return [
        Feed(part.slot, generator, _capture(generator))
        for part in _relative_parts(language)
        if part.slot is not None and part.slot != WALK
        for generator in part.generators()
    ]


def _unslot(language: LanguageRules, slots: set[int]) -> None:
    pending = [rule.matcher for rule in language.rules]
    while pending:
        matcher = pending.pop()
        pending.extend(matcher.parts())
        if matcher.slot in slots:
            matcher.slot = WALK


def _install(
    language: LanguageRules, chunks: list[str], owners: list[Generator | Feed]
) -> list[Problem]:
    # Identical queries (the same pattern in several rules or `any` branches) compile once
    # and their matches go to every generator that wrote them. Raw queries are identical
    # only with the same regex predicates too, which live outside the query text.
    groups: dict[tuple[str, tuple[Predicates, ...]], list[Generator | Feed]] = {}
    for chunk, owner in zip(chunks, owners, strict=True):
        if chunk:
            raw = owner.matcher.query
            key = (chunk, raw.predicates if raw is not None else ())
            groups.setdefault(key, []).append(owner)
    keys = list(groups)
    _install_renamed(language, [groups[key][0] for key in keys], [text for text, _ in keys])
    starts: list[int] = []
    offset = 0
    for text, _ in keys:
        starts.append(offset)
        offset += len(text.encode()) + 1
    query = tree_sitter.Query(language.spec.grammar, "\n".join(text for text, _ in keys))
    dispatch: list[list[Generator]] = []
    feeds: list[list[Feed]] = []
    predicates: list[Predicates] = []
    first_pattern: dict[int, int] = {}
    for index in range(query.pattern_count):
        group = bisect.bisect_right(starts, query.start_byte_for_pattern(index)) - 1
        members = groups[keys[group]]
        dispatch.append([owner for owner in members if isinstance(owner, Generator)])
        feeds.append([owner for owner in members if isinstance(owner, Feed)])
        per_pattern = keys[group][1]
        position = index - first_pattern.setdefault(group, index)
        predicates.append(per_pattern[position] if per_pattern else ())
    language.query = query
    language.dispatch = dispatch
    language.feeds = feeds
    language.predicates = predicates
    return []


def _install_renamed(
    language: LanguageRules, firsts: list[Generator | Feed], texts: list[str]
) -> None:
    # One owner per group stands for it: the group's query text is the same for all.
    language._group_matchers = [owner.matcher for owner in firsts]
    language._group_texts = texts
    language._group_names = [
        frozenset(chain_last_names(matcher.pattern))
        if matcher.pattern is not None and not matcher.loose_query
        else frozenset()
        for matcher in language._group_matchers
    ]
    language._renamed_queries = {}
    language.chain_names = frozenset().union(*language._group_names)


def _compiles(spec: LanguageSpec, text: str) -> bool:
    try:
        tree_sitter.Query(spec.grammar, text)
    except tree_sitter.QueryError:
        return False
    return True


def _rejected(spec: LanguageSpec, chunks: list[str], indexes: Sequence[int]) -> list[int]:
    """Indexes of chunks the grammar rejects, found by halving (one compile when none is)."""
    if _compiles(spec, "\n".join(chunks[i] for i in indexes)):
        return []
    if len(indexes) == 1:
        return [indexes[0]]
    middle = len(indexes) // 2
    return _rejected(spec, chunks, indexes[:middle]) + _rejected(spec, chunks, indexes[middle:])


__all__ = [
    "MATCH_CAPTURE",
    "CompiledRule",
    "Feed",
    "Generator",
    "LanguageRules",
    "QueryCache",
    "RuleSet",
    "build_rule_set",
    "compile_pack",
    "query_digest",
]
