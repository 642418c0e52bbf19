"""The code in a model's answer: its fenced blocks, in the language the prompt asked for.

Each block's language comes from its info string (```` ```py ````), else it is the prompt's.
The blocks in the prompt's language are the answer's code, joined in order; when there are
none, the blocks of the first other language we check are. An answer without any fence is
taken as code as a whole (models told to "answer with code only" often write no fence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from upstream.engine import language_for_id

# Info strings models write that are not one of our language ids.
_INFO_ALIASES = {
    "py": "python",
    "python3": "python",
    "py3": "python",
    "js": "javascript",
    "node": "javascript",
    "nodejs": "javascript",
    "jsx": "javascript",
    "mjs": "javascript",
    "cjs": "javascript",
    "mongosh": "javascript",  # the MongoDB shell is JavaScript
    "ts": "typescript",
    "golang": "go",
}
# An opening fence: three or more backticks or tildes, indented at most three spaces.
_OPENING = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")


@dataclass(frozen=True)
class CodeBlock:
    """One fenced block: its language (None for one we do not check) and its text, whose
    characters start at ``start`` and end at ``end`` in the answer."""

    language: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ExtractedCode:
    code: str
    language: str
    # The blocks ``code`` joins, in order (none when the answer had no fence).
    blocks: tuple[CodeBlock, ...]


def fenced_blocks(answer: str, default_language: str) -> list[CodeBlock]:
    """Every fenced block of a Markdown answer; an unclosed fence runs to the end."""
    blocks: list[CodeBlock] = []
    lines = answer.splitlines(keepends=True)
    offset = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = _OPENING.match(line.rstrip("\r\n"))
        index += 1
        offset += len(line)
        if opening is None or (opening["fence"][0] == "`" and "`" in opening["info"]):
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        start = offset
        while index < len(lines) and not closing.match(lines[index].rstrip("\r\n")):
            offset += len(lines[index])
            index += 1
        end = offset
        if index < len(lines):  # step over the closing fence
            offset += len(lines[index])
            index += 1
        text = _dedent(answer[start:end], len(opening["indent"]))
        blocks.append(
            CodeBlock(_info_language(opening["info"], default_language), text, start, end)
        )
    return blocks


def extract_code(answer: str, language: str) -> ExtractedCode:
    """The code of ``answer`` to a prompt in ``language`` (see the module's docstring)."""
    blocks = fenced_blocks(answer, language)
    if not blocks:
        return ExtractedCode(answer, language, ())
    chosen = language if any(b.language == language for b in blocks) else None
    if chosen is None:
        chosen = next((b.language for b in blocks if b.language is not None), language)
    used = tuple(b for b in blocks if b.language == chosen)
    return ExtractedCode(join_blocks(b.text for b in used), chosen, used)


def join_blocks(texts: Iterable[str]) -> str:
    """Blocks joined as one file: each ends with a newline, a blank line between two."""
    parts = [text if text.endswith("\n") else text + "\n" for text in texts]
    return "\n".join(parts)


def _info_language(info: str, default: str) -> str | None:
    words = info.strip().split()
    if not words:
        return default
    word = words[0].lower().strip("{}.")
    spec = language_for_id(_INFO_ALIASES.get(word, word))
    return spec.name if spec is not None else None


def _dedent(text: str, indent: int) -> str:
    # CommonMark: content lines lose up to the opening fence's indentation.
    if not indent:
        return text
    return "".join(
        line[min(indent, len(line) - len(line.lstrip(" "))) :]
        for line in text.splitlines(keepends=True)
    )
