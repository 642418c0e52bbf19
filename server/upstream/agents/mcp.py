"""``upstream mcp``: a Model Context Protocol server (stdio) so coding agents check their code.

Tools: ``check_code`` (findings, with docs and the code with safe fixes applied), ``guidance``
(the do/don't list for a library) and ``list_packs``. A bad argument is an MCP tool error, and
code that cannot be checked (over the size limit, holding a NUL) is one saying why; the server
keeps serving. Nothing but protocol messages goes to stdout.
"""

from __future__ import annotations

import importlib
import json
import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError
from upstream import __version__
from upstream.agents.export import guidance_line
from upstream.agents.snippets import findings_after, implied_imports
from upstream.engine import (
    LANGUAGES,
    Document,
    LanguageSpec,
    RuleSet,
    apply_edits,
    check,
    chosen_edits,
    language_for_id,
    language_for_path,
)

if TYPE_CHECKING:
    from mcp.types import JSONRPCError


class FindingOut(BaseModel):
    rule: str = Field(description="pack/rule id")
    severity: str
    message: str = Field(description="what is wrong and what to write instead")
    docs: str = Field(description="the maintainers' documentation page")
    line: int = Field(description="1-based")
    column: int = Field(description="1-based")
    end_line: int
    end_column: int
    fix: str | None = Field(description="replacement text for the reported range, if any")
    fix_safe: bool | None = Field(description="false: the fix may change behaviour; review it")


class CheckResult(BaseModel):
    language: str
    findings: list[FindingOut]
    fixed_code: str | None = Field(
        description="the code with the fixes applied (safe ones, or all with unsafe_fixes); "
        "null when there is none"
    )


class Guidance(BaseModel):
    library: str
    rules: list[str] = Field(description="one line per rule: avoid, instead, docs link")


class PackInfo(BaseModel):
    name: str
    version: str
    title: str
    description: str
    rules: int
    languages: list[str]


def resolve_language(language: str, filename: str | None) -> LanguageSpec:
    """The language named (an LSP id or one of ours), else the one of ``filename``."""
    spec = language_for_id(language.strip().lower()) if language.strip() else None
    if spec is None and filename:
        spec = language_for_path(filename)
    if spec is None:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"unknown language {language!r} (known: {known})")
    return spec


def _checkable(code: str, max_bytes: int) -> bytes:
    """``code`` as UTF-8, or a ValueError saying why it is not checked."""
    source = code.encode("utf-8")  # a lone surrogate fails here, a ValueError too
    if len(source) > max_bytes:
        raise ValueError(
            f"code is {len(source):,} bytes, over the size limit of {max_bytes:,} bytes (as for "
            "`upstream check`): not checked"
        )
    nul = source.find(b"\0")
    if nul >= 0:
        # The grammars stop reading a string at a NUL: what follows would go unchecked.
        line = source.count(b"\n", 0, nul) + 1
        raise ValueError(
            f"code holds a NUL character on line {line}: not checked (binary content, as "
            "`upstream check` skips it); write it as an escape such as \\0"
        )
    return source


def check_code(
    rule_set: RuleSet,
    code: str,
    language: str,
    filename: str | None,
    unsafe_fixes: bool = False,
    *,
    max_bytes: int,
    snippet: bool = False,
) -> CheckResult:
    spec = resolve_language(language, filename)
    source = _checkable(code, max_bytes)
    path = filename or f"<{spec.name}>"
    # Snippet mode: the conventional aliases the fragment uses unimported are imported first.
    before = implied_imports(code, spec).encode("utf-8") if snippet else b""
    findings = check(before + source, spec, rule_set, path=path)
    findings = findings_after(findings, len(before), Document(path, source, spec))
    edits = chosen_edits(findings, unsafe=unsafe_fixes)
    fixed = apply_edits(source, edits, spec) if edits else None
    return CheckResult(
        language=spec.name,
        findings=[
            FindingOut(
                rule=f.rule,
                severity=f.severity,
                message=f.message,
                docs=f.docs,
                line=f.start.line + 1,
                column=f.start.column + 1,
                end_line=f.end.line + 1,
                end_column=f.end.column + 1,
                fix=f.fix.text if f.fix is not None else None,
                fix_safe=f.fix.safe if f.fix is not None else None,
            )
            for f in findings
        ],
        fixed_code=fixed.source.decode("utf-8") if fixed and fixed.applied else None,
    )


def _root(name: str) -> str:
    return re.split(r"[^A-Za-z0-9_-]", name.strip().lower(), maxsplit=1)[0]


def guidance(rule_set: RuleSet, library: str) -> Guidance:
    """Rules of the pack named ``library``, or of every pack rule about that package."""
    wanted = _root(library.removeprefix("@"))
    lines: list[str] = []
    for pack in rule_set.packs:
        for rule in pack.rules:
            packages = {_root(name.removeprefix("@")) for name in rule.imports}
            for texts in rule.requires.values():
                for text in [texts] if isinstance(texts, str) else texts:
                    packages.add(_root(text.removeprefix("@")))
            if pack.name == wanted or wanted in packages:
                lines.append(f"{guidance_line(rule)} ({pack.full_id(rule)})")
    if not lines:
        names = ", ".join(pack.name for pack in rule_set.packs)
        raise ValueError(f"no rules about {library!r} (packs: {names})")
    return Guidance(library=library, rules=lines)


