"""Helpers for the language-server tests: apply LSP edits independently of the server's own
position code, and wait for diagnostics that satisfy a condition."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient


def _offset(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return offset + index
        units += 2 if ord(char) > 0xFFFF else 1
    return offset + len(line)


def apply_text_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply edits whose positions count UTF-16 code units, as LSP clients do."""
    spans = sorted(
        ((_offset(text, e.range.start), _offset(text, e.range.end), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def apply_workspace_edit(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    edits: list[types.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, types.TextDocumentEdit)
        assert change.text_document.uri == uri
        edits.extend(e for e in change.edits if isinstance(e, types.TextEdit))
    for change_uri, text_edits in (edit.changes or {}).items():
        assert change_uri == uri
        edits.extend(text_edits)
    return apply_text_edits(text, edits)


async def wait_for_diagnostics(
    client: LanguageClient,
    uri: str,
    condition: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 20,
) -> Sequence[types.Diagnostic]:
    """Wait until the diagnostics published for ``uri`` satisfy ``condition``."""

    async def wait() -> Sequence[types.Diagnostic]:
        while True:
            current = client.diagnostics.get(uri)
            if current is not None and condition(current):
                return current
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), timeout)


def codes(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


@contextlib.asynccontextmanager
async def server_session(
    root: Path,
    env: dict[str, str] | None = None,
    settings: dict[str, object] | None = None,
    capabilities: types.ClientCapabilities | None = None,
) -> AsyncIterator[LanguageClient]:
    """The real server over stdio with ``root`` as its one workspace folder (and ``settings``
    as its initialization options); shut down and stopped on the way out, also when the test
    failed (stop() waits for the server to exit)."""
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "upstream", "lsp"], server_env=env
    )
    client = await config.start()
    assert isinstance(client, LanguageClient)
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities or types.ClientCapabilities(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
                initialization_options={"debounce": 0, **(settings or {})},
            )
        )
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def open_and_wait(
    client: LanguageClient, path: Path, text: str, language: str
) -> list[types.Diagnostic]:
    """Open ``path`` with ``text`` and return the first diagnostics published after it."""
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=path.as_uri(), language_id=language, version=1, text=text
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[path.as_uri()])
