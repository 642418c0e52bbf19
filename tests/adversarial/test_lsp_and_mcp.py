"""Hostile input to the language server and the MCP server (issue 21): a document over
``maxFileSize``, broken LSP framing, invalid params, requests after ``shutdown``; code holding
NUL characters, lone surrogates and more bytes than the size limit.

The servers run as real processes. Where the protocol must be broken on purpose the test writes
raw bytes to the server's stdin and reads its stdout with a deadline, so a server that never
answers fails the test instead of hanging it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import selectors
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from upstream.lsp.handlers import create_server
from upstream.lsp.positions import LineIndex
from upstream.scan import DEFAULT_MAX_FILE_BYTES

BAD = 'import openai\n\nreply = openai.ChatCompletion.create(model="gpt-4o-mini", messages=[])\n'
RULE = "openai/chat-completion-removed"
TIMEOUT = 10.0  # seconds for any one answer; a healthy server takes well under one


# -- raw pipes --------------------------------------------------------------------------------


class Pipe:
    """A child process's stdout, read with a deadline."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self._fd = process.stdout.fileno()
        os.set_blocking(self._fd, False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._fd, selectors.EVENT_READ)
        self._buffer = b""

    def read_until(self, separator: bytes, deadline: float) -> bytes:
        while separator not in self._buffer:
            self._fill(deadline)
        head, _, self._buffer = self._buffer.partition(separator)
        return head

    def read_exactly(self, size: int, deadline: float) -> bytes:
        while len(self._buffer) < size:
            self._fill(deadline)
        head, self._buffer = self._buffer[:size], self._buffer[size:]
        return head

    def _fill(self, deadline: float) -> None:
        left = deadline - time.monotonic()
        if left <= 0 or not self._selector.select(left):
            raise TimeoutError(f"no answer in {TIMEOUT} s (read so far: {self._buffer[-300:]!r})")
        chunk = os.read(self._fd, 1 << 16)
        if not chunk:
            raise EOFError(f"the server closed its output (read so far: {self._buffer[-300:]!r})")
        self._buffer += chunk


@contextlib.contextmanager
def spawn(*args: str) -> Iterator[tuple[subprocess.Popen[bytes], Pipe]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "upstream", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        yield process, Pipe(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(TIMEOUT)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def write(process: subprocess.Popen[bytes], data: bytes) -> None:
    assert process.stdin is not None
    process.stdin.write(data)
    process.stdin.flush()


def lsp_frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_answer(pipe: Pipe, msg_id: int) -> dict[str, Any]:
    """The server's answer to request ``msg_id`` (notifications before it are skipped)."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        headers = pipe.read_until(b"\r\n\r\n", deadline)
        length = next(
            int(line.split(b":")[1])
            for line in headers.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        message: dict[str, Any] = json.loads(pipe.read_exactly(length, deadline))
        if message.get("id") == msg_id and "method" not in message:
            return message


def lsp_initialize(process: subprocess.Popen[bytes], pipe: Pipe) -> None:
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
    write(process, lsp_frame(init))
    assert "result" in lsp_answer(pipe, 1)
    write(process, lsp_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))


def hover(msg_id: int, params: Any) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": msg_id, "method": "textDocument/hover", "params": params}


# -- 7: a document over maxFileSize ------------------------------------------------------------


class Output:
    """The messages an in-process server sends (pygls writes each in one call)."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def write(self, data: bytes) -> None:
        self.messages.append(json.loads(data.partition(b"\r\n\r\n")[2]))

    def close(self) -> None:
        pass


async def test_an_over_limit_document_is_neither_parsed_nor_line_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In process, so the test sees that no tree and no line index were built.
    server = create_server()
    output = Output()
    server.protocol.set_writer(output)

    def deliver(message: dict[str, Any]) -> None:
        protocol = server.protocol
        protocol.handle_message(
            json.loads(json.dumps(message), object_hook=protocol.structure_message)
        )

    def no_index(cls: type[LineIndex], source: bytes) -> LineIndex:
        raise AssertionError(f"a {len(source)}-byte document over the limit was line-indexed")

    monkeypatch.setattr(LineIndex, "of", classmethod(no_index))
    init = {
        "capabilities": {},
        "rootUri": tmp_path.as_uri(),
        "initializationOptions": {"maxFileSize": 100},
    }
    deliver({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init})
    uri = (tmp_path / "big.py").as_uri()
    item = {"uri": uri, "languageId": "python", "version": 1, "text": BAD + "#" * 200}
    deliver({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}})
    await server.pending[uri]
    assert server.documents[uri].tree is None
    published = [m for m in output.messages if m.get("method") == "textDocument/publishDiagnostics"]
    assert published[-1]["params"] == {"uri": uri, "version": 1, "diagnostics": []}


@contextlib.asynccontextmanager
async def lsp_session(root: Path, settings: dict[str, Any]) -> AsyncIterator[LanguageClient]:
    # lsp_support.server_session with other initialization options: a setting sent later
    # would race the first check.
    config = ClientServerConfig(server_command=[sys.executable, "-m", "upstream", "lsp"])
    client = await config.start()
    assert isinstance(client, LanguageClient)
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
                initialization_options={"debounce": 0, **settings},
            )
        )
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def published(client: LanguageClient) -> None:
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT
    )