def list_packs(rule_set: RuleSet) -> list[PackInfo]:
    return [
        PackInfo(
            name=pack.name,
            version=pack.manifest.version,
            title=pack.manifest.title,
            description=pack.manifest.description,
            rules=len(pack.rules),
            languages=sorted({lang for rule in pack.rules for lang in rule.languages}),
        )
        for pack in rule_set.packs
    ]


def _sdk() -> tuple[Any, type[Exception]]:
    # mcp 2.x renamed FastMCP to MCPServer; both are the SDK's decorator-based server.
    try:
        module = importlib.import_module("mcp.server.mcpserver")
        server = module.MCPServer
        errors = importlib.import_module("mcp.server.mcpserver.exceptions")
    except ImportError:
        module = importlib.import_module("mcp.server.fastmcp")
        server = module.FastMCP
        errors = importlib.import_module("mcp.server.fastmcp.exceptions")
    tool_error: type[Exception] = errors.ToolError
    return server, tool_error


def build_server(rule_set: RuleSet, max_bytes: int) -> Any:
    """The MCP server with its three tools over ``rule_set``, checking code of up to
    ``max_bytes`` (the ``_tool`` suffix only keeps the functions from shadowing the module's
    own)."""
    server_class, ToolError = _sdk()
    server = server_class(
        f"upstream {__version__}",
        instructions=(
            "Check code against library maintainers' rule packs before showing it: call "
            "check_code and follow each finding's message and docs link."
        ),
    )

    def check_code_tool(
        code: str,
        language: str,
        filename: str | None = None,
        unsafe_fixes: bool = False,
        snippet: bool = False,
    ) -> CheckResult:
        """Check code against the maintainers' rules; returns findings with messages, docs
        links and the code with safe fixes applied. language: python, javascript, typescript,
        tsx, java, go or sql (or an LSP language id), or empty to go by filename;
        unsafe_fixes: also apply fixes that may change behaviour; snippet: the code is a
        fragment, so np., pd., tf., torch., F., plt., sns. used without an import count as
        imported."""
        try:
            return check_code(
                rule_set,
                code,
                language,
                filename,
                unsafe_fixes,
                max_bytes=max_bytes,
                snippet=snippet,
            )
        except ValueError as error:
            raise ToolError(str(error)) from None

    def guidance_tool(library: str) -> Guidance:
        """The maintainers' do and don't list for a library (a pack name such as mongodb or a
        package such as pandas or openai)."""
        try:
            return guidance(rule_set, library)
        except ValueError as error:
            raise ToolError(str(error)) from None

    def list_packs_tool() -> list[PackInfo]:
        """The loaded rule packs: name, version, title, number of rules, languages."""
        return list_packs(rule_set)

    for name, tool in (
        ("check_code", check_code_tool),
        ("guidance", guidance_tool),
        ("list_packs", list_packs_tool),
    ):
        server.add_tool(tool, name=name)
    return server


def serve(rule_set: RuleSet, max_bytes: int) -> None:
    """Serve the tools over stdio until the client closes it."""
    import anyio

    anyio.run(_serve_stdio, build_server(rule_set, max_bytes))


async def _serve_stdio(server: Any) -> None:
    """The SDK's stdio loop (as ``run_stdio_async``), answering a request the SDK could not
    read: it logs the error, and the client would wait for that answer forever."""
    import anyio
    from mcp.server.stdio import stdio_server
    from mcp.shared.message import SessionMessage
    from mcp.types import JSONRPCMessage

    lowlevel = getattr(server, "_mcp_server", None)  # where FastMCP keeps the SDK's server
    if lowlevel is None:
        await server.run_stdio_async()  # another SDK layout: its own loop, unfiltered
        return
    async with stdio_server() as (read_stream, write_stream):
        readable_in, readable = anyio.create_memory_object_stream[SessionMessage | Exception](0)
        replies = write_stream.clone()

        async def sort_out() -> None:
            async with readable_in, replies:
                async for item in read_stream:
                    reply = _unreadable_reply(item)
                    if reply is None:
                        await readable_in.send(item)
                    else:
                        await replies.send(SessionMessage(JSONRPCMessage(reply)))

        async with anyio.create_task_group() as group:
            group.start_soon(sort_out)
            await lowlevel.run(readable, write_stream, lowlevel.create_initialization_options())
            group.cancel_scope.cancel()


def _unreadable_reply(item: object) -> JSONRPCError | None:
    """The error answer to a request the SDK's JSON parser refused, if it has an id: Python's
    parser reads it (a lone surrogate such as ``"\\ud800"``), so the id is known."""
    from mcp.types import PARSE_ERROR, ErrorData, JSONRPCError

    errors = item.errors() if isinstance(item, ValidationError) else []
    if len(errors) != 1 or errors[0]["type"] != "json_invalid":
        return None
    try:
        request = json.loads(errors[0]["input"])
    except (TypeError, ValueError):
        return None  # not JSON to Python either: no id to answer
    msg_id = request.get("id") if isinstance(request, dict) else None
    if not isinstance(msg_id, int | str) or "method" not in request:
        return None
    message = f"Parse error: {errors[0]['msg']}"
    if _has_lone_surrogate(request):
        message = "Parse error: the request holds a lone surrogate (such as \\ud800), not Unicode"
    return JSONRPCError(
        jsonrpc="2.0", id=msg_id, error=ErrorData(code=PARSE_ERROR, message=message)
    )


def _has_lone_surrogate(value: object) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
