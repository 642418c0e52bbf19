"""``upstream export``: packs as guidance for AI assistants, and as preference data.

The guidance formats write one managed section per pack, between ``<!-- upstream:begin NAME -->``
and ``<!-- upstream:end NAME -->``; re-running replaces that section and nothing else.
``preference-jsonl`` pairs each rule's ``expect`` test case (rejected) with its fix or an
``ok`` case of the same rule (chosen), one JSON object a line, as TRL's DPO trainer reads them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import tree_sitter
from upstream.engine import LANGUAGES, LanguageSpec, RuleSet, apply_edits, check, language_for_path
from upstream.packs import Pack, Rule

GUIDANCE_FORMATS = ("agents-md", "copilot-instructions", "cursor-rules", "llms-txt")
FORMATS = (*GUIDANCE_FORMATS, "preference-jsonl")
# Where each assistant reads its instructions, relative to the project root.
DEFAULT_PATHS = {
    "agents-md": "AGENTS.md",
    "copilot-instructions": ".github/copilot-instructions.md",
    "cursor-rules": ".cursor/rules",
    "llms-txt": "llms.txt",
}
_METAVARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def _plain(text: str) -> str:
    # Messages are templates ("no `{{KW}}=` parameter"); guidance has no binding to fill in.
    return " ".join(_METAVARIABLE.sub("…", text).split()).rstrip(".")


def guidance_line(rule: Rule) -> str:
    """One do/don't line: what to avoid, what to write instead, the docs link."""
    return f"- Avoid: {_plain(rule.title)}. Instead: {_plain(rule.message)}. Docs: {rule.docs}"


def guidance_lines(pack: Pack) -> list[str]:
    return [guidance_line(rule) for rule in pack.rules]


def _section(pack: Pack, fmt: str) -> str:
    title = pack.manifest.title
    note = (
        f"Rules from the `{pack.name}` pack {pack.manifest.version}, written by `upstream export`"
    )
    if fmt == "llms-txt":
        lines = [f"- [{_plain(r.title)}]({r.docs}): {_plain(r.message)}" for r in pack.rules]
        body = [f"## {title}", "", f"{note}.", "", *lines]
    else:
        body = [
            f"## {title}: do and don't",
            "",
            f"{note}; edit outside this section, not inside it.",
            "",
            *guidance_lines(pack),
        ]
    return "\n".join([_begin(pack.name), *body, _end(pack.name)]) + "\n"


def _begin(name: str) -> str:
    return f"<!-- upstream:begin {name} -->"


def _end(name: str) -> str:
    return f"<!-- upstream:end {name} -->"


def update_managed(existing: str | None, pack: str, section: str, header: str = "") -> str:
    """``existing`` with the managed section of ``pack`` replaced by ``section`` (which carries
    its own markers), or appended; the rest of the text is kept byte for byte."""
    if existing is None:
        return header + section
    begin, end = _begin(pack), _end(pack)
    start = existing.find(begin)
    stop = existing.find(end, start + 1) if start >= 0 else -1
    if start >= 0 and stop >= 0:
        stop += len(end)
        if existing.startswith("\n", stop):
            stop += 1
        return existing[:start] + section + existing[stop:]
    separator = (
        ""
        if not existing or existing.endswith("\n\n")
        else "\n"
        if existing.endswith("\n")
        else "\n\n"
    )
    return existing + separator + section


def _cursor_header(pack: Pack) -> str:
    extensions = sorted(
        {ext for r in pack.rules for lang in r.languages for ext in LANGUAGES[lang].extensions}
    )
    globs = ",".join(f"**/*{ext}" for ext in extensions)
    return (
        "---\n"
        f"description: {_plain(pack.manifest.title)}: the maintainers' do and don't rules\n"
        f"globs: {globs}\n"
        "alwaysApply: false\n"
        "---\n\n"
    )


def _llms_header() -> str:
    return (
        "# Library guidance\n\n"
        "> What the libraries' maintainers say to avoid, and what to write instead.\n\n"
    )


def export_guidance(packs: Sequence[Pack], fmt: str, target: Path) -> list[Path]:
    """Write or update the managed sections of ``packs`` in ``target`` (for ``cursor-rules``,
    a folder with one ``upstream-PACK.mdc`` per pack); returns the files written."""
    written: list[Path] = []
    for pack in packs:
        path = target / f"upstream-{pack.name}.mdc" if fmt == "cursor-rules" else target
        header = (
            _cursor_header(pack)
            if fmt == "cursor-rules"
            else _llms_header()
            if fmt == "llms-txt"
            else ""
        )
        existing = path.read_text(encoding="utf-8") if path.is_file() else None
        text = update_managed(existing, pack.name, _section(pack, fmt), header)
        if text != existing:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if path not in written:
            written.append(path)
    return written


