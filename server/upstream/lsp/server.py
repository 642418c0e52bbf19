"""The upstream language server: wiring only. Each LSP method is one small function that
hands plain data to the engine (via ``UpstreamLanguageServer`` state) and back."""

from __future__ import annotations

import asyncio
import logging
import re
import sys
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, BinaryIO, cast

from cattrs import ClassValidationError, transform_error
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import RPCRequest
from pygls.uris import from_fs_path, to_fs_path

from upstream import __version__
from upstream.engine import Finding, incremental
from upstream.engine.embedded import document_kind
from upstream.engine.incremental import Baseline
from upstream.engine.notebook import check_cells
from upstream.errors import UpstreamError
from upstream.lsp.diagnostics import (
    converter,
    problem_diagnostic,
    publish_params,
    to_diagnostic,
)
from upstream.lsp.documents import CheckPlan, OpenDocument
from upstream.lsp.folders import Folder, RuleSetCache, build_folder, problems_by_file
from upstream.lsp.notebooks import SYNC_OPTIONS, CheckedCell, NotebookSnapshot, snapshot
from upstream.lsp.positions import UTF16, LineIndex
from upstream.lsp.settings import EditorSettings, merged, parse_settings
from upstream.scan import (
    Skipped,
    check_file,
    check_source,
    content_problem,
    iter_source_files,
    program_checker,
)

log = logging.getLogger("upstream.lsp")

SCAN_COMMAND = "upstream.scanWorkspace"
_PACK_SUFFIXES = (".yaml", ".yml")
_PACK_RELOAD_DELAY = 0.2
_NO_LINES = LineIndex.of(b"")


# pygls' own header pattern: a Content-Length it would not read must not pass.
_CONTENT_LENGTH = re.compile(rb"Content-Length: (\d+)\r\n")
_OTHER_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*: [^\r\n]*\r\n")
# What structure_message gives for a request it already answered with an error.
_ANSWERED = object()


class FramingError(UpstreamError):
    """The client's bytes can no longer be split into messages."""


class FramedInput:
    """stdin for pygls' reader, raising ``FramingError`` on a header it cannot frame.

    pygls skips such a header and reads on, out of step with the client for good: alive but
    deaf. The error ends ``start_io`` instead, and ``upstream lsp`` exits non-zero with one
    line on stderr, so the editor restarts the server.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._in_headers = False
        self._length: int | None = None  # the Content-Length of the message being read

    def readline(self) -> bytes:
        line = self._stream.readline()
        if not line:
            return line  # end of input: pygls stops
        if line.strip():
            self._header(line)
        # A blank line between messages is harmless; one ending headers must follow a length.
        elif self._in_headers and not self._length:
            raise FramingError("LSP message without a valid Content-Length header; exiting")
        return line

    def _header(self, line: bytes) -> None:
        self._in_headers = True
        length = _CONTENT_LENGTH.fullmatch(line)
        if length is not None and self._length is None:
            self._length = int(length.group(1))  # pygls, too, reads the first one
        elif length is None and not _OTHER_HEADER.fullmatch(line):
            raise FramingError(f"bad LSP header {line[:80]!r}; exiting")

    def read(self, size: int) -> bytes:
        self._in_headers, self._length = False, None
        return self._stream.read(size)


class UpstreamProtocol(LanguageServerProtocol):
    """pygls' protocol, answering two kinds of request it drops: invalid params (InvalidParams)
    and any request after ``shutdown`` (InvalidRequest, as LSP 3.17 asks)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            msg_id = data.get("id")
            if "method" not in data or not isinstance(msg_id, int | str):
                raise  # a notification or a response: nobody waits for an answer
            self._send_response(msg_id, error=_request_error(error, str(data["method"])))
            return _ANSWERED

    def handle_message(self, message: Any) -> None:
        if message is _ANSWERED:
            return
        if self._shutdown and isinstance(message, RPCRequest) and message.method != types.EXIT:
            error = types.ResponseError(
                code=types.ErrorCodes.InvalidRequest,
                message=f"{message.method}: the server is shut down",
            )
            self._send_response(message.id, error=error)
            return
        super().handle_message(message)


