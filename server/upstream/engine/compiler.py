"""Compile packs into a RuleSet: per language, one tree-sitter query for all rules.

Each rule contributes its generator patterns to its language's query; a match's pattern
index says which rule (and which generator) to try. Compiling the merged query once is what
keeps a document to one walk however many rules are loaded (see docs/engine.md).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import tree_sitter

from upstream.engine.matchers import (
    MATCH_CAPTURE,
    CompiledMatcher,
    CompiledWhere,
    MatcherError,
    compile_matcher,
    compile_where,
)
from upstream.engine.templates import references
from upstream.errors import Problem
from upstream.languages import LANGUAGES, LanguageSpec
from upstream.model import Pack, Rule
from upstream.project.versions import Requirement

ROOT_CAPTURE = "upstream.root"


@dataclass(frozen=True, eq=False)
class CompiledRule:
    full_id: str
    pack: Pack
    rule: Rule
    spec: LanguageSpec
    matcher: CompiledMatcher
    where: tuple[CompiledWhere, ...]
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Generator:
    rule: CompiledRule
    matcher: CompiledMatcher
    capture: str


@dataclass
class LanguageRules:
    spec: LanguageSpec
    rules: list[CompiledRule] = field(default_factory=list)
    query: tree_sitter.Query | None = None
    # query pattern index -> the generators it stands for
    dispatch: list[list[Generator]] = field(default_factory=list)


@dataclass
class RuleSet:
    packs: tuple[Pack, ...]
    languages: dict[str, LanguageRules]
    rules: dict[str, tuple[Pack, Rule]]

    def for_language(self, name: str) -> LanguageRules | None:
        return self.languages.get(name)


def compile_pack(pack: Pack) -> tuple[list[CompiledRule], list[Problem]]:
    """Compile every rule of a pack for each of its languages; problems name file:line."""
    compiled: list[CompiledRule] = []
    problems: list[Problem] = []
    for rule in pack.rules:
        file, line = pack.rule_locations.get(rule.id, (pack.path, 1))
        try:
            compiled.extend(_compile_rule(pack, rule))
        except (MatcherError, ValueError) as error:
            problems.append(Problem(file, line, f"rule {rule.id}: {error}"))
    return compiled, problems


def _compile_rule(pack: Pack, rule: Rule) -> list[CompiledRule]:
    requirements = tuple(
        Requirement.parse(ecosystem, text)
        for ecosystem, texts in rule.requires.items()
        for text in ([texts] if isinstance(texts, str) else texts)
    )
    result = []
    for language in rule.languages:
        spec = LANGUAGES[language]
        place = f"match.{language}" if isinstance(rule.match, dict) else "match"
        matcher = compile_matcher(spec, rule.matcher_for(language), place)
        if not matcher.generators():
            raise MatcherError(
                f"{place}: needs a pattern, kind or query to say where to look "
                "(regex, not, inside and has only filter)"
            )
        where = tuple(compile_where(spec, name, spec_) for name, spec_ in rule.where.items())
        _check_references(rule, language, matcher)
        result.append(
            CompiledRule(pack.full_id(rule), pack, rule, spec, matcher, where, requirements)
        )
    return result


def _check_references(rule: Rule, language: str, matcher: CompiledMatcher) -> None:
    for name in rule.where:
        if name not in matcher.names:
            raise MatcherError(f"where.{name}: the match binds no metavariable {name}")
    braces, _ = references(rule.message)
    for name in sorted(braces - matcher.names):
        raise MatcherError(f"message: {{{{{name}}}}} is not bound by the match")
    fix = rule.fix_for(language)
    if fix is not None:
        braces, dollars = references(fix.template)
        for name in sorted((braces | dollars) - matcher.names):
            raise MatcherError(f"fix: ${name} is not bound by the match")


def build_rule_set(packs: list[Pack], compiled: list[CompiledRule]) -> RuleSet:
    """Group compiled rules by language and merge their generators into one query each."""
    languages: dict[str, LanguageRules] = {}
    for rule in compiled:
        languages.setdefault(rule.spec.name, LanguageRules(rule.spec)).rules.append(rule)
    for rules in languages.values():
        _merge_queries(rules)
    by_id = {pack.full_id(rule): (pack, rule) for pack in packs for rule in pack.rules}
    return RuleSet(tuple(packs), languages, by_id)


def _merge_queries(language: LanguageRules) -> None:
    chunks: list[str] = []
    owners: list[Generator] = []
    for rule in language.rules:
        for generator in rule.matcher.generators():
            capture = ROOT_CAPTURE if generator.query is None else generator.query.capture
            chunks.append(generator.generator_query(language.spec))
            owners.append(Generator(rule, generator, capture))
    if not chunks:
        return
    starts: list[int] = []
    offset = 0
    for chunk in chunks:
        starts.append(offset)
        offset += len(chunk.encode()) + 1
    text = "\n".join(chunks)
    query = tree_sitter.Query(language.spec.grammar, text)
    dispatch: list[list[Generator]] = [[] for _ in range(query.pattern_count)]
    for index in range(query.pattern_count):
        owner = bisect.bisect_right(starts, query.start_byte_for_pattern(index)) - 1
        dispatch[index].append(owners[owner])
    language.query = query
    language.dispatch = dispatch


__all__ = [
    "MATCH_CAPTURE",
    "CompiledRule",
    "Generator",
    "LanguageRules",
    "RuleSet",
    "build_rule_set",
    "compile_pack",
]
