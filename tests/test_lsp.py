"""The language server end to end: the real server over stdio, driven by pytest-lsp."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any, Union

import pytest
import pytest_lsp
from conftest import rule_yaml, write_pack
from lsp_support import apply_workspace_edit, codes, wait_for_diagnostics
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "upstream", "lsp"])

SHARD_JS = 'const label = "😀é";\nsh.shardCollection("db.c", { _id: 1 });\n'
OPENAI_PY = 'import openai\nopenai.ChatCompletion.create(model="gpt-4o", messages=[])\n'
SAFE_PACK = rule_yaml(
    "match:\n  pattern: legacy_call($X)",
    extra="fix: modern_call($X)\nexplanation: Use modern_call, it is faster.",
    message="legacy_call is gone; call modern_call",
)


def capabilities(pull: bool = False) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            configuration=True,
            did_change_configuration=types.DidChangeConfigurationClientCapabilities(),
        ),
        window=types.WindowClientCapabilities(
            work_done_progress=True,
            show_document=types.ShowDocumentClientCapabilities(support=True),
        ),
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities(related_document_support=True)
            if pull
            else None
        ),
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    write_pack(root / "packs", SAFE_PACK, name="local")
    return root


async def start(client: LanguageClient, root: Path, pull: bool = False, **settings: object) -> None:
    client.set_configuration({"upstream": {"debounce": 0, "workspacePacks": True, **settings}})
    await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(pull),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="ws")],
            initialization_options={"debounce": 0, "workspacePacks": True, **settings},
        )
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


def open_doc(client: LanguageClient, path: Path, text: str, language: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri


def change(
    client: LanguageClient, uri: str, version: int, *edits: tuple[types.Range | None, str]
) -> None:
    changes: list[types.TextDocumentContentChangeEvent] = [
        types.TextDocumentContentChangePartial(range=r, text=t)
        if r is not None
        else types.TextDocumentContentChangeWholeDocument(text=t)
        for r, t in edits
    ]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=changes,
        )
    )


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def span(line: int, start: int, end: int) -> types.Range:
    return types.Range(
        start=types.Position(line=line, character=start),
        end=types.Position(line=line, character=end),
    )


async def test_open_change_close_with_multibyte_text(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_doc(client, workspace / "setup.js", SHARD_JS, "javascript")
    [found] = await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    line = SHARD_JS.splitlines()[1]
    assert found.code == "mongodb/shard-key-monotonic"
    assert found.range == span(
        1, utf16(line[: line.index("{")]), utf16(line[: line.index("}") + 1])
    )

    # Incremental edit before the finding on the same line as multi-byte text: `_id` -> `status`.
    key = line.index("_id")
    change(client, uri, 2, (span(1, utf16(line[:key]), utf16(line[: key + 3])), "status"))
    updated = await wait_for_diagnostics(
        client, uri, lambda d: codes(d) == ["mongodb/shard-key-low-cardinality"]
    )
    assert updated[0].range.start.line == 1

    # Insert a line with an astral-plane character above: the finding moves down one line.
    change(client, uri, 3, (span(0, 0, 0), "// 😀😀 notes\n"))
    moved = await wait_for_diagnostics(
        client, uri, lambda d: bool(d) and d[0].range.start.line == 2
    )
    assert codes(moved) == ["mongodb/shard-key-low-cardinality"]

    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 0)


async def test_push_diagnostic_fields(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_doc(client, workspace / "chat.py", OPENAI_PY, "python")
    [found] = await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    assert found.code == "openai/chat-completion-removed"
    assert found.source == "upstream"
    assert found.severity == types.DiagnosticSeverity.Error
    assert found.code_description is not None
    assert found.code_description.href.startswith("https://")
    assert list(found.tags or []) == [types.DiagnosticTag.Deprecated]
    assert found.range.start == types.Position(line=1, character=0)
    assert found.data["rule"] == "openai/chat-completion-removed"
    assert found.data["version"] == 1
    assert found.data["fix"]["newText"].startswith("openai.chat.completions.create(")
    assert found.data["fix"]["safe"] is False


async def test_pull_diagnostics(client: LanguageClient, workspace: Path):
    (workspace / "on_disk.js").write_text('sh.shardCollection("a.b", { createdAt: 1 });\n')
    await start(client, workspace, pull=True)
    uri = open_doc(client, workspace / "setup.js", SHARD_JS, "javascript")
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert codes(report.items) == ["mongodb/shard-key-monotonic"]
    assert report.items[0].code_description is not None
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id
        )
    )
    assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
    assert uri not in client.diagnostics  # a pulling client is not also pushed to

    workspace_report = await client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(previous_result_ids=[])
    )
    by_uri = {item.uri: item for item in workspace_report.items}
    disk = by_uri[(workspace / "on_disk.js").as_uri()]
    assert isinstance(disk, types.WorkspaceFullDocumentDiagnosticReport)
    assert codes(disk.items) == ["mongodb/shard-key-monotonic"]
    assert codes(by_uri[uri].items) == ["mongodb/shard-key-monotonic"]

    # Asked again with the result ids it was given, nothing has changed.
    again_all = await client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(
            previous_result_ids=[
                types.PreviousResultId(uri=item.uri, value=item.result_id)
                for item in workspace_report.items
                if item.result_id
            ]
        )
    )
    assert {item.kind for item in again_all.items} == {"unchanged"}


async def actions_at(client: LanguageClient, uri: str, diagnostic: types.Diagnostic, only=None):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic], only=only),
        )
    )


async def test_quick_fix_applies_the_rules_fix(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = "x = 1\nresult = legacy_call(x + 1)\n"
    uri = open_doc(client, workspace / "app.py", text, "python")
    [found] = await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    actions = await actions_at(client, uri, found)
    [fix] = [a for a in actions if a.title.startswith("Fix")]
    assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
    assert apply_workspace_edit(text, fix.edit, uri) == "x = 1\nresult = modern_call(x + 1)\n"


async def test_suppress_on_line_and_in_file(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = "def f():\n    return legacy_call(1)\n"
    uri = open_doc(client, workspace / "app.py", text, "python")
    [found] = await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    actions = {a.title: a for a in await actions_at(client, uri, found)}
    on_line = apply_workspace_edit(text, actions["Suppress local/r on this line"].edit, uri)
    assert on_line == "def f():\n    # upstream: ignore[local/r]\n    return legacy_call(1)\n"
    in_file = apply_workspace_edit(text, actions["Suppress local/r in this file"].edit, uri)
    assert in_file == "# upstream: ignore-file[local/r]\n" + text

    change(client, uri, 2, (None, on_line))
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 0)


def tell_commands_from_actions(client: LanguageClient) -> None:
    """lsprotocol reads any object with a "command" key as a Command; LSP clients tell a
    CodeAction that carries a command apart by whether "command" is a string."""
    converter = client.protocol._converter

    def structure(obj: Any, _: Any) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(obj.get("command"), str) else types.CodeAction
        return converter.structure(obj, kind)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)  # noqa: UP007


async def test_open_docs_command(client: LanguageClient, workspace: Path):
    tell_commands_from_actions(client)
    await start(client, workspace)
    uri = open_doc(client, workspace / "chat.py", OPENAI_PY, "python")
    [found] = await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    [docs] = [
        a for a in await actions_at(client, uri, found) if a.title.startswith("Open documentation")
    ]
    assert docs.command is not None
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=docs.command.command, arguments=docs.command.arguments)
    )
    assert [d.uri for d in client.shown_documents] == [found.code_description.href]
    assert client.shown_documents[0].external


async def test_fix_all_applies_only_safe_fixes(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = "legacy_call(1)\nlegacy_call(2)\nimport openai\nopenai.Completion.create(prompt='x')\n"
    uri = open_doc(client, workspace / "app.py", text, "python")
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 3)
    whole = types.Diagnostic(range=span(0, 0, 0), message="")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=whole.range,
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    [fix_all] = actions
    assert fix_all.kind == "source.fixAll.upstream"
    fixed = apply_workspace_edit(text, fix_all.edit, uri)
    assert fixed == text.replace("legacy_call", "modern_call")


async def test_hover_shows_rule_explanation_and_docs(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_doc(client, workspace / "app.py", "legacy_call(1)\n", "python")
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=3),
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "**A rule** `local/r`" in value and "Use modern_call, it is faster." in value
    assert "[Documentation](https://example.org/docs)" in value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=1, character=0),
        )
    )
    assert nothing is None


async def test_configuration_change_rechecks(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_doc(client, workspace / "setup.js", SHARD_JS, "javascript")
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    client.set_configuration({"upstream": {"debounce": 0, "disable": ["mongodb"]}})
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 0)


async def test_project_file_change_rechecks(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_doc(client, workspace / "chat.py", OPENAI_PY, "python")
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    (workspace / "requirements.txt").write_text("openai==0.28.1\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(
                    uri=(workspace / "requirements.txt").as_uri(), type=types.FileChangeType.Created
                )
            ]
        )
    )
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 0)


async def test_pack_hot_reload_broken_then_fixed(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    code_uri = open_doc(client, workspace / "app.py", "legacy_call(1)\n", "python")
    await wait_for_diagnostics(client, code_uri, lambda d: codes(d) == ["local/r"])

    rules_file = workspace / "packs" / "local" / "rules.yaml"
    rules_uri = open_doc(client, rules_file, SAFE_PACK, "yaml")
    broken = SAFE_PACK.replace("severity", "x").replace(
        "    languages: [python]", "    languages: [cobol]"
    )
    change(client, rules_uri, 2, (None, broken))
    [problem] = await wait_for_diagnostics(client, rules_uri, lambda d: len(d) == 1)
    assert problem.range.start.line == 3 and "unknown language 'cobol'" in problem.message
    await wait_for_diagnostics(client, code_uri, lambda d: len(d) == 0)

    fixed = SAFE_PACK.replace("legacy_call is gone; call modern_call", "use modern_call now")
    change(client, rules_uri, 3, (None, fixed))
    await wait_for_diagnostics(client, rules_uri, lambda d: len(d) == 0)
    [back] = await wait_for_diagnostics(client, code_uri, lambda d: len(d) == 1)
    assert back.message == "use modern_call now"


async def test_new_code_mode_reports_only_changed_lines(client: LanguageClient, workspace: Path):
    await start(client, workspace, newCodeMode=True)
    text = "legacy_call(1)\nx = 2\n"
    uri = open_doc(client, workspace / "old.py", text, "python")
    assert list(await wait_for_diagnostics(client, uri, lambda d: True)) == []
    change(client, uri, 2, (span(1, 4, 5), "legacy_call(3)"))
    [found] = await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)
    assert found.range.start.line == 1


async def test_scan_workspace_with_progress(client: LanguageClient, workspace: Path):
    (workspace / "src").mkdir()
    (workspace / "src" / "a.py").write_text("legacy_call(1)\nlegacy_call(2)\n")
    (workspace / "src" / "b.js").write_text('sh.shardCollection("a.b", { _id: 1 });\n')
    (workspace / "src" / "clean.py").write_text("print('ok')\n")
    await start(client, workspace)
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="upstream.scanWorkspace", arguments=[])
    )
    assert result == {"files": 3, "findings": 3}
    assert codes(client.diagnostics[(workspace / "src" / "a.py").as_uri()]) == [
        "local/r",
        "local/r",
    ]
    assert codes(client.diagnostics[(workspace / "src" / "b.js").as_uri()]) == [
        "mongodb/shard-key-monotonic"
    ]
    [reports] = client.progress_reports.values()
    assert isinstance(reports[0], types.WorkDoneProgressBegin)
    assert isinstance(reports[-1], types.WorkDoneProgressEnd)
    assert any(isinstance(r, types.WorkDoneProgressReport) for r in reports)


async def test_survives_bad_input(client: LanguageClient, workspace: Path):
    await start(client, workspace, maxFileSize=10_000)
    uri = open_doc(client, workspace / "app.py", "legacy_call(1)\n", "python")
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)

    # An edit far outside the document is clamped, not fatal.
    change(client, uri, 2, (span(500, 3, 9), "\nlegacy_call(2)"))
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 2)

    # A request for a document that was never opened, and one with nonsense params.
    assert (
        await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=(workspace / "nope.py").as_uri()),
                position=types.Position(line=0, character=0),
            )
        )
        is None
    )
    # Malformed messages: params of the wrong shape, and a method nobody defined.
    client.protocol._send_data(
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"x": 1}}
    )
    client.protocol._send_data(
        {"jsonrpc": "2.0", "id": 9999, "method": "textDocument/hover", "params": []}
    )
    with pytest.raises(Exception):  # noqa: B017 - any JSON-RPC error response is right here
        await client.protocol.send_request_async("upstream/noSuchMethod", None)

    # Huge and binary documents are skipped with one message each.
    big_uri = open_doc(client, workspace / "big.py", "legacy_call(1)\n" * 2000, "python")
    binary_uri = open_doc(client, workspace / "bin.py", "legacy_call(1)\x00\n", "python")
    assert list(await wait_for_diagnostics(client, big_uri, lambda d: True)) == []
    assert list(await wait_for_diagnostics(client, binary_uri, lambda d: True)) == []
    skipped = [m.message for m in client.messages if "not checked" in m.message]
    assert any("big.py" in m for m in skipped) and any("bin.py" in m for m in skipped)

    # Still alive and checking.
    change(client, uri, 3, (None, "legacy_call(9)\n"))
    await wait_for_diagnostics(client, uri, lambda d: len(d) == 1)


async def test_broken_pack_at_start_is_shown_on_the_pack_file(
    client: LanguageClient, workspace: Path
):
    bad = write_pack(workspace / "more", "rules:\n  - id: [oops\n", name="broken")
    await start(client, workspace)
    rules_uri = (bad / "rules.yaml").as_uri()
    [problem] = await wait_for_diagnostics(client, rules_uri, lambda d: len(d) == 1)
    assert "invalid YAML" in problem.message
    uri = open_doc(client, workspace / "app.py", "legacy_call(1)\n", "python")
    await wait_for_diagnostics(client, uri, lambda d: codes(d) == ["local/r"])


async def test_shutdown_and_exit(workspace: Path):
    client = pytest_lsp.make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "upstream", "lsp")
    await client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri())
    )
    await client.shutdown_session()
    assert client._server is not None and client._server.returncode == 0


def test_module_entry_point_help():
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "upstream", "lsp", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "--tcp" in result.stdout
    assert textwrap.dedent(result.stdout)
