"""``upstream test``: run a pack's annotated examples.

In ``tests/``, a comment ``expect: RULE[, RULE]`` says the next code line must be reported
for those rules and ``ok: RULE`` that it must not (a trailing comment covers its own line).
Every finding must be expected. ``NAME.fixed.EXT`` beside ``NAME.EXT`` is the text after
applying every fix, safe or not. Every rule needs at least one expect and one ok case.

The ``tests/`` folder is the project the files are checked in, so a file's path is judged
from there for ``context: application`` (engine/context.py): ``tests/commands.py`` is
application code, while a file named as test code (``tests/conftest.py``,
``tests/test_cache.py``, ``tests/cache.test.js``, ``tests/__tests__/...``) is a test file.
Test functions, fixtures and test callbacks inside any file are test code too.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from upstream.engine.compiler import RuleSet
from upstream.engine.document import Document
from upstream.engine.fixes import apply_edits, chosen_edits
from upstream.engine.languages import LanguageSpec, language_for_path
from upstream.engine.runner import CheckOptions, check_document
from upstream.engine.types import ProjectIndex
from upstream.packs.schema import Pack

_ANNOTATION = re.compile(r"\b(expect|ok):\s*([A-Za-z0-9_.,/\s-]+?)\s*(?:\*/|-->)?\s*$")


@dataclass
class PackTestResult:
    pack: str
    files: int = 0
    cases: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class _Annotations:
    expect: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    ok: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))


def run_pack_tests(pack: Pack, rule_set: RuleSet) -> PackTestResult:
    result = PackTestResult(pack.name)
    tests = Path(pack.path) / "tests"
    expected_rules: set[str] = set()
    ok_rules: set[str] = set()
    files = (
        sorted(p for p in tests.rglob("*") if p.is_file() and ".fixed." not in p.name)
        if tests.is_dir()
        else []
    )
    # The tests folder is a project: a test may import another module of it (types), and
    # paths are judged from it (`context:`, `paths:`), not from the pack's `tests/` folder.
    options = CheckOptions(project=ProjectIndex(tests)) if tests.is_dir() else CheckOptions()
    for file in files:
        spec = language_for_path(file)
        if spec is None:
            continue
        result.files += 1
        _run_file(pack, rule_set, file, spec, options, result, expected_rules, ok_rules)
    for rule in pack.rules:
        full = pack.full_id(rule)
        rule_file, line = pack.rule_locations.get(rule.id, (pack.path, 1))
        if full not in expected_rules:
            result.failures.append(
                f"{rule_file}:{line}: rule {full} has no 'expect' case in tests/"
            )
        if full not in ok_rules:
            result.failures.append(f"{rule_file}:{line}: rule {full} has no 'ok' case in tests/")
    return result


def _run_file(
    pack: Pack,
    rule_set: RuleSet,
    file: Path,
    spec: LanguageSpec,
    options: CheckOptions,
    result: PackTestResult,
    expected_rules: set[str],
    ok_rules: set[str],
) -> None:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        result.failures.append(f"{file}: cannot read: {error}")
        return
    document = Document.from_text(str(file), text, spec)
    annotations = _read_annotations(pack, file, text, spec, result)
    rules = rule_set.for_language(spec.name)
    # Version gates are not what pack tests test: every rule runs.
    findings = check_document(document, rules, options) if rules is not None else []
    findings = [f for f in findings if f.rule.startswith(pack.name + "/")]
    reported: dict[int, set[str]] = defaultdict(set)
    for finding in findings:
        reported[finding.start.line].add(finding.rule)
    for line, rules_expected in sorted(annotations.expect.items()):
        for rule in sorted(rules_expected):
            result.cases += 1
            expected_rules.add(rule)
            if rule not in reported.get(line, set()):
                result.failures.append(f"{file}:{line + 1}: expected {rule}, not reported")
    for line, rules_ok in sorted(annotations.ok.items()):
        for rule in sorted(rules_ok):
            result.cases += 1
            ok_rules.add(rule)
            if rule in reported.get(line, set()):
                result.failures.append(f"{file}:{line + 1}: {rule} reported on a line marked ok")
    for line, rules_found in sorted(reported.items()):
        for rule in sorted(rules_found - annotations.expect.get(line, set())):
            if rule not in annotations.ok.get(line, set()):
                result.failures.append(f"{file}:{line + 1}: unexpected {rule} (no 'expect' for it)")
    fixed = file.with_name(f"{file.stem}.fixed{file.suffix}")
    if fixed.is_file():
        _check_fixed(file, fixed, document, findings, spec, result)


def _read_annotations(
    pack: Pack, file: Path, text: str, spec: LanguageSpec, result: PackTestResult
) -> _Annotations:
    annotations = _Annotations()
    known = {pack.full_id(rule) for rule in pack.rules}
    pending: list[tuple[str, str, int]] = []
    comment = spec.line_comment
    for number, line in enumerate(text.splitlines()):
        stripped = line.strip()
        position = line.find(comment)
        match = _ANNOTATION.search(line[position:]) if position >= 0 else None
        is_comment_line = stripped.startswith((comment, "/*", "*"))
        if match is not None:
            for name in (part.strip() for part in match.group(2).split(",")):
                if not name:
                    continue
                full = name if "/" in name else f"{pack.name}/{name}"
                if full not in known:
                    result.failures.append(f"{file}:{number + 1}: unknown rule {name!r}")
                    continue
                if is_comment_line:
                    pending.append((match.group(1), full, number))
                else:
                    getattr(annotations, match.group(1))[number].add(full)
        if not stripped or is_comment_line:
            continue
        for kind, full, _ in pending:
            getattr(annotations, kind)[number].add(full)
        pending = []
    for _, full, number in pending:
        result.failures.append(
            f"{file}:{number + 1}: annotation for {full} has no code line after it"
        )
    return annotations


def _check_fixed(
    file: Path,
    fixed: Path,
    document: Document,
    findings: list,  # type: ignore[type-arg]
    spec: LanguageSpec,
    result: PackTestResult,
) -> None:
    result.cases += 1
    outcome = apply_edits(document.source, chosen_edits(findings, unsafe=True), spec)
    if outcome.refused:
        result.failures.append(f"{file}: fixes refused: {outcome.refused}")
        return
    actual = outcome.source.decode("utf-8")
    wanted = fixed.read_text(encoding="utf-8")
    if actual != wanted:
        diff = "".join(
            difflib.unified_diff(
                wanted.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                str(fixed),
                f"{file} with fixes applied",
            )
        )
        result.failures.append(f"{fixed}: fixed text differs:\n{diff}")
