"""The annotated cases of a pack's ``tests/`` files, as ``upstream test`` reads them.

``# expect: RULE`` (or ``// expect: RULE``) says the next code line is reported for RULE,
``ok: RULE`` that it is not; a trailing annotation covers its own line. Guidance examples and
preference pairs both start from these cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import tree_sitter
from upstream.engine import LanguageSpec, RuleSet, apply_edits, check, language_for_path
from upstream.engine.findings import Finding
from upstream.engine.runner import CheckOptions
from upstream.engine.types import ProjectIndex
from upstream.packs import Pack

_ANNOTATION = re.compile(r"\b(expect|ok):\s*([A-Za-z0-9_.,/\s-]+?)\s*(?:\*/|-->)?\s*$")
# Node types that hold statements: climbing from a line's first node stops below them.
_CONTAINERS = frozenset(
    {
        "block",
        "statement_block",
        "module",
        "program",
        "class_body",
        "source_file",
        "compound_statement",
    }
)


@dataclass(frozen=True)
class Case:
    """One annotated case: the code line ``line`` of ``file`` is (or is not) reported."""

    kind: str  # "expect" or "ok"
    rule: str  # full id
    file: Path
    line: int  # 0-based code line


@dataclass(frozen=True)
class PackTestFile:
    """A test file of a pack, read once, with its cases in file order."""

    path: Path
    spec: LanguageSpec
    source: bytes
    cases: tuple[Case, ...]

    @property
    def fixed(self) -> Path:
        """``NAME.fixed.EXT``: this file with every fix applied (it may not exist)."""
        return self.path.with_name(f"{self.path.stem}.fixed{self.path.suffix}")


def pack_test_files(pack: Pack) -> list[PackTestFile]:
    """The pack's readable test files in a known language, sorted, with their cases."""
    tests = Path(pack.path) / "tests"
    if not tests.is_dir():
        return []
    files: list[PackTestFile] = []
    for path in sorted(p for p in tests.rglob("*") if p.is_file() and ".fixed." not in p.name):
        spec = language_for_path(path)
        if spec is None:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        files.append(
            PackTestFile(path, spec, text.encode("utf-8"), tuple(cases(pack, path, text, spec)))
        )
    return files


def cases(pack: Pack, file: Path, text: str, spec: LanguageSpec) -> Iterator[Case]:
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines()):
        stripped = line.strip()
        position = line.find(spec.line_comment)
        match = _ANNOTATION.search(line[position:]) if position >= 0 else None
        is_comment = stripped.startswith((spec.line_comment, "/*", "*"))
        if match is not None:
            for name in (part.strip() for part in match.group(2).split(",") if part.strip()):
                full = name if "/" in name else f"{pack.name}/{name}"
                if is_comment:
                    pending.append((match.group(1), full))
                else:
                    yield Case(match.group(1), full, file, number)
        if not stripped or is_comment:
            continue
        for kind, full in pending:
            yield Case(kind, full, file, number)
        pending = []


def findings(file: PackTestFile, rule_set: RuleSet) -> list[Finding]:
    """What the engine reports in ``file``, judged as ``upstream test`` does: the tests folder
    is the project (so types declared in a sibling module resolve)."""
    options = CheckOptions(project=ProjectIndex(file.path.parent))
    return check(file.source, file.spec, rule_set, path=str(file.path), options=options)


def statement(source: bytes, spec: LanguageSpec, line: int) -> tuple[int, int] | None:
    """The byte range of whole lines holding the statement that starts on ``line``."""
    tree = spec.parser().parse(source)
    lines = source.split(b"\n")
    if line >= len(lines):
        return None
    column = len(lines[line]) - len(lines[line].lstrip())
    node: tree_sitter.Node | None = tree.root_node.descendant_for_point_range(
        (line, column), (line, column)
    )
    if node is None:
        return None
    while (
        node.parent is not None
        and node.parent.parent is not None
        and node.parent.start_point[0] == line
        and node.parent.type not in _CONTAINERS
    ):
        node = node.parent
    start = sum(len(text) + 1 for text in lines[:line])
    end_line = node.end_point[0]
    end = sum(len(text) + 1 for text in lines[: end_line + 1])
    return start, min(end, len(source))


def statement_text(source: bytes, spec: LanguageSpec, line: int) -> str | None:
    """The statement that starts on ``line``, whole lines, without its annotations."""
    span = statement(source, spec, line)
    return None if span is None else clean(source[span[0] : span[1]].decode(), spec)


def ok_statements(files: Sequence[PackTestFile]) -> dict[tuple[str, str], list[str]]:
    """The statements of the ``ok`` cases per (rule, language), in file order: what a rule
    accepts, the good side of a pair when no fix gives one."""
    found: dict[tuple[str, str], list[str]] = {}
    for file in files:
        for case in file.cases:
            if case.kind == "ok":
                text = statement_text(file.source, file.spec, case.line)
                if text is not None:
                    found.setdefault((case.rule, file.spec.name), []).append(text)
    return found


def clean(text: str, spec: LanguageSpec) -> str:
    """``text`` without its trailing ``expect:``/``ok:`` annotations."""
    comment = re.escape(spec.line_comment)
    pattern = re.compile(rf"\s*{comment}\s*(expect|ok):.*$")
    return "\n".join(pattern.sub("", line) for line in text.split("\n"))


def fixed_statement(
    source: bytes, spec: LanguageSpec, case: Case, found: list[Finding]
) -> str | None:
    """The statement of ``case`` after applying only its own rule's fix there: the same text
    ``NAME.fixed.EXT`` has, without the other rules' fixes on that line."""
    for finding in found:
        if finding.rule == case.rule and finding.start.line == case.line and finding.fix:
            result = apply_edits(source, [finding.fix], spec)
            if result.refused or not result.applied:
                continue
            text = statement_text(result.source, spec, case.line)
            if text is not None:
                return text
    return None
