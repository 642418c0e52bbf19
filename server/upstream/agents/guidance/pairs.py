"""Each rule as a short don't/do pair with a code example from the pack's own tests.

The "don't" is the rule's title (what the rule is about); the "do" is the part of its message
after the diagnosis (messages read "what is wrong; what to write instead"), so no text is said
twice. The example's bad line is an ``expect`` case of the rule; its good line is the same
statement with the rule's fix applied (what a tested ``NAME.fixed.EXT`` holds) or, for a rule
without a fix, the ``ok`` case of the rule that follows it in the test file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from upstream.engine import RuleSet
from upstream.engine.findings import Finding, Severity
from upstream.packs import Pack, Rule

from .cases import (
    Case,
    PackTestFile,
    findings,
    fixed_statement,
    pack_test_files,
    statement_text,
)

# Most important first: budgets drop from the end.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info", "hint")
# An example line longer than this would not read as "one line" any more.
_MAX_LINE = 120
_METAVARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
# Words of a clause that says what goes wrong rather than what to write.
_FAILURE = re.compile(r"\b(?:fails?|raises?|errors?)\b", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")


def plain(text: str) -> str:
    # Messages are templates ("no `{{KW}}=` parameter"); guidance has no binding to fill in.
    return " ".join(_METAVARIABLE.sub("…", text).split()).rstrip(".")


@dataclass(frozen=True)
class Example:
    """A rule's bad line from its tests, and the good line when the tests give one."""

    language: str
    comment: str  # the language's line comment, to label the two lines
    bad: str
    good: str | None


@dataclass(frozen=True)
class Pair:
    """One don't/do pair; several rules with the same replacement share one."""

    topic: str
    donts: tuple[str, ...]
    do: str
    docs: str
    severity: Severity
    rules: tuple[str, ...]
    languages: tuple[str, ...]
    tags: tuple[str, ...]
    examples: tuple[Example, ...] = ()

    @property
    def rank(self) -> int:
        return SEVERITIES.index(self.severity)

    def example(self, languages: Sequence[str] | None = None) -> Example | None:
        for example in self.examples:
            if languages is None or example.language in languages:
                return example
        return None

    def for_languages(self, languages: Sequence[str]) -> Pair:
        examples = tuple(e for e in self.examples if e.language in languages)
        return replace(self, examples=examples)


@dataclass(frozen=True)
class PackGuidance:
    pack: Pack
    pairs: tuple[Pair, ...] = field(default=())


