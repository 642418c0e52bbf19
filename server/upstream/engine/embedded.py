"""Code inside documents: the fenced blocks of Markdown (and MDX, ``llms.txt``) and the
``code-block`` directives of reStructuredText, checked in their own language and reported
at their line and column in the document.

A block is checked on its own, as the file a reader would paste it into: its suppression
comments work, an import in another block does not reach it. Blocks whose info string names
no language upstream reads (``shell``, ``console``, ``pycon``, none) are skipped.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from upstream.engine.document import Document, line_starts
from upstream.engine.findings import Edit, Finding, Position
from upstream.engine.languages import LANGUAGES, LanguageSpec

__all__ = ["CodeBlock", "check_embedded", "code_blocks", "document_kind"]

# Info strings (Markdown) and directive arguments (rST), lower-cased, as language names.
_LANGUAGE_NAMES = {
    "python": "python",
    "py": "python",
    "python3": "python",
    "py3": "python",
    "javascript": "javascript",
    "js": "javascript",
    "jsx": "javascript",
    "mjs": "javascript",
    "cjs": "javascript",
    "node": "javascript",
    "typescript": "typescript",
    "ts": "typescript",
    "tsx": "tsx",
    "java": "java",
    "go": "go",
    "golang": "go",
    "sql": "sql",
}
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})
_MARKDOWN_NAMES = frozenset({"llms.txt", "llms-full.txt"})
_RST_SUFFIXES = frozenset({".rst"})

_LINE_END = re.compile(r"\r\n|\r|\n")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
_DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*(?P<info>\S*)[ \t]*$"
)


@dataclass(frozen=True)
class CodeBlock:
    """One block's code, and where each of its lines sits in the document."""

    spec: LanguageSpec
    text: str
    first_line: int  # 0-based document line of the block's first code line
    indent: int  # characters removed from the front of each code line (all spaces/tabs)


def document_kind(path: Path) -> str | None:
    """``markdown``, ``rst`` or ``notebook`` (engine/notebook.py) for a document whose code
    blocks or cells upstream checks, else None."""
    suffix = path.suffix.lower()
    if suffix == ".ipynb":
        return "notebook"
    if suffix in _MARKDOWN_SUFFIXES or path.name.lower() in _MARKDOWN_NAMES:
        return "markdown"
    if suffix in _RST_SUFFIXES:
        return "rst"
    return None


def code_blocks(text: str, kind: str) -> list[CodeBlock]:
    """The blocks of ``text`` in a language upstream reads, in document order."""
    # Split where engine/document.py's line index does (\r\n, \r, \n; not the other breaks
    # str.splitlines knows), so a block's lines are the document's.
    lines = _LINE_END.split(text)
    if lines[-1] == "":
        lines.pop()  # the text ends with a line end
    finder = _markdown_blocks if kind == "markdown" else _rst_blocks
    return list(finder(lines))


def _spec(info: str) -> LanguageSpec | None:
    # `python title="x.py"`, `{python}`, `python3`: the first word names the language.
    words = info.strip().strip("{}").split()
    name = _LANGUAGE_NAMES.get(words[0].lower().lstrip(".")) if words else None
    return LANGUAGES.get(name) if name else None


def _markdown_blocks(lines: list[str]) -> Iterator[CodeBlock]:
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        index += 1
        if opening is None:
            continue
        fence, indent = opening["fence"], len(opening["indent"])
        start = index
        while index < len(lines):
            closing = _FENCE.match(lines[index])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"]
            ):
                break
            index += 1
        body, index = lines[start:index], index + 1
        spec = _spec(opening["info"])
        # A line indented less than its fence keeps its own indent: its columns would not
        # map back, so such a block is left alone.
        shallow = any(line.strip() and _indent(line) < indent for line in body)
        if spec is not None and not shallow:
            yield CodeBlock(spec, _joined(body, indent), start, indent)


def _rst_blocks(lines: list[str]) -> Iterator[CodeBlock]:
    index = 0
    while index < len(lines):
        directive = _DIRECTIVE.match(lines[index])
        index += 1
        if directive is None:
            continue
        outer = len(directive["indent"])
        # Options (`:linenos:`) and blank lines come before the code.
        while index < len(lines) and (
            not lines[index].strip() or lines[index].strip().startswith(":")
        ):
            index += 1
        start = index
        while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > outer):
            index += 1
        body = lines[start:index]
        while body and not body[-1].strip():
            body.pop()
        code = [line for line in body if line.strip()]
        spec = _spec(directive["info"])
        if spec is not None and code:
            strip = min(_indent(line) for line in code)
            yield CodeBlock(spec, _joined(body, strip), start, strip)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _joined(body: list[str], indent: int) -> str:
    # Up to `indent` leading blanks come off each line (a shorter blank line loses what it has).
    return "".join(line[min(indent, _indent(line)) :] + "\n" for line in body)


def check_embedded(
    path: str,
    source: bytes,
    kind: str,
    check_block: Callable[[Document], list[Finding]],
) -> list[Finding]:
    """The findings of every code block of a document, at document positions.

    ``check_block`` checks one block as a document of its language (rules, options and
    suppressions as for any file)."""
    starts = line_starts(source)
    findings: list[Finding] = []
    for block in code_blocks(source.decode("utf-8"), kind):
        document = Document(path, block.text.encode("utf-8"), block.spec)
        mapper = _Mapper(block, document.line_starts, starts)
        findings.extend(mapper.finding(finding) for finding in check_block(document))
    return sorted(findings, key=lambda finding: finding.sort_key)


def breaks_blocks(before: bytes, after: bytes, kind: str) -> bool:
    """Whether fixing a document turned a code block that parsed into one that does not (or
    changed which blocks there are)."""
    old = code_blocks(before.decode("utf-8"), kind)
    new = code_blocks(after.decode("utf-8", "replace"), kind)
    if len(old) != len(new):
        return True
    return any(not _has_error(was) and _has_error(now) for was, now in zip(old, new, strict=True))


def _has_error(block: CodeBlock) -> bool:
    return bool(block.spec.parser().parse(block.text.encode("utf-8")).root_node.has_error)


class _Mapper:
    """Block offsets and positions to document ones: the block's line ``n`` is the
    document's line ``first_line + n``, shifted right by ``indent`` blanks."""

    def __init__(self, block: CodeBlock, block_starts: list[int], starts: list[int]) -> None:
        self.block, self.block_starts, self.starts = block, block_starts, starts

    def offset(self, byte: int) -> int:
        line = bisect.bisect_right(self.block_starts, byte) - 1
        column = byte - self.block_starts[line]
        return self.starts[self.block.first_line + line] + self.block.indent + column

    def position(self, position: Position) -> Position:
        return Position(self.block.first_line + position.line, position.column + self.block.indent)

    def edit(self, edit: Edit) -> Edit:
        # A replacement over several lines keeps the block's indentation on each.
        text = edit.text.replace("\n", "\n" + " " * self.block.indent)
        return dataclasses.replace(
            edit,
            start_byte=self.offset(edit.start_byte),
            end_byte=self.offset(edit.end_byte),
            start=self.position(edit.start),
            end=self.position(edit.end),
            text=text,
        )

    def finding(self, finding: Finding) -> Finding:
        return dataclasses.replace(
            finding,
            start_byte=self.offset(finding.start_byte),
            end_byte=self.offset(finding.end_byte),
            start=self.position(finding.start),
            end=self.position(finding.end),
            fix=None if finding.fix is None else self.edit(finding.fix),
        )