def _request_error(error: JsonRpcException, method: str) -> types.ResponseError:
    cause = error.__cause__
    detail = "; ".join(transform_error(cause)) if isinstance(cause, ClassValidationError) else ""
    return types.ResponseError(code=error.code, message=f"{method}: {detail or error.message}")


class UpstreamLanguageServer(LanguageServer):
    """Holds open documents, per-folder rule sets and the latest findings per document."""

    def __init__(self) -> None:
        super().__init__(
            "upstream",
            __version__,
            protocol_cls=UpstreamProtocol,
            converter_factory=converter,
            notebook_document_sync=SYNC_OPTIONS,
        )
        self.documents: dict[str, OpenDocument] = {}
        self.results: dict[str, tuple[int, int, list[Finding]]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.query_problems_logged: set[str] = set()
        self.rule_cache = RuleSetCache()
        self.folder_roots: list[Path] = []
        self.folders: list[Folder] = []
        self.fallback: Folder | None = None
        self.global_settings = EditorSettings()
        self.folder_settings: dict[Path, EditorSettings] = {}
        self.generation = 0
        self.fingerprint: tuple[object, ...] = ()
        self.can_pull = False
        self.can_configure = False
        self.can_watch = False
        self.pack_problem_files: set[Path] = set()
        self.skip_notified: set[str] = set()
        self.pack_reload: asyncio.Task[None] | None = None
        self.file_cache: dict[Path, tuple[int, int, int, list[Finding]]] = {}
        # Synced notebooks: the cells each one last published diagnostics to, as checked
        # (to clear a cell that goes, and for its code actions).
        self.notebook_cells: dict[str, dict[str, CheckedCell]] = {}

    # -- settings and folders ---------------------------------------------------------------

    @property
    def encoding(self) -> str:
        chosen = self.workspace.position_encoding if self.workspace else None
        if chosen is None:
            return UTF16
        # An enum member's str() is its name, not the "utf-16" it stands for.
        return chosen.value if isinstance(chosen, types.PositionEncodingKind) else str(chosen)

    def overlay(self) -> dict[Path, str]:
        return {
            doc.path.resolve(): doc.source.decode("utf-8", "replace")
            for doc in self.documents.values()
            if doc.path.suffix in _PACK_SUFFIXES
        }

    def rebuild_folders(self) -> None:
        """Re-read config files and packs for every folder (compiled packs are cached)."""
        overlay = self.overlay()
        self.folders = [
            build_folder(
                root, self.folder_settings.get(root, self.global_settings), self.rule_cache, overlay
            )
            for root in self.folder_roots
        ]
        self.fallback = build_folder(None, self.global_settings, self.rule_cache, overlay)
        fingerprint = tuple(folder.fingerprint() for folder in [*self.folders, self.fallback])
        if fingerprint != self.fingerprint:
            # Results computed under other settings or packs are stale now.
            self.fingerprint = fingerprint
            self.generation += 1
            self.file_cache.clear()
        for folder in [*self.folders, self.fallback]:
            for message in folder.messages:
                self.log(message, types.MessageType.Warning)
        self.publish_pack_problems()

    def folder_for(self, path: Path) -> Folder:
        # The innermost folder holding the file wins (nested workspace folders).
        holding = [f for f in self.folders if f.root is not None and f.contains(path)]
        best = max(holding, key=lambda f: len(f.root.parts) if f.root else 0, default=None)
        assert self.fallback is not None
        return best or self.fallback

    async def fetch_settings(self) -> None:
        if not self.can_configure:
            return
        scopes = [from_fs_path(str(root)) for root in self.folder_roots]
        items = [types.ConfigurationItem(section="upstream")] + [
            types.ConfigurationItem(scope_uri=uri, section="upstream") for uri in scopes
        ]
        try:
            values = await self.workspace_configuration_async(
                types.ConfigurationParams(items=items)
            )
        except Exception as error:  # a client that fails this request must not stop us
            self.log(f"workspace/configuration failed: {error}", types.MessageType.Warning)
            return
        global_value, *folder_values = list(values) + [None] * (len(items) - len(values))
        self.global_settings = self._settings_from(global_value, self.global_settings)
        for root, value in zip(self.folder_roots, folder_values, strict=False):
            self.folder_settings[root] = self._settings_from(value, self.global_settings)

    def _settings_from(self, raw: Any, base: EditorSettings) -> EditorSettings:
        if raw is None:
            return base
        parsed, messages = parse_settings(raw)
        for message in messages:
            self.log(message, types.MessageType.Warning)
        sent = set(parsed.model_fields_set)
        return merged(base, parsed, sent)

    # -- checking -----------------------------------------------------------------------------

    def settings_for(self, path: Path) -> EditorSettings:
        return self.folder_for(path).settings

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Check a document after the debounce delay, replacing a check already waiting."""
        document = self.documents.get(uri)
        if document is None:
            return
        if delay is None:
            delay = self.settings_for(document.path).debounce / 1000
        self._replace_pending(uri, delay, self._check_and_publish)

    def _replace_pending(
        self, uri: str, delay: float, check: Callable[[str], Awaitable[None]]
    ) -> None:
        self.cancel_pending(uri)
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay, check))

    def cancel_pending(self, uri: str) -> None:
        """Drop a check of ``uri`` that is waiting or running."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()

    async def _check_later(
        self, uri: str, delay: float, check: Callable[[str], Awaitable[None]]
    ) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await check(uri)
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log(f"checking {uri} failed:\n{traceback.format_exc()}", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def _check_and_publish(self, uri: str) -> None:
        findings = await self.findings_for(uri)
        document = self.documents.get(uri)
        if findings is not None and document is not None and not self.can_pull:
            self.publish(document, findings)

    async def findings_for(self, uri: str) -> list[Finding] | None:
        """Findings for the document's current version (None when a newer edit overtook it)."""
        document = self.documents.get(uri)
        if document is None:
            return None
        cached = self.results.get(uri)
        if cached is not None and cached[:2] == (document.version, self.generation):
            return cached[2]
        version, generation = document.version, self.generation
        skip = self._skip_reason(document)
        if skip is not None:
            document.release()
            if uri not in self.skip_notified:
                self.skip_notified.add(uri)
                self.show(f"upstream: {document.path.name} not checked: {skip}")
            findings: list[Finding] = []
        elif document.spec is None and document.checkable:
            findings = await asyncio.to_thread(self._check_blocks, document)
        else:
            plan = document.snapshot(generation)
            findings, baseline = await asyncio.to_thread(self._check_plan, document, plan)
            if plan is not None and baseline is not None:
                document.remember(plan, baseline)
        current = self.documents.get(uri)
        if current is None or current.version != version or self.generation != generation:
            return None
        self.results[uri] = (version, generation, findings)
        return findings

    def _skip_reason(self, document: OpenDocument) -> str | None:
        # Asked before the document is parsed: parsing 20 MB takes seconds and gigabytes.
        if document.spec is None:
            return None
        limit = self.settings_for(document.path).max_file_size
        if len(document.source) > limit:
            return f"{len(document.source) / 1048576:.1f} MB is over the maxFileSize limit"
        return content_problem(document.source)

    def _check_blocks(self, document: OpenDocument) -> list[Finding]:
        """The code blocks of a Markdown or reStructuredText document, checked in full (a
        block is small: no incremental re-check)."""
        folder = self.folder_for(document.path)
        rule_set = folder.loaded.rule_set
        return check_source(document.path, document.source, rule_set, folder.options())

    def _check_plan(
        self, document: OpenDocument, plan: CheckPlan | None
    ) -> tuple[list[Finding], Baseline | None]:
        if plan is None:
            return [], None
        folder = self.folder_for(document.path)
        rules = folder.loaded.rule_set.for_language(plan.document.spec.name)
        if rules is None:
            return [], None
        result = incremental.check(
            plan.document, rules, folder.options(), plan.previous, plan.changed
        )
        # Packs load lazily here: a query the grammar rejects shows up on first use.
        for problem in rules.problems:
            if problem not in self.query_problems_logged:
                self.query_problems_logged.add(problem)
                self.log(str(problem), types.MessageType.Warning)
        findings = result.findings
        if folder.settings.new_code_mode:
            changed = document.changed_lines()
            findings = [
                f
                for f in findings
                if any(line in changed for line in range(f.start.line, f.end.line + 1))
            ]
        return findings, result.baseline

    def diagnostics(
        self, document: OpenDocument, findings: list[Finding]
    ) -> list[types.Diagnostic]:
        return [to_diagnostic(f, document.index, document.version, self.encoding) for f in findings]

    def publish(self, document: OpenDocument, findings: list[Finding]) -> None:
        # No findings need no positions: a document not checked is never line-indexed.
        index = document.index if findings else _NO_LINES
        params = publish_params(document.uri, document.version, findings, index, self.encoding)
        self.protocol.notify(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)

    def recheck_all(self) -> None:
        self.results.clear()
        for uri, document in list(self.documents.items()):
            # Versions or settings may have changed: nothing of the last check carries over.
            document.checked = document.checked_tree = None
            self.schedule(uri, 0)
        for notebook in list(self.workspace.notebook_documents.values()):
            self.schedule_notebook(notebook.uri, 0)
        if self.can_pull:
            self._refresh_pull()

    def _refresh_pull(self) -> None:
        refresh = self.client_capabilities.workspace
        if refresh and refresh.diagnostics and refresh.diagnostics.refresh_support:
            self.workspace_diagnostic_refresh(None)

    def check_path(self, path: Path) -> list[Finding] | Skipped:
        """A file on disk (not open), cached by mtime, size and settings generation."""
        try:
            stat = path.stat()
        except OSError as error:
            return Skipped(str(path), f"cannot read: {error.strerror or error}")
        cached = self.file_cache.get(path)
        key = (stat.st_mtime_ns, stat.st_size, self.generation)
        if cached is not None and cached[:3] == key:
            return cached[3]
        folder = self.folder_for(path)
        result = check_file(
            path, folder.loaded.rule_set, folder.options(), folder.settings.max_file_size
        )
        if not isinstance(result, Skipped):
            self.file_cache[path] = (*key, result)
        return result

    def workspace_files(self) -> list[Path]:
        files: list[Path] = []
        for folder in self.folders:
            if folder.root is not None:
                found = iter_source_files([folder.root], folder.config.exclude, folder.root)
                # A notebook's findings count in its cells, which a file's diagnostics cannot
                # name: notebooks are for notebook document sync, not file diagnostics.
                files.extend(file for file in found if document_kind(file) != "notebook")
        return files

    # -- notebooks ----------------------------------------------------------------------------

    def schedule_notebook(self, uri: str, delay: float | None = None) -> None:
        """Check a synced notebook after the debounce delay; its cells' diagnostics are
        published (pushed) also to a client that pulls, since a cell's findings depend on
        the cells before it, which a pull of that one cell would not know had changed."""
        if delay is None:
            delay = self.settings_for(document_path(uri)).debounce / 1000
        self._replace_pending(uri, delay, self._check_and_publish_notebook)

    async def _check_and_publish_notebook(self, uri: str) -> None:
        taken = snapshot(self.workspace, uri)
        if taken is None:
            return
        generation = self.generation
        over = self._over_limit(taken)
        findings = [] if over else await asyncio.to_thread(self._check_notebook, taken)
        current = self.workspace.get_notebook_document(notebook_uri=uri)
        if current is None or current.version != taken.version or generation != self.generation:
            return  # overtaken: the newer version's check publishes
        self._publish_cells(taken, findings)

    def _check_notebook(self, taken: NotebookSnapshot) -> list[Finding]:
        if taken.spec is None:
            return []
        folder = self.folder_for(taken.path)
        check = program_checker(folder.loaded.rule_set, folder.options())
        return check_cells(str(taken.path), taken.spec, taken.engine_cells(), check)

    def _over_limit(self, taken: NotebookSnapshot) -> bool:
        if taken.size <= self.settings_for(taken.path).max_file_size:
            return False
        if taken.uri not in self.skip_notified:
            self.skip_notified.add(taken.uri)
            self.show(f"upstream: {taken.path.name} not checked: its cells are over maxFileSize")
        return True

    def _publish_cells(self, taken: NotebookSnapshot, findings: list[Finding]) -> None:
        cells = taken.by_cell(findings)
        for uri in self.notebook_cells.get(taken.uri, {}).keys() - cells.keys():
            self.clear_diagnostics(uri)  # a deleted cell, or not in the notebook's language
        for cell in cells.values():
            self.publish(cell.document, cell.findings)
        self.notebook_cells[taken.uri] = cells

    def checked_cell(self, uri: str) -> CheckedCell | None:
        """A synced notebook's cell as last checked (None: not a cell of one)."""
        return next((cells[uri] for cells in self.notebook_cells.values() if uri in cells), None)

    def close_notebook(self, uri: str) -> None:
        self.cancel_pending(uri)
        self.skip_notified.discard(uri)
        for cell_uri in self.notebook_cells.pop(uri, {}):
            self.clear_diagnostics(cell_uri)

    def clear_diagnostics(self, uri: str) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    # -- packs being edited -------------------------------------------------------------------

    def is_pack_file(self, path: Path) -> bool:
        if path.suffix not in _PACK_SUFFIXES:
            return False
        resolved = path.resolve()
        return (
            any(pack in resolved.parents for folder in self.folders for pack in folder.pack_paths)
            or (resolved.parent / "pack.yaml").is_file()
        )

    def schedule_pack_reload(self) -> None:
        if self.pack_reload is not None:
            self.pack_reload.cancel()
        self.pack_reload = asyncio.ensure_future(self._reload_packs())

    async def _reload_packs(self) -> None:
        try:
            await asyncio.sleep(_PACK_RELOAD_DELAY)
            await asyncio.to_thread(self.rebuild_folders)
            self.recheck_all()
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log(f"reloading packs failed:\n{traceback.format_exc()}", types.MessageType.Error)

    def publish_pack_problems(self) -> None:
        by_file = problems_by_file([*self.folders, *([self.fallback] if self.fallback else [])])
        for path in self.pack_problem_files - set(by_file):
            self._publish_raw(path, [])
        for path, problems in by_file.items():
            unique = list(dict.fromkeys(problems))
            self._publish_raw(path, [problem_diagnostic(p) for p in unique])
        self.pack_problem_files = set(by_file)

    def _publish_raw(self, path: Path, diagnostics: list[types.Diagnostic]) -> None:
        uri = from_fs_path(str(path))
        if uri:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
            )

    # -- transport ------------------------------------------------------------------------------

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        # pygls reads its input only through readline() and read(n).
        framed = cast(BinaryIO, FramedInput(stdin or sys.stdin.buffer))
        super().start_io(framed, stdout)

    # -- messages -------------------------------------------------------------------------------

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        log.log(logging.ERROR if kind == types.MessageType.Error else logging.INFO, message)
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show(self, message: str) -> None:
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Info, message=message)
        )

    def report_server_error(self, error: Exception, source: Any) -> None:
        # Logged, not shown: one broken request must not nag the user or stop the server.
        detail = "".join(traceback.format_exception(error))
        self.log(f"upstream internal error: {error}\n{detail}", types.MessageType.Error)


def document_path(uri: str) -> Path:
    return Path(to_fs_path(uri) or uri)
