"""LSP 3.17 notebook document sync over stdio: the real server, a client with VS Code's own
capabilities (pytest-lsp's recorded set), a notebook whose cells change, move and go."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from lsp_support import apply_workspace_edit, codes, server_session, wait_for_diagnostics
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

COUNT = "pymongo/collection-count-all-removed"
USES = "# é\nn = client.db.users.count()\n"


def _cell_uri(notebook: Path, number: int) -> str:
    # As VS Code names cells: the notebook's path and a fragment (percent-encoded here).
    return f"vscode-notebook-cell:{notebook}#W{number}sZmlsZQ%3D%3D"


def _cell(
    uri: str, kind: types.NotebookCellKind = types.NotebookCellKind.Code
) -> types.NotebookCell:
    return types.NotebookCell(kind=kind, document=uri)


def _text(uri: str, text: str, language: str = "python") -> types.TextDocumentItem:
    return types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)


def _open(
    client: LanguageClient, notebook: Path, cells: Sequence[tuple[str, str, str]]
) -> list[str]:
    """Open a notebook of (kind, language, text) cells; the cells' URIs."""
    uris = [_cell_uri(notebook, number) for number in range(len(cells))]
    client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=notebook.as_uri(),
                notebook_type="jupyter-notebook",
                version=1,
                cells=[
                    _cell(
                        uri,
                        types.NotebookCellKind.Markup
                        if kind == "markdown"
                        else types.NotebookCellKind.Code,
                    )
                    for uri, (kind, _, _) in zip(uris, cells, strict=True)
                ],
            ),
            cell_text_documents=[
                _text(uri, text, language)
                for uri, (_, language, text) in zip(uris, cells, strict=True)
            ],
        )
    )
    return uris


def _change(
    client: LanguageClient, notebook: Path, version: int, cells: types.NotebookDocumentCellChanges
) -> None:
    client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(
                version=version, uri=notebook.as_uri()
            ),
            change=types.NotebookDocumentChangeEvent(cells=cells),
        )
    )


def _edit(uri: str, version: int, text: str) -> types.NotebookDocumentCellContentChanges:
    return types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )


@pytest.mark.asyncio
async def test_cells_are_one_program_and_diagnostics_go_to_each_cell(tmp_path: Path) -> None:
    notebook = tmp_path / "analysis.ipynb"
    async with server_session(
        tmp_path, capabilities=client_capabilities("visual-studio-code")
    ) as client:
        notes, imports, uses = _open(
            client,
            notebook,
            [
                ("markdown", "markdown", "# Users\nclient.db.users.count()"),
                (
                    "code",
                    "python",
                    "%matplotlib inline\nimport pymongo\nclient = pymongo.MongoClient()\n",
                ),
                ("code", "python", USES),
            ],
        )
        # The import in cell 2 reaches cell 3; the finding is at cell 3's own line 2.
        found = await wait_for_diagnostics(client, uses, lambda d: codes(d) == [COUNT])
        assert (found[0].range.start.line, found[0].range.start.character) == (1, 4)
        assert list(client.diagnostics[imports]) == []
        assert notes not in client.diagnostics  # a Markdown cell is not code

        # The quick fix edits the cell, at the cell's own positions.
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uses),
                range=found[0].range,
                context=types.CodeActionContext(diagnostics=list(found)),
            )
        )
        fixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred]
        assert len(fixes) == 1 and fixes[0].edit is not None
        fixed = apply_workspace_edit(USES, fixes[0].edit, uses)
        assert fixed == "# é\nn = client.db.users.estimated_document_count()\n"

        # Editing cell 2 changes what cell 3 means: without the import, no pymongo rule.
        _change(
            client,
            notebook,
            2,
            types.NotebookDocumentCellChanges(text_content=[_edit(imports, 2, "client = None\n")]),
        )
        await wait_for_diagnostics(client, uses, lambda d: not d)

        _change(
            client,
            notebook,
            3,
            types.NotebookDocumentCellChanges(
                text_content=[_edit(imports, 3, "import pymongo\nclient = pymongo.MongoClient()\n")]
            ),
        )
        await wait_for_diagnostics(client, uses, lambda d: codes(d) == [COUNT])

        # A new cell holding the same call, inserted first: before the import, so clean;
        # deleting cell 3 clears its diagnostics.
        added = _cell_uri(notebook, 9)
        _change(
            client,
            notebook,
            4,
            types.NotebookDocumentCellChanges(
                structure=types.NotebookDocumentCellChangeStructure(
                    array=types.NotebookCellArrayChange(start=2, delete_count=1, cells=[]),
                    did_close=[types.TextDocumentIdentifier(uri=uses)],
                )
            ),
        )
        await wait_for_diagnostics(client, uses, lambda d: not d)
        _change(
            client,
            notebook,
            5,
            types.NotebookDocumentCellChanges(
                structure=types.NotebookDocumentCellChangeStructure(
                    array=types.NotebookCellArrayChange(
                        start=3, delete_count=0, cells=[_cell(added)]
                    ),
                    did_open=[_text(added, "client.db.users.count()")],
                )
            ),
        )
        await wait_for_diagnostics(client, added, lambda d: codes(d) == [COUNT])

        client.notebook_document_did_close(
            types.DidCloseNotebookDocumentParams(
                notebook_document=types.NotebookDocumentIdentifier(uri=notebook.as_uri()),
                cell_text_documents=[
                    types.TextDocumentIdentifier(uri=u) for u in (notes, imports, added)
                ],
            )
        )
        await wait_for_diagnostics(client, added, lambda d: not d)


@pytest.mark.asyncio
async def test_cells_in_other_languages_are_left_out(tmp_path: Path) -> None:
    notebook = tmp_path / "mixed.ipynb"
    async with server_session(
        tmp_path, capabilities=client_capabilities("visual-studio-code")
    ) as client:
        sql, code = _open(
            client,
            notebook,
            [
                ("code", "sql", "import pymongo\n"),  # not Python: its import is not one
                (
                    "code",
                    "python",
                    "import pymongo\nclient = pymongo.MongoClient()\nclient.db.t.count()\n",
                ),
            ],
        )
        found = await wait_for_diagnostics(client, code, lambda d: codes(d) == [COUNT])
        assert found[0].range.start.line == 2
        assert sql not in client.diagnostics
