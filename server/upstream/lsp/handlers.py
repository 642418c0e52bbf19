"""One small function per LSP method; ``create_server`` registers them."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import from_fs_path

from upstream.engine import Finding
from upstream.lsp.code_actions import FIX_ALL_KIND, OPEN_DOCS_COMMAND, code_actions
from upstream.lsp.diagnostics import to_diagnostic
from upstream.lsp.documents import OpenDocument
from upstream.lsp.hover import hover_for
from upstream.lsp.positions import LineIndex
from upstream.lsp.server import SCAN_COMMAND, UpstreamLanguageServer, document_path
from upstream.lsp.settings import parse_settings
from upstream.scan import Skipped
from upstream.workspace import PROJECT_FILE_GLOBS, is_project_file

# Config, lock and manifest files (the resolver's list), and pack files.
_WATCHED_GLOBS = (*PROJECT_FILE_GLOBS, "**/*.yaml")


def create_server() -> UpstreamLanguageServer:
    server = UpstreamLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: UpstreamLanguageServer, params: types.InitializeParams) -> None:
        capabilities = params.capabilities
        text = capabilities.text_document
        ls.can_pull = bool(text and text.diagnostic)
        workspace = capabilities.workspace
        ls.can_configure = bool(workspace and workspace.configuration)
        ls.can_watch = bool(
            workspace
            and workspace.did_change_watched_files
            and workspace.did_change_watched_files.dynamic_registration
        )
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("settings"), dict):
            options = options["settings"]
        ls.global_settings, messages = parse_settings(options)
        ls.folder_roots = _roots(params)
        ls.rebuild_folders()
        for message in messages:
            ls.log(message, types.MessageType.Warning)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: UpstreamLanguageServer, params: types.InitializedParams) -> None:
        if ls.can_configure:
            await ls.fetch_settings()
            await asyncio.to_thread(ls.rebuild_folders)
            ls.recheck_all()
        if ls.can_watch:
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in _WATCHED_GLOBS]
            registration = types.Registration(
                id="upstream-watched-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            try:
                await ls.client_register_capability_async(
                    types.RegistrationParams(registrations=[registration])
                )
            except Exception as error:
                ls.log(f"could not watch files: {error}", types.MessageType.Warning)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: UpstreamLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        document = OpenDocument.open(params.text_document)
        ls.documents[document.uri] = document
        if ls.is_pack_file(document.path):
            ls.schedule_pack_reload()
        ls.schedule(document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: UpstreamLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return
        document.apply(list(params.content_changes), params.text_document.version, ls.encoding)
        if ls.is_pack_file(document.path):
            ls.schedule_pack_reload()
        ls.schedule(document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: UpstreamLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        path = document_path(params.text_document.uri)
        for folder in ls.folders:
            folder.project.forget()  # its imports may have changed what other files reach
        if is_project_file(path):
            _project_changed(ls)
        elif ls.is_pack_file(path):
            ls.schedule_pack_reload()
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: UpstreamLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        document = ls.documents.pop(uri, None)
        ls.results.pop(uri, None)
        ls.skip_notified.discard(uri)
        ls.cancel_pending(uri)
        if document is not None and ls.is_pack_file(document.path):
            ls.schedule_pack_reload()
        elif not ls.can_pull:
            ls.clear_diagnostics(uri)

    # pygls keeps the notebook and its cells' text in the workspace before these run.
    @server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def did_open_notebook(
        ls: UpstreamLanguageServer, params: types.DidOpenNotebookDocumentParams
    ) -> None:
        ls.schedule_notebook(params.notebook_document.uri, 0)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def did_change_notebook(
        ls: UpstreamLanguageServer, params: types.DidChangeNotebookDocumentParams
    ) -> None:
        ls.schedule_notebook(params.notebook_document.uri)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def did_close_notebook(
        ls: UpstreamLanguageServer, params: types.DidCloseNotebookDocumentParams
    ) -> None:
        ls.close_notebook(params.notebook_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="upstream", inter_file_dependencies=False, workspace_diagnostics=True
        ),
    )
    async def document_diagnostic(
        ls: UpstreamLanguageServer, params: types.DocumentDiagnosticParams
    ) -> types.DocumentDiagnosticReport:
        uri = params.text_document.uri
        document = ls.documents.get(uri)
        if document is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        findings = await _current_findings(ls, uri)
        result_id = f"{document.version}:{ls.generation}"
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(
            items=ls.diagnostics(document, findings), result_id=result_id
        )

    @server.feature(types.WORKSPACE_DIAGNOSTIC)
    async def workspace_diagnostic(
        ls: UpstreamLanguageServer, params: types.WorkspaceDiagnosticParams
    ) -> types.WorkspaceDiagnosticReport:
        previous = {item.uri: item.value for item in params.previous_result_ids}
        items: list[types.WorkspaceDocumentDiagnosticReport] = []
        for uri, document in list(ls.documents.items()):
            if not document.checkable:
                continue
            findings = await _current_findings(ls, uri)
            result_id = f"{document.version}:{ls.generation}"
            if previous.get(uri) == result_id:
                items.append(
                    types.WorkspaceUnchangedDocumentDiagnosticReport(
                        uri=uri, version=document.version, result_id=result_id
                    )
                )
                continue
            items.append(
                types.WorkspaceFullDocumentDiagnosticReport(
                    uri=uri,
                    version=document.version,
                    result_id=result_id,
                    items=ls.diagnostics(document, findings),
                )
            )
        open_paths = {doc.path.resolve() for doc in ls.documents.values()}
        files = await asyncio.to_thread(ls.workspace_files)
        for path in files:
            if path.resolve() in open_paths:
                continue
            report = await asyncio.to_thread(_disk_report, ls, path, previous)
            if report is not None:
                items.append(report)
        return types.WorkspaceDiagnosticReport(items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    async def code_action(
        ls: UpstreamLanguageServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            # A notebook cell: its fixes, as its notebook's last check found them (a stale
            # diagnostic's fix is not offered: its version is not the cell's).
            cell = ls.checked_cell(params.text_document.uri)
            if cell is None:
                return None
            return code_actions(cell.document, params, cell.findings, ls.encoding) or None
        findings = await _current_findings(ls, document.uri)
        return code_actions(document, params, findings, ls.encoding) or None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: UpstreamLanguageServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.documents.get(params.text_document.uri)
        if document is None or not document.checkable:
            return None
        findings = await _current_findings(ls, document.uri)
        if not findings:
            return None  # nor an index of a document that was not checked
        offset = document.index.offset(params.position, ls.encoding)
        here = [f for f in findings if f.start_byte <= offset <= f.end_byte]
        if not here:
            return None
        folder = ls.folder_for(document.path)
        rules = folder.loaded.rule_set.rules
        entries = []
        for finding in here:
            rule = rules[finding.rule][1] if finding.rule in rules else None
            entries.append((finding, rule, folder.gate_versions(rule, document.path)))
        first = here[0]
        return hover_for(
            entries, document.index.range(first.start_byte, first.end_byte, ls.encoding)
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: UpstreamLanguageServer, params: types.DidChangeConfigurationParams
    ) -> None:
        if ls.can_configure:
            await ls.fetch_settings()
        else:
            value = params.settings.get("upstream") if isinstance(params.settings, dict) else None
            if value is not None:
                ls.global_settings, messages = parse_settings(value)
                for message in messages:
                    ls.log(message, types.MessageType.Warning)
        await asyncio.to_thread(ls.rebuild_folders)
        ls.recheck_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: UpstreamLanguageServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        paths = [document_path(change.uri) for change in params.changes]
        if any(is_project_file(path) for path in paths):
            _project_changed(ls)
        elif any(ls.is_pack_file(path) for path in paths):
            ls.schedule_pack_reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_folders(
        ls: UpstreamLanguageServer, params: types.DidChangeWorkspaceFoldersParams
    ) -> None:
        removed = {document_path(folder.uri) for folder in params.event.removed}
        ls.folder_roots = [root for root in ls.folder_roots if root not in removed]
        ls.folder_roots.extend(document_path(folder.uri) for folder in params.event.added)
        await ls.fetch_settings()
        await asyncio.to_thread(ls.rebuild_folders)
        ls.recheck_all()

    @server.command(SCAN_COMMAND)
    async def scan_workspace(ls: UpstreamLanguageServer, *args: Any) -> dict[str, int]:
        return await _scan(ls)

    @server.command(OPEN_DOCS_COMMAND)
    async def open_docs(ls: UpstreamLanguageServer, *args: Any) -> bool:
        url = args[0] if args and isinstance(args[0], str) else None
        if url is None or not url.startswith(("https://", "http://")):
            ls.log(f"{OPEN_DOCS_COMMAND}: expected a documentation URL", types.MessageType.Warning)
            return False
        window = ls.client_capabilities.window
        if not (window and window.show_document and window.show_document.support):
            ls.show(f"Documentation: {url}")
            return False
        result = await ls.window_show_document_async(
            types.ShowDocumentParams(uri=url, external=True)
        )
        return bool(result and result.success)

    return server


def _roots(params: types.InitializeParams) -> list[Path]:
    if params.workspace_folders:
        return [document_path(folder.uri) for folder in params.workspace_folders]
    if params.root_uri:
        return [document_path(params.root_uri)]
    if params.root_path:
        return [Path(params.root_path)]
    return []


def _project_changed(ls: UpstreamLanguageServer) -> None:
    # Config, lock or manifest files changed: settings, packs and versions are read again.
    for folder in ls.folders:
        folder.resolver.clear()
    ls.rebuild_folders()
    ls.recheck_all()


async def _current_findings(ls: UpstreamLanguageServer, uri: str) -> list[Finding]:
    """The latest findings for an open document, checking it now if they are stale."""
    while True:
        findings = await ls.findings_for(uri)
        if findings is not None or uri not in ls.documents:
            return findings or []


def _disk_report(
    ls: UpstreamLanguageServer, path: Path, previous: dict[str, str]
) -> types.WorkspaceDocumentDiagnosticReport | None:
    uri = from_fs_path(str(path))
    try:
        stat = path.stat()
    except OSError:
        return None
    if uri is None:
        return None
    # Unchanged file, unchanged settings: the client keeps what it has.
    result_id = f"disk:{stat.st_mtime_ns}:{stat.st_size}:{ls.generation}"
    if previous.get(uri) == result_id:
        return types.WorkspaceUnchangedDocumentDiagnosticReport(
            uri=uri, version=None, result_id=result_id
        )
    result = ls.check_path(path)
    if isinstance(result, Skipped):
        return None
    index = LineIndex.of(path.read_bytes() if result else b"")
    return types.WorkspaceFullDocumentDiagnosticReport(
        uri=uri,
        version=None,
        result_id=result_id,
        items=[to_diagnostic(f, index, None, ls.encoding) for f in result],
    )


async def _scan(ls: UpstreamLanguageServer) -> dict[str, int]:
    """Check every workspace file that is not open, publishing diagnostics, with progress."""
    token = f"upstream-scan-{uuid.uuid4()}"
    progress = ls.client_capabilities.window
    with_progress = bool(progress and progress.work_done_progress)
    if with_progress:
        await ls.work_done_progress.create_async(token)
        ls.work_done_progress.begin(
            token,
            types.WorkDoneProgressBegin(
                title="upstream: scanning workspace", percentage=0, cancellable=False
            ),
        )
    files = await asyncio.to_thread(ls.workspace_files)
    open_paths = {doc.path.resolve() for doc in ls.documents.values()}
    found = checked = 0
    for number, path in enumerate(files, start=1):
        if path.resolve() not in open_paths:
            result = await asyncio.to_thread(ls.check_path, path)
            if not isinstance(result, Skipped):
                checked += 1
                found += len(result)
                uri = from_fs_path(str(path))
                if uri is not None:
                    index = LineIndex.of(path.read_bytes()) if result else LineIndex.of(b"")
                    ls.text_document_publish_diagnostics(
                        types.PublishDiagnosticsParams(
                            uri=uri,
                            diagnostics=[
                                to_diagnostic(f, index, None, ls.encoding) for f in result
                            ],
                        )
                    )
        if with_progress:
            ls.work_done_progress.report(
                token,
                types.WorkDoneProgressReport(
                    message=f"{number}/{len(files)} files",
                    percentage=number * 100 // max(len(files), 1),
                ),
            )
    if with_progress:
        ls.work_done_progress.end(
            token, types.WorkDoneProgressEnd(message=f"{checked} files checked, {found} findings")
        )
    return {"files": checked, "findings": found}
