"""Jupyter notebooks (``.ipynb``): their code cells checked as one program, findings named by
cell, and fixes written back into the cells' sources with the rest of the notebook's JSON
(outputs, metadata, key order, indentation) left byte for byte as it was.

The code cells are joined in order, so an import in one cell reaches the cells after it, as
it does in the kernel. IPython's magics and shell escapes (``%matplotlib inline``,
``!pip install x``, ``files = !ls``, ``np.sum?``) are not Python: each such line is read as a
comment of the same length, so every other position in the cell is unchanged. A cell that
starts with a cell magic is skipped, except the magics that run the cell as Python
(``%%time``, ``%%timeit``, ``%%capture``, ``%%prun``).

Positions in a notebook's findings are within its cell: ``Finding.cell`` is the cell's
1-based place among all the notebook's cells (as an editor shows it), and ``start``,
``end``, the byte offsets and a fix's edit are relative to that cell's source.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from upstream.engine.document import Document, line_starts
from upstream.engine.findings import Finding, Position
from upstream.engine.fixes import FixResult, apply_edits, chosen_edits
from upstream.engine.languages import LANGUAGES, LanguageSpec

__all__ = [
    "Cell",
    "Notebook",
    "NotebookError",
    "cell_source",
    "check_cells",
    "check_notebook",
    "fix_notebook",
    "read_notebook",
]

_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})
# `%magic`, `!cmd`, `?obj`, `obj?`, `x = !cmd`, `x = %magic`: a line IPython rewrites.
_MAGIC_LINE = re.compile(r"^[ \t]*(?:[%!?]|[\w.]+[ \t]*=[ \t]*[%!])|\?\??[ \t]*$")
_LANGUAGE_NAMES = {"python": "python", "python3": "python", "javascript": "javascript"}


class NotebookError(ValueError):
    """The bytes are not a notebook upstream can read (the message says why, in one line)."""


@dataclass(frozen=True)
class Cell:
    """One code cell's source."""

    number: int  # 1-based place among all cells
    text: str
    is_list: bool  # a list of lines in the JSON, not one string
    size: int  # strings in the JSON: the lines of a list, or 1


@dataclass(frozen=True)
class Notebook:
    spec: LanguageSpec | None  # None: a kernel language upstream does not read
    cells: tuple[Cell, ...]
    ascii_only: bool  # the file is ASCII: write non-ASCII text as \\u escapes, as it does