def _split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is outside code spans and brackets."""
    parts: list[str] = []
    depth: list[str] = []
    in_code = False
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "`":
            in_code = not in_code
        elif not in_code and char in _OPENERS:
            depth.append(_OPENERS[char])
        elif not in_code and depth and char == depth[-1]:
            depth.pop()
        elif not in_code and not depth and text.startswith(separator, index):
            parts.append(text[start:index])
            start = index + len(separator)
            index = start
            continue
        index += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _says_what_fails(text: str) -> bool:
    return _FAILURE.search(_CODE_SPAN.sub("", text)) is not None


def replacement(message: str) -> str:
    """What to do instead, from a rule's message: the clauses after its first top-level
    ``;`` (the first one says what is wrong, as the title does), else what follows its last
    top-level ``: ``, else the whole message. A message written the other way round (what
    to write; what fails otherwise) is kept whole."""
    text = plain(message)
    clauses = _split_top_level(text, "; ")
    if len(clauses) > 1:
        do = "; ".join(clauses[1:])
        if _says_what_fails(do) and not _says_what_fails(clauses[0]):
            do = text
    else:
        parts = _split_top_level(text, ": ")
        do = parts[-1] if len(parts) > 1 else text
    return do[:1].upper() + do[1:]


def topic_of(pack: Pack, rule: Rule) -> str:
    """The rule file a rule comes from, as a heading: ``driver-4.yaml`` is "Driver 4"."""
    location = pack.rule_locations.get(rule.id)
    stem = Path(location[0]).stem if location else pack.name
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def examples(pack: Pack, rule_set: RuleSet) -> dict[str, list[Example]]:
    """The best example per rule and language, from the ``expect`` cases of the pack's tests:
    those whose good line is the rule's fix applied first, then those whose good line is the
    ``ok`` case of the rule that follows them, then bad lines alone; each in file order."""
    fixable = {pack.full_id(rule) for rule in pack.rules if rule.fix is not None}
    candidates: dict[tuple[str, str], list[tuple[int, int, Example]]] = defaultdict(list)
    order = 0
    for file in pack_test_files(pack):
        needs_engine = any(c.kind == "expect" and c.rule in fixable for c in file.cases)
        found: list[Finding] = findings(file, rule_set) if needs_engine else []
        for case, after in _expect_cases(file):
            ranked = _example(file, case, found, after)
            if ranked is not None:
                order += 1
                candidates[(case.rule, file.spec.name)].append((ranked[0], order, ranked[1]))
    best: dict[str, list[Example]] = defaultdict(list)
    for (rule, _), found_examples in sorted(candidates.items()):
        best[rule].append(min(found_examples, key=lambda item: item[:2])[2])
    return best


def _expect_cases(file: PackTestFile) -> Iterator[tuple[Case, Case | None]]:
    """Each ``expect`` case, with the ``ok`` case of the same rule that comes next in the
    file, if the next case of that rule is one. Only that ``ok`` is a counterpart: the
    others are often near misses the rule must not report, which are no example to follow."""
    for index, case in enumerate(file.cases):
        if case.kind != "expect":
            continue
        later = (c for c in file.cases[index + 1 :] if c.rule == case.rule)
        after = next(later, None)
        yield case, after if after is not None and after.kind == "ok" else None


def _example(
    file: PackTestFile, case: Case, found: list[Finding], after: Case | None
) -> tuple[int, Example] | None:
    """The example of one ``expect`` case and its rank (0: fixed, 1: ok case, 2: bad only)."""
    text = statement_text(file.source, file.spec, case.line)
    bad = _one_line(text) if text is not None else None
    if bad is None:
        return None
    fixed = fixed_statement(file.source, file.spec, case, found)
    ok = statement_text(file.source, file.spec, after.line) if after is not None else None
    for rank, good in enumerate((fixed, ok)):
        line = _one_line(good) if good is not None else None
        if line is not None and line != bad:
            return rank, Example(file.spec.name, file.spec.line_comment, bad, line)
    return 2, Example(file.spec.name, file.spec.line_comment, bad, None)


def _one_line(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 1 or len(lines[0]) > _MAX_LINE:
        return None
    return lines[0]


def pack_guidance(pack: Pack, rule_set: RuleSet) -> PackGuidance:
    """The pack's rules as don't/do pairs, deduplicated: rules with the same title and
    message are one pair, and rules with the same replacement are one pair with several
    don'ts (kept under the topic of the first, by severity)."""
    found = examples(pack, rule_set)
    by_do: dict[str, list[tuple[Rule, str]]] = defaultdict(list)
    for rule in pack.rules:
        by_do[replacement(rule.message)].append((rule, plain(rule.title)))
    pairs: list[Pair] = []
    for do, rules in by_do.items():
        rules.sort(key=lambda item: (SEVERITIES.index(item[0].severity), item[1]))
        first = rules[0][0]
        donts = tuple(dict.fromkeys(title for _, title in rules))
        ids = tuple(pack.full_id(rule) for rule, _ in rules)
        merged: dict[str, Example] = {}
        for rule_id in ids:
            for example in found.get(rule_id, ()):
                merged.setdefault(example.language, example)
        pairs.append(
            Pair(
                topic=topic_of(pack, first),
                donts=donts,
                do=do,
                docs=first.docs,
                severity=first.severity,
                rules=ids,
                languages=tuple(sorted({lang for rule, _ in rules for lang in rule.languages})),
                tags=tuple(sorted({tag for rule, _ in rules for tag in rule.tags})),
                examples=tuple(merged[language] for language in sorted(merged)),
            )
        )
    pairs.sort(key=lambda pair: (pair.topic, pair.rank, pair.donts))
    return PackGuidance(pack, _unique_examples(pairs))


def _unique_examples(pairs: Sequence[Pair]) -> tuple[Pair, ...]:
    """``pairs`` with each example shown once, at its first pair: one test line can be the
    case of two rules (say, the same removal gated on two versions)."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for pair in pairs:
        kept = tuple(e for e in pair.examples if (e.language, e.bad) not in seen)
        seen.update((e.language, e.bad) for e in kept)
        unique.append(replace(pair, examples=kept))
    return tuple(unique)
