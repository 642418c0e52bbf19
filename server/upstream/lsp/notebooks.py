"""Notebook documents (LSP 3.17 notebook sync): a notebook's code cells are checked as one
program, as ``upstream check`` reads an ``.ipynb``, and each finding goes to its own cell's
URI. pygls keeps the notebook and its cells' text in the workspace; this module takes what
a check needs from there and splits the findings back out by cell."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.uris import to_fs_path
from pygls.workspace import Workspace

from upstream.engine import Finding, LanguageSpec, language_for_id
from upstream.engine.notebook import Cell
from upstream.lsp.documents import OpenDocument

# The kernel languages upstream checks in a notebook (engine/notebook.py reads the same).
CELL_LANGUAGES = ("python", "javascript")

SYNC_OPTIONS = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithCells(
            notebook="*",
            cells=[types.NotebookCellLanguage(language=name) for name in CELL_LANGUAGES],
        )
    ],
    save=False,
)


@dataclass(frozen=True)
class CellText:
    """One code cell as synced: its URI, version and text."""

    uri: str
    version: int | None
    source: bytes


@dataclass(frozen=True)
class NotebookSnapshot:
    """A notebook's version and code cells, taken on the server's thread (edits keep
    arriving while the check runs in a worker)."""

    uri: str
    path: Path
    version: int
    spec: LanguageSpec | None  # None: no code cell in a language upstream reads
    cells: dict[int, CellText]  # by the cell's 1-based place among all cells

    @property
    def size(self) -> int:
        return sum(len(cell.source) for cell in self.cells.values())

    def engine_cells(self) -> list[Cell]:
        return [
            Cell(number, cell.source.decode("utf-8", "surrogatepass"), False, 1)
            for number, cell in self.cells.items()
        ]

    def by_cell(self, findings: list[Finding]) -> dict[str, CheckedCell]:
        """Each code cell with its findings (maybe none), by cell URI."""
        split: dict[int, list[Finding]] = {number: [] for number in self.cells}
        for finding in findings:
            if finding.cell in split:
                split[finding.cell].append(finding)
        return {
            cell.uri: CheckedCell(
                OpenDocument(
                    cell.uri, self.path, cell.version or 0, cell.source, self.spec, cell.source
                ),
                split[number],
            )
            for number, cell in self.cells.items()
        }


@dataclass(frozen=True)
class CheckedCell:
    """A cell as its last check saw it, with its findings: what its diagnostics and code
    actions are made from."""

    document: OpenDocument
    findings: list[Finding]


def snapshot(workspace: Workspace, uri: str) -> NotebookSnapshot | None:
    """What a check of the notebook's current version needs; None once it is closed."""
    notebook = workspace.get_notebook_document(notebook_uri=uri)
    if notebook is None:
        return None
    texts = workspace.text_documents  # keyed, as pygls stores them, by unquoted URI
    spec: LanguageSpec | None = None
    cells: dict[int, CellText] = {}
    for number, cell in enumerate(notebook.cells, start=1):
        document = texts.get(unquote(cell.document))
        if cell.kind != types.NotebookCellKind.Code or document is None:
            continue
        language = _kernel_language(document.language_id)
        # The notebook's language is its first code cell's; cells in others (a %%sql cell
        # an editor marks as SQL, say) are not part of the kernel's program.
        spec = spec or language
        if language is None or spec is None or language.name != spec.name:
            continue
        source = document.source.encode("utf-8", "surrogatepass")
        cells[number] = CellText(cell.document, document.version, source)
    path = Path(to_fs_path(uri) or uri)
    return NotebookSnapshot(uri, path, notebook.version, spec, cells)


def _kernel_language(language_id: str | None) -> LanguageSpec | None:
    language = language_for_id(language_id or "")
    return language if language is not None and language.name in CELL_LANGUAGES else None