# --- preference pairs ------------------------------------------------------------------

_ANNOTATION = re.compile(r"\b(expect|ok):\s*([A-Za-z0-9_.,/\s-]+?)\s*(?:\*/|-->)?\s*$")
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
class _Case:
    kind: str  # "expect" or "ok"
    rule: str  # full id
    file: Path
    line: int  # 0-based code line


@dataclass(frozen=True)
class PreferencePair:
    prompt: str
    chosen: str
    rejected: str
    rule: str
    docs: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "prompt": self.prompt,
                "chosen": self.chosen,
                "rejected": self.rejected,
                "rule": self.rule,
                "docs": self.docs,
            },
            ensure_ascii=False,
        )


def _cases(pack: Pack, file: Path, text: str, spec: LanguageSpec) -> Iterator[_Case]:
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
                    yield _Case(match.group(1), full, file, number)
        if not stripped or is_comment:
            continue
        for kind, full in pending:
            yield _Case(kind, full, file, number)
        pending = []


def _statement(source: bytes, spec: LanguageSpec, line: int) -> tuple[int, int] | None:
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


def _clean(text: str, spec: LanguageSpec) -> str:
    comment = re.escape(spec.line_comment)
    pattern = re.compile(rf"\s*{comment}\s*(expect|ok):.*$")
    return "\n".join(pattern.sub("", line) for line in text.split("\n"))


def _prompt(source: bytes, start: int, spec: LanguageSpec, keep: int = 30) -> str:
    before = source[:start].decode("utf-8").splitlines()
    code = [line for line in before if not line.strip().startswith(spec.line_comment)]
    while code and not code[0].strip():
        code.pop(0)
    return "\n".join(code[-keep:]) + ("\n" if code else "")


def preference_pairs(pack: Pack, rule_set: RuleSet) -> list[PreferencePair]:
    """One pair per ``expect`` case that has a tested fix (``NAME.fixed.EXT``) or, failing that,
    an ``ok`` case of the same rule (same language preferred)."""
    tests = Path(pack.path) / "tests"
    files = (
        sorted(p for p in tests.rglob("*") if p.is_file() and ".fixed." not in p.name)
        if tests.is_dir()
        else []
    )
    parsed: list[tuple[Path, LanguageSpec, bytes, list[_Case]]] = []
    for file in files:
        spec = language_for_path(file)
        if spec is None:
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parsed.append((file, spec, text.encode("utf-8"), list(_cases(pack, file, text, spec))))
    good: dict[tuple[str, str], str] = {}
    for _, spec, source, cases in parsed:
        for case in cases:
            if case.kind == "ok" and (case.rule, spec.name) not in good:
                span = _statement(source, spec, case.line)
                if span is not None:
                    good[(case.rule, spec.name)] = _clean(source[span[0] : span[1]].decode(), spec)
    rules = {pack.full_id(rule): rule for rule in pack.rules}
    pairs: list[PreferencePair] = []
    seen: set[tuple[str, str, str]] = set()
    for file, spec, source, cases in parsed:
        has_fixed = file.with_name(f"{file.stem}.fixed{file.suffix}").is_file()
        findings = check(source, spec, rule_set, path=str(file)) if has_fixed else []
        for case in cases:
            rule = rules.get(case.rule)
            span = _statement(source, spec, case.line) if case.kind == "expect" else None
            if rule is None or span is None:
                continue
            rejected = _clean(source[span[0] : span[1]].decode(), spec)
            chosen = _fixed_statement(source, spec, case, findings)
            if chosen is None:
                same = good.get((case.rule, spec.name))
                chosen = same or next((v for (r, _), v in good.items() if r == case.rule), None)
            if chosen is None or chosen == rejected or (case.rule, rejected, chosen) in seen:
                continue
            seen.add((case.rule, rejected, chosen))
            pairs.append(
                PreferencePair(
                    _prompt(source, span[0], spec), chosen, rejected, case.rule, rule.docs
                )
            )
    return pairs


def _fixed_statement(source: bytes, spec: LanguageSpec, case: _Case, findings: list) -> str | None:  # type: ignore[type-arg]
    for finding in findings:
        if (
            finding.rule == case.rule
            and finding.start.line == case.line
            and finding.fix is not None
        ):
            result = apply_edits(source, [finding.fix], spec)
            if result.refused or not result.applied:
                continue
            span = _statement(result.source, spec, case.line)
            if span is not None:
                return _clean(result.source[span[0] : span[1]].decode(), spec)
    return None
