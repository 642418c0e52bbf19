"""``upstream pack lint``: review a pack the way a careful maintainer would, before publishing.

Each problem is one line, ``file:line: rule ID: what is wrong``. Checks: the pack loads (ids
unique, fields valid), every rule has an https docs link that is not a ``TODO`` placeholder, a
message short enough for an editor that says what to do instead, ``expect`` and ``ok`` test
cases, a version gate and the ``deprecated`` tag on deprecation rules, no finding on its own
``ok`` lines, and no pattern whose matching backtracks badly.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from upstream.engine import CompiledRule, LanguageSpec
from upstream.engine.pattern import Kind, PatternNode
from upstream.errors import PackError, Problem, UsageError
from upstream.packs import LoadedRules, load_rule_set
from upstream.packs.loader import MANIFEST, RULE_FILE_SUFFIXES, load_pack
from upstream.packs.packtest import run_pack_tests
from upstream.packs.yaml_source import YamlDocument, YamlSyntaxError, load_yaml

# Longer than this and an editor's hover or problems panel cuts the message off.
MAX_MESSAGE = 300
DEPRECATED_TAG = "deprecated"
PLACEHOLDER = re.compile(r"TODO|example\.(?:com|org|net)\b", re.IGNORECASE)
# A rule is about a deprecation when it is tagged so or says so.
_DEPRECATION_WORDS = re.compile(
    r"\bdeprecat|\bremoved\b|\bno longer (?:exists|provides|supported)\b", re.IGNORECASE
)
# A message says what to do instead when it names an alternative outright...
_ALTERNATIVE = re.compile(
    r"\b(?:instead|rather than|use|replace|switch to|migrate|upgrade to|takes|the keyword is"
    r"|are named)\b",
    re.IGNORECASE,
)
# ... or a clause after the first gives code or an imperative.
_REMEDY_VERB = re.compile(
    r"\b(?:call|pass|import|install|create|prefer|rename|move|set|add|keep|give|write|rewrite"
    r"|iterate|express|upgrade|delete|spread|partition|paginate|assign|register|avoid|wrap"
    r"|check|await|close|reuse|drop|convert|specify|choose|run|remove|omit|see|swap|lead"
    r"|do not|don't|never|always|should|must)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|: | — | - ")
# `$$$` runs side by side in one list each try every length against the others': past two,
# a long argument list can use up a rule's matching steps for a file (engine/runner.py).
MAX_RUNS = 2


def says_what_to_do(message: str) -> bool:
    """Whether ``message`` tells the reader what to write instead (a heuristic)."""
    plain = re.sub(r"`[^`]*`", "CODE", message)
    if _ALTERNATIVE.search(plain):
        return True
    clauses = _CLAUSE.split(plain)[1:]
    return any("CODE" in clause or _REMEDY_VERB.search(clause) for clause in clauses)


def lint_pack(folder: Path) -> list[Problem]:
    """Every problem found in the pack at ``folder``, in file and line order."""
    if not (folder / MANIFEST).is_file():
        raise UsageError(f"{folder}: not a pack folder (no {MANIFEST})")
    problems: list[Problem] = []
    seen: dict[str, tuple[Path, int]] = {}
    for file in sorted(
        f for f in folder.iterdir() if f.suffix in RULE_FILE_SUFFIXES and f.name != MANIFEST
    ):
        document = _read(file, problems)
        if document is None:
            continue
        rules = document.data.get("rules") if isinstance(document.data, dict) else None
        for index, raw in enumerate(rules if isinstance(rules, list) else []):
            if isinstance(raw, dict):
                problems.extend(_lint_rule(file, document, index, raw, seen))
    try:
        pack = load_pack(folder)
    except PackError as error:
        # Duplicate ids are already reported above, with both places.
        problems.extend(p for p in error.problems if "duplicate id" not in p)
        return _ordered(problems)
    loaded = load_rule_set([folder])
    if loaded.problems:
        problems.extend(loaded.problems)
        return _ordered(problems)
    problems.extend(_costly_patterns(loaded))
    result = run_pack_tests(pack, loaded.rule_set)
    for failure in result.failures:
        if "has no 'expect' case" in failure or "has no 'ok' case" in failure:
            problems.append(_as_problem(failure, "rule without tests: "))
        elif "reported on a line marked ok" in failure:
            problems.append(_as_problem(failure, "pattern matches its own ok case: "))
    return _ordered(problems)


def _read(file: Path, problems: list[Problem]) -> YamlDocument | None:
    try:
        return load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(file, None, f"cannot read: {error}"))
    except YamlSyntaxError as error:
        problems.append(Problem(file, error.line, str(error)))
    return None


def _lint_rule(
    file: Path,
    document: YamlDocument,
    index: int,
    raw: dict[str, Any],
    seen: dict[str, tuple[Path, int]],
) -> list[Problem]:
    problems: list[Problem] = []
    rule_id = raw.get("id")
    name = rule_id if isinstance(rule_id, str) else f"#{index + 1}"

    def report(field: str, message: str) -> None:
        line = document.line_of(("rules", index, field))
        problems.append(Problem(file, line, f"rule {name}: {message}"))

    if isinstance(rule_id, str):
        if rule_id in seen:
            first_file, first_line = seen[rule_id]
            report("id", f"duplicate id (first at {first_file}:{first_line})")
        else:
            seen[rule_id] = (file, document.line_of(("rules", index)))
    docs = raw.get("docs")
    if not isinstance(docs, str) or not docs.strip():
        report("docs", "no docs link (docs: the maintainer's page about this API)")
    elif not docs.startswith("https://"):
        report("docs", f"docs link is not https: {docs}")
    elif PLACEHOLDER.search(docs):
        report("docs", f"docs link is a placeholder: {docs}")
    message = raw.get("message")
    if isinstance(message, str):
        if len(message) > MAX_MESSAGE:
            report(
                "message",
                f"message is {len(message)} characters (at most {MAX_MESSAGE}); "
                "move detail to explanation",
            )
        if not says_what_to_do(message):
            report("message", "message does not say what to do instead")
        if PLACEHOLDER.search(message):
            report("message", "message still has a TODO")
    raw_tags = raw.get("tags")
    tags: list[object] = raw_tags if isinstance(raw_tags, list) else []
    text = " ".join(str(raw.get(key, "")) for key in ("id", "title", "message"))
    if DEPRECATED_TAG in tags or _DEPRECATION_WORDS.search(text):
        if not raw.get("requires") and _gate_possible(raw.get("imports")):
            report("id", "deprecation rule without a version gate (requires:)")
        if DEPRECATED_TAG not in tags:
            report(
                "tags" if "tags" in raw else "id", "deprecation rule without the `deprecated` tag"
            )
    return problems


def _gate_possible(imports: object) -> bool:
    """A version gate reads a package manifest: rules about the standard library, or not
    scoped to any package (a database server's own deprecations), cannot have one."""
    if not isinstance(imports, list) or not imports:
        return False
    return all(
        str(module).replace("/", ".").split(".")[0] not in sys.stdlib_module_names
        for module in imports
    )


def _costly_patterns(loaded: LoadedRules) -> list[Problem]:
    """Patterns (also those of `where`) whose matching can take steps on the order of a
    power of a list's length."""
    problems = []
    for language in loaded.rule_set.languages.values():
        for rule in language.rules:
            file, line = rule.pack.rule_locations.get(rule.definition.id, (rule.pack.path, 1))
            for reason in _costs(rule):
                problems.append(Problem(file, line, f"rule {rule.definition.id}: {reason}"))
    return problems


def _costs(rule: CompiledRule) -> list[str]:
    patterns = [where.pattern for where in rule.where if where.pattern is not None]
    pending = [rule.matcher]
    while pending:
        matcher = pending.pop()
        pending.extend(matcher.parts())
        if matcher.pattern is not None:
            patterns.append(matcher.pattern)
    reasons = []
    for pattern in patterns:
        for node in pattern.walk():
            reasons.extend(_node_costs(node, rule.spec))
    return list(dict.fromkeys(reasons))


def _node_costs(node: PatternNode, spec: LanguageSpec) -> list[str]:
    reasons = []
    runs = sum(1 for child in node.children if child.kind is Kind.MULTI)
    if runs > MAX_RUNS:
        reasons.append(
            f"costly pattern: {runs} `$$$` runs in one {node.type} backtrack over each "
            "other; on long lists matching can stop at its step budget (use at most "
            f"{MAX_RUNS}, or `has:` for the items)"
        )
    if node.type in spec.unordered_kinds:
        # `$K=$V` entries are tried against every entry, each pairing against the others'.
        open_keys = sum(1 for child in node.children if _open_key(child, spec))
        if open_keys > 1:
            reasons.append(
                f"costly pattern: {open_keys} entries with a metavariable key in one "
                f"{node.type} are tried in every order; give them fixed keys, or match one "
                "entry per `has:`"
            )
    return reasons


def _open_key(entry: PatternNode, spec: LanguageSpec) -> bool:
    return (
        entry.kind is Kind.NODE
        and entry.type in spec.keyed_kinds
        and bool(entry.children)
        and entry.children[0].kind is Kind.META
    )


def _as_problem(failure: str, prefix: str) -> Problem:
    """A pack-test failure line (``file:line: text``) as a lint problem."""
    match = re.match(r"^(.*?):(\d+): (.*)$", failure)
    if match is None:
        return Problem(failure, None, prefix.rstrip(": "))
    return Problem(match.group(1), int(match.group(2)), prefix + match.group(3))


def _ordered(problems: list[Problem]) -> list[Problem]:
    def key(problem: Problem) -> tuple[str, int]:
        return (problem.path, problem.line or 0)

    return sorted(dict.fromkeys(problems), key=key)