async def test_an_over_limit_document_is_reported_and_checked_once_it_shrinks(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.py"
    padding = "# " + "x" * 2000 + "\n"
    async with lsp_session(tmp_path, {"maxFileSize": 1000}) as client:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(path.as_uri(), "python", 1, BAD + padding)
            )
        )
        await published(client)
        assert list(client.diagnostics[path.as_uri()]) == []
        [shown] = client.messages
        assert "big.py not checked" in shown.message and "maxFileSize" in shown.message

        # An edit to the unparsed text lands right: under the limit, the call is found.
        padding_line = types.Range(
            start=types.Position(line=3, character=0), end=types.Position(line=4, character=0)
        )
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
                content_changes=[types.TextDocumentContentChangePartial(padding_line, "")],
            )
        )
        await published(client)
        assert [d.code for d in client.diagnostics[path.as_uri()]] == [RULE]


# -- 13: LSP framing, invalid params, requests after shutdown ----------------------------------


@pytest.mark.parametrize(
    ("frame", "complaint"),
    [
        (b"Content-Length: abc\r\n\r\n{}", b"Content-Length"),
        (b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}", b"Content-Length"),
        (b"Content-Length: 0\r\n\r\n", b"Content-Length"),
        (b"content-length: 2\r\n\r\n{}", b"Content-Length"),
        (b'{"jsonrpc": "2.0", "method": "initialized"}\r\n', b"bad LSP header"),
    ],
    ids=["not-a-number", "missing", "zero", "lower-case", "no-headers"],
)
def test_a_message_the_server_cannot_frame_ends_it(frame: bytes, complaint: bytes) -> None:
    with spawn("lsp") as (process, pipe):
        lsp_initialize(process, pipe)
        write(process, frame + lsp_frame(hover(2, {})))
        try:
            code = process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail("the server stayed alive, deaf to the rest of the stream")
        assert process.stderr is not None
        lines = process.stderr.read().splitlines()
        assert code != 0
        assert len(lines) == 1 and complaint in lines[0], lines


def test_a_request_with_invalid_params_gets_invalid_params() -> None:
    with spawn("lsp") as (process, pipe):
        lsp_initialize(process, pipe)
        write(process, lsp_frame(hover(2, {"textDocument": 5})))
        error = lsp_answer(pipe, 2)["error"]
        assert error["code"] == types.ErrorCodes.InvalidParams
        assert error["message"].startswith("textDocument/hover: ")
        # ... and the server keeps serving.
        write(process, lsp_frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}))
        assert lsp_answer(pipe, 3) == {"jsonrpc": "2.0", "id": 3, "result": None}