def read_notebook(raw: bytes) -> Notebook:
    """The code cells of a notebook (nbformat 4)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise NotebookError(f"not a notebook: not JSON ({_first_line(error)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        if isinstance(data, dict) and "worksheets" in data:
            raise NotebookError(
                "nbformat 3 notebooks are not read; convert with `jupyter nbconvert --to notebook`"
            )
        raise NotebookError("not a notebook: no `cells` list")
    cells = []
    for index, cell in enumerate(data["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(part, str) for part in source):
            cells.append(Cell(index + 1, "".join(source), True, len(source)))
        elif isinstance(source, str):
            cells.append(Cell(index + 1, source, False, 1))
    return Notebook(_language(data.get("metadata")), tuple(cells), raw.isascii())


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _language(metadata: object) -> LanguageSpec | None:
    name = "python"  # nbformat's default, and what a notebook without metadata runs
    if isinstance(metadata, dict):
        for key in ("kernelspec", "language_info"):
            entry = metadata.get(key)
            field_name = "language" if key == "kernelspec" else "name"
            if isinstance(entry, dict) and isinstance(entry.get(field_name), str):
                name = entry[field_name].lower()
                break
    language = _LANGUAGE_NAMES.get(name)
    return LANGUAGES.get(language) if language else None


def cell_source(raw: bytes, number: int) -> str:
    """The source of the code cell ``number`` (a finding's ``cell``) of a notebook."""
    return next(cell.text for cell in read_notebook(raw).cells if cell.number == number)


def kernel_code(text: str) -> str | None:
    """The cell as Python upstream parses, at the same positions; None for a cell magic's
    cell that is not Python."""
    lines = text.split("\n")
    first = lines[0].lstrip()
    if first.startswith("%%"):
        magic = first[2:].split(maxsplit=1)[0] if first[2:].strip() else ""
        if magic not in _PYTHON_CELL_MAGICS:
            return None
        lines[0] = _commented(lines[0])
    return "\n".join(_commented(line) if _MAGIC_LINE.search(line) else line for line in lines)


def _commented(line: str) -> str:
    stripped = line.lstrip(" \t")
    return line[: len(line) - len(stripped)] + "#" + stripped[1:] if stripped else line


@dataclass(frozen=True)
class _Placed:
    cell: Cell
    first_line: int  # the cell's first line in the joined program
    start: int  # the cell's first byte in the joined program
    size: int  # bytes of the cell's own code


def check_notebook(
    path: str, raw: bytes, check_program: Callable[[Document], list[Finding]]
) -> list[Finding]:
    """The findings in a notebook's code cells, each at its cell (``check_program`` checks
    the joined cells as one document)."""
    notebook = read_notebook(raw)
    if notebook.spec is None:
        return []
    return check_cells(path, notebook.spec, notebook.cells, check_program)


def check_cells(
    path: str,
    spec: LanguageSpec,
    cells: Sequence[Cell],
    check_program: Callable[[Document], list[Finding]],
) -> list[Finding]:
    """The findings in code cells of ``spec``'s language, in notebook order, checked as one
    program (an import in one cell reaches the cells after it), each at its cell. The
    language server calls this with the cells of a synced notebook document."""
    program, placed = _program(cells)
    document = Document(path, program, spec)
    starts = [place.start for place in placed]
    findings = []
    for finding in check_program(document):
        place = placed[bisect.bisect_right(starts, finding.start_byte) - 1] if placed else None
        if place is None or finding.end_byte > place.start + place.size + 1:
            continue  # reaches across cells: no cell to show it in
        findings.append(_in_cell(finding, place))
    return sorted(findings, key=lambda finding: finding.sort_key)


def _program(cells: Sequence[Cell]) -> tuple[bytes, list[_Placed]]:
    parts: list[bytes] = []
    placed: list[_Placed] = []
    line, start = 0, 0
    for cell in cells:
        code = kernel_code(cell.text)
        if code is None:
            continue
        data = code.encode("utf-8", "surrogatepass")
        placed.append(_Placed(cell, line, start, len(data)))
        # Every cell ends its last line, so the next starts on a line of its own.
        if not data.endswith(b"\n"):
            data += b"\n"
        parts.append(data)
        line += len(line_starts(data)) - 1
        start += len(data)
    return b"".join(parts), placed


def _in_cell(finding: Finding, place: _Placed) -> Finding:
    def position(value: Position) -> Position:
        return Position(value.line - place.first_line, value.column)

    fix = finding.fix
    if fix is not None:
        inside = place.start <= fix.start_byte and fix.end_byte <= place.start + place.size
        fix = (
            dataclasses.replace(
                fix,
                start_byte=fix.start_byte - place.start,
                end_byte=fix.end_byte - place.start,
                start=position(fix.start),
                end=position(fix.end),
            )
            if inside
            else None
        )
    return dataclasses.replace(
        finding,
        cell=place.cell.number,
        start=position(finding.start),
        end=position(finding.end),
        start_byte=finding.start_byte - place.start,
        end_byte=finding.end_byte - place.start,
        fix=fix,
    )


def fix_notebook(raw: bytes, findings: list[Finding], unsafe: bool) -> FixResult:
    """Apply the findings' fixes to their cells; everything outside the changed cells'
    sources stays byte-identical. Nothing is applied if a fixed cell would not parse or the
    result would not read back as the same notebook with the new sources."""
    notebook = read_notebook(raw)
    by_cell: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.cell is not None:
            by_cell.setdefault(finding.cell, []).append(finding)
    # Where each cell's source strings are: looked for only when there is a fix to write.
    spans = _SourceSpans(raw).cells() if by_cell else {}
    applied = overlapping = 0
    replacements: list[tuple[int, int, bytes]] = []
    for cell in notebook.cells:
        cell_edits = chosen_edits(by_cell.get(cell.number, []), unsafe)
        code = kernel_code(cell.text)
        tokens = spans.get(cell.number - 1, ())
        if not cell_edits or code is None or notebook.spec is None or len(tokens) != cell.size:
            continue  # (a token count that differs: never for JSON that loads)
        # Checked as the kernel code (magics read as comments), written to the real source:
        # both have the same bytes wherever an edit can fall.
        checked = apply_edits(code.encode("utf-8"), cell_edits, notebook.spec)
        if checked.refused:
            return FixResult(raw, 0, 0, refused=f"cell {cell.number}: {checked.refused}")
        fixed = apply_edits(cell.text.encode("utf-8"), cell_edits)
        applied += fixed.applied
        overlapping += checked.overlapping
        text = fixed.source.decode("utf-8")
        replacements.append(_encoded(cell, tokens, text, raw, notebook.ascii_only))
    result = bytearray(raw)
    for start, end, data in sorted(replacements, reverse=True):
        result[start:end] = data
    fixed_raw = bytes(result)
    if applied and not _same_but_sources(raw, fixed_raw):
        return FixResult(raw, 0, overlapping, refused="the fixed notebook would not read back")
    return FixResult(fixed_raw, applied, overlapping)


def _encoded(
    cell: Cell, tokens: tuple[tuple[int, int], ...], text: str, raw: bytes, ascii_only: bool
) -> tuple[int, int, bytes]:
    """The span of the cell's source strings (``tokens``) and the JSON that replaces them."""

    def dumped(part: str) -> bytes:
        return json.dumps(part, ensure_ascii=ascii_only).encode("utf-8")

    first, last = tokens[0][0], tokens[-1][1]
    if not cell.is_list:
        return first, last, dumped(text)
    # Lines that did not change keep their original JSON, escapes and all.
    kept = {json.loads(raw[start:end]): raw[start:end] for start, end in reversed(tokens)}
    if len(tokens) > 1:
        separator = raw[tokens[0][1] : tokens[1][0]]
    else:
        opening = raw.rfind(b"[", 0, first)
        separator = b"," + raw[opening + 1 : first]
    lines = [part for part in re.split(r"(?<=\n)", text) if part]
    return first, last, separator.join(kept.get(line) or dumped(line) for line in lines)


def _same_but_sources(before: bytes, after: bytes) -> bool:
    try:
        old, new = json.loads(before), json.loads(after)
    except ValueError:
        return False
    if not isinstance(new, dict) or len(old["cells"]) != len(new.get("cells", [])):
        return False
    for was, now in zip(old["cells"], new["cells"], strict=True):
        if was.get("cell_type") == "code" and isinstance(now, dict):
            was, now = dict(was), dict(now)
            was.pop("source", None)
            now.pop("source", None)
        if was != now:
            return False
    old.pop("cells")
    new.pop("cells")
    return bool(old == new)


class _SourceSpans:
    """Finds the raw byte spans of each cell's ``source`` strings without decoding the
    rest: a scanner over the top-level object's ``cells`` array only (nesting elsewhere is
    skipped by counting brackets, so no depth reaches the Python stack)."""

    def __init__(self, raw: bytes) -> None:
        self.raw, self.at = raw, 0

    def cells(self) -> dict[int, tuple[tuple[int, int], ...]]:
        found: dict[int, tuple[tuple[int, int], ...]] = {}
        for key in self._keys():
            if key != "cells" or self._peek() != b"[":
                self._skip_value()
                continue
            found = {}
            for index in self._items():
                if self._peek() != b"{":
                    self._skip_value()
                    continue
                for cell_key in self._keys():
                    if cell_key == "source":
                        found[index] = self._source()
                    else:
                        self._skip_value()
        return found

    def _source(self) -> tuple[tuple[int, int], ...]:
        if self._peek() == b'"':
            return (self._string(),)
        if self._peek() != b"[":
            self._skip_value()
            return ()
        tokens = []
        for _ in self._items():
            if self._peek() == b'"':
                tokens.append(self._string())
            else:
                self._skip_value()
        return tuple(tokens)

    def _peek(self) -> bytes:
        while self.at < len(self.raw) and self.raw[self.at] in b" \t\r\n":
            self.at += 1
        return self.raw[self.at : self.at + 1]

    def _keys(self) -> Iterator[str]:
        """Each key of the object at the cursor, with the cursor on its value."""
        self._expect(b"{")
        if self._peek() == b"}":
            self.at += 1
            return
        while True:
            start, end = self._string()
            key = json.loads(self.raw[start:end])
            self._expect(b":")
            yield key
            if self._peek() == b",":
                self.at += 1
                continue
            self._expect(b"}")
            return

    def _items(self) -> Iterator[int]:
        self._expect(b"[")
        if self._peek() == b"]":
            self.at += 1
            return
        index = 0
        while True:
            self._peek()
            yield index
            index += 1
            if self._peek() == b",":
                self.at += 1
                continue
            self._expect(b"]")
            return

    def _expect(self, char: bytes) -> None:
        if self._peek() != char:
            raise NotebookError(f"not a notebook: unexpected JSON at byte {self.at}")
        self.at += 1

    def _string(self) -> tuple[int, int]:
        self._peek()
        start = self.at
        self._expect(b'"')
        while True:
            end = self.raw.find(b'"', self.at)
            if end < 0:
                raise NotebookError("not a notebook: unterminated string")
            backslashes = len(self.raw[self.at : end]) - len(self.raw[self.at : end].rstrip(b"\\"))
            self.at = end + 1
            if backslashes % 2 == 0:
                return start, self.at

    def _skip_value(self) -> None:
        head = self._peek()
        if head == b'"':
            self._string()
            return
        if head not in (b"[", b"{"):
            while self.at < len(self.raw) and self.raw[self.at] not in b",]} \t\r\n":
                self.at += 1
            return
        depth = 0
        while self.at < len(self.raw):
            char = self.raw[self.at : self.at + 1]
            if char == b'"':
                self._string()
                continue
            self.at += 1
            if char in (b"[", b"{"):
                depth += 1
            elif char in (b"]", b"}"):
                depth -= 1
                if depth == 0:
                    return
        raise NotebookError("not a notebook: unterminated JSON")
