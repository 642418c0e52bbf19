"""The MCP server, driven by the official SDK's stdio client."""

from __future__ import annotations

import sys
from typing import Any

import pytest

mcp = pytest.importorskip("mcp")

from mcp import ClientSession, StdioServerParameters, stdio_client  # noqa: E402


def _field(result: Any, name: str, old_name: str) -> Any:
    # mcp 2.x uses snake_case attribute names where 1.x used camelCase.
    return getattr(result, name) if hasattr(result, name) else getattr(result, old_name)


def structured(result: Any) -> Any:
    return _field(result, "structured_content", "structuredContent")


def is_error(result: Any) -> bool:
    return bool(_field(result, "is_error", "isError"))


BAD = 'import openai\n\nreply = openai.ChatCompletion.create(model="gpt-4o-mini", messages=[])\n'


async def test_mcp_server_over_stdio() -> None:
    params = StdioServerParameters(command=sys.executable, args=["-m", "upstream", "mcp"])
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert set(tools) == {"check_code", "guidance", "list_packs"}
        schema = _field(tools["check_code"], "input_schema", "inputSchema")
        assert schema["required"] == ["code", "language"]
        assert schema["properties"]["unsafe_fixes"]["type"] == "boolean"

        result = await session.call_tool("check_code", {"code": BAD, "language": "python"})
        assert not is_error(result)
        data = structured(result)
        assert data is not None
        assert [f["rule"] for f in data["findings"]] == ["openai/chat-completion-removed"]
        finding = data["findings"][0]
        assert finding["line"] == 3 and finding["docs"].startswith("https://")
        assert finding["fix_safe"] is False and data["fixed_code"] is None
        fixed = structured(
            await session.call_tool(
                "check_code", {"code": BAD, "language": "python", "unsafe_fixes": True}
            )
        )
        assert fixed["fixed_code"] == BAD.replace("ChatCompletion", "chat.completions")

        clean = await session.call_tool(
            "check_code", {"code": "print(1)\n", "language": "", "filename": "a.py"}
        )
        assert structured(clean) == {
            "language": "python",
            "findings": [],
            "fixed_code": None,
        }

        # Snippet mode: `np.` without an import counts as numpy; the fix and the positions
        # are the fragment's own. Without it the fragment is clean (no numpy import).
        fragment = {"code": "def f(x):\n    return np.float(x)\n", "language": "python"}
        assert structured(await session.call_tool("check_code", fragment))["findings"] == []
        snippet = structured(await session.call_tool("check_code", {**fragment, "snippet": True}))
        [alias] = snippet["findings"]
        assert alias["rule"] == "python-ecosystem/numpy-builtin-type-alias-removed"
        assert (alias["line"], alias["column"]) == (2, 12)
        assert snippet["fixed_code"] == "def f(x):\n    return float(x)\n"

        bad_language = await session.call_tool("check_code", {"code": "x", "language": "cobol"})
        assert is_error(bad_language)
        assert "unknown language 'cobol'" in bad_language.content[0].text

        advice = await session.call_tool("guidance", {"library": "pandas"})
        lines = structured(advice)["rules"]
        assert lines and all(line.startswith("- Don't: ") for line in lines)
        # Each says what to do once: not the message again after the title.
        assert not any("Instead:" in line for line in lines)
        assert any("python-ecosystem/dataframe-append-removed" in line for line in lines)
        assert is_error(await session.call_tool("guidance", {"library": "nope"}))

        packs = await session.call_tool("list_packs", {})
        names = {p["name"] for p in structured(packs)["result"]}
        assert {"mongodb", "openai", "pymongo"} <= names