def test_a_request_after_shutdown_gets_invalid_request() -> None:
    params = {"textDocument": {"uri": "file:///a.py"}, "position": {"line": 0, "character": 0}}
    with spawn("lsp") as (process, pipe):
        lsp_initialize(process, pipe)
        write(process, lsp_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        assert lsp_answer(pipe, 2)["result"] is None
        write(process, lsp_frame(hover(3, params)))
        assert lsp_answer(pipe, 3)["error"]["code"] == types.ErrorCodes.InvalidRequest
        write(process, lsp_frame({"jsonrpc": "2.0", "method": "exit"}))
        assert process.wait(TIMEOUT) == 0


# -- 14: MCP: NUL, lone surrogates, size ------------------------------------------------------


def mcp_line(message: dict[str, Any]) -> bytes:
    return json.dumps(message).encode() + b"\n"


def mcp_answer(pipe: Pipe, msg_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + TIMEOUT
    while True:
        message: dict[str, Any] = json.loads(pipe.read_until(b"\n", deadline))
        if message.get("id") == msg_id and "method" not in message:
            return message


def mcp_initialize(process: subprocess.Popen[bytes], pipe: Pipe) -> None:
    client = {"name": "test", "version": "1"}
    params = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": client}
    write(process, mcp_line({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": params}))
    assert "result" in mcp_answer(pipe, 0)
    write(process, mcp_line({"jsonrpc": "2.0", "method": "notifications/initialized"}))


def check_code_call(msg_id: int, code: str) -> dict[str, Any]:
    arguments = {"code": code, "language": "python"}
    params = {"name": "check_code", "arguments": arguments}
    return {"jsonrpc": "2.0", "id": msg_id, "method": "tools/call", "params": params}


@pytest.fixture
def mcp_server() -> Iterator[tuple[subprocess.Popen[bytes], Pipe]]:
    pytest.importorskip("mcp")
    with spawn("mcp") as (process, pipe):
        mcp_initialize(process, pipe)
        yield process, pipe


def tool_text(answer: dict[str, Any]) -> tuple[bool, str]:
    result = answer["result"]
    return result["isError"], result["content"][0]["text"]


@pytest.mark.parametrize("where", ["string", "comment"])
def test_mcp_code_holding_a_nul_is_not_checked_and_says_so(
    mcp_server: tuple[subprocess.Popen[bytes], Pipe], where: str
) -> None:
    process, pipe = mcp_server
    # In a string the NUL makes tree-sitter drop the import: the call went unreported.
    code = 'x = "\0"\n' + BAD if where == "string" else "# \0\n" + BAD
    write(process, mcp_line(check_code_call(1, code)))
    is_error, text = tool_text(mcp_answer(pipe, 1))
    assert is_error and "NUL character on line 1: not checked" in text


def test_mcp_request_holding_a_lone_surrogate_is_answered(
    mcp_server: tuple[subprocess.Popen[bytes], Pipe],
) -> None:
    process, pipe = mcp_server
    # json.dumps writes the escape "\ud800", as a client's JSON encoder might.
    write(process, mcp_line(check_code_call(1, "x = '\ud800'\n")))
    error = mcp_answer(pipe, 1)["error"]
    assert error["code"] == -32700 and "lone surrogate" in error["message"]
    write(process, mcp_line(check_code_call(2, BAD)))
    is_error, text = tool_text(mcp_answer(pipe, 2))
    assert not is_error and RULE in text


def test_mcp_code_over_the_size_limit_is_refused(
    mcp_server: tuple[subprocess.Popen[bytes], Pipe],
) -> None:
    process, pipe = mcp_server
    # The CLI's limit (8 MB): only the bytes travel, the engine never sees them.
    code = BAD + "#" * (DEFAULT_MAX_FILE_BYTES - len(BAD) + 1)
    write(process, mcp_line(check_code_call(1, code)))
    is_error, text = tool_text(mcp_answer(pipe, 1))
    assert is_error
    assert f"{DEFAULT_MAX_FILE_BYTES + 1:,} bytes, over the size limit" in text
    write(process, mcp_line(check_code_call(2, BAD)))
    is_error, text = tool_text(mcp_answer(pipe, 2))
    assert not is_error and RULE in text


# -- held: memory over many edits ---------------------------------------------------------------


def _rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc for RSS")
def test_memory_holds_over_two_thousand_edits(tmp_path: Path) -> None:
    uri = (tmp_path / "edited.py").as_uri()
    text = "import openai\nreply = openai.ChatCompletion.create(model='x')\n" * 50
    with spawn("lsp") as (process, pipe):
        lsp_initialize(process, pipe)
        item = {"uri": uri, "languageId": "python", "version": 1, "text": text}
        write(
            process,
            lsp_frame(
                {
                    "jsonrpc": "2.0",
                    "method": "textDocument/didOpen",
                    "params": {"textDocument": item},
                }
            ),
        )
        position = {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 10}}
        write(process, lsp_frame(hover(2, position)))
        lsp_answer(pipe, 2)
        before = _rss_kib(process.pid)
        for batch in range(20):
            for edit in range(100):
                version = 2 + batch * 100 + edit
                change = {
                    "range": {
                        "start": {"line": 0, "character": 0},
                        "end": {"line": 0, "character": 0},
                    },
                    "text": "x = 1\n",
                }
                params = {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [change],
                }
                write(
                    process,
                    lsp_frame(
                        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params}
                    ),
                )
            # A request between batches drains the diagnostics the server publishes.
            write(process, lsp_frame(hover(100 + batch, position)))
            lsp_answer(pipe, 100 + batch)
        grown = _rss_kib(process.pid) - before
    assert grown < 150 * 1024, f"RSS grew by {grown // 1024} MiB over 2,000 edits"
